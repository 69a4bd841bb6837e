"""Which task of a plan each paragraph of an agency's report is about.

A report (báo cáo) answers a plan's tasks in its own order and words. A paragraph is matched:
1. by a task id it names: "Nhiệm vụ I.2", "(nhiệm vụ B.VI.1.2)", or a leading "II.1." that is
   a task id of the plan;
2. by its numbering under a heading that is a part of the plan: "1." under "I. TUYÊN TRUYỀN"
   (the plan's part I is "Tuyên truyền") is task I.1, when the plan has that task;
3. by wording: the syllable pairs of the paragraph's subject (the words before its first ':',
   or its first 24 words) found in a task's text, when one task clearly has the most.
Numbered items may go on over further paragraphs (until the next item or heading); a dash
bullet is one paragraph. Headings of difficulties, proposals and next steps ("Khó khăn",
"Kiến nghị", "Phương hướng") and everything from "Nơi nhận" on are about no task.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from phobien.model.plan import Plan

ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,3}|X?I{1,3}|XI?V|XVI{0,3})"
HEADING = re.compile(rf"^(?P<num>{ROMAN}|[A-Z])\s*[.)/]\s+(?P<title>.+)$")
ITEM = re.compile(r"^(?P<num>\d{1,2}|[a-zđ])\s*[.)]\s+(?P<rest>.+)$")
BULLET = re.compile(r"^[-–+•*]\s*")
NAMED = re.compile(r"\bnhiệm vụ\s+(?:số\s+)?(?P<id>[A-ZĐa-zđ0-9][\w.()\-]*)", re.IGNORECASE)
OUTSIDE_TASKS = (
    "khó khăn", "vướng mắc", "tồn tại", "hạn chế", "kiến nghị", "đề xuất", "đề nghị", "phương hướng",
    "nhiệm vụ trọng tâm", "nhiệm vụ thời gian tới", "giải pháp thời gian tới", "đánh giá chung",
)  # fmt: skip
END = re.compile(r"^(nơi nhận|lưu\s*:|tm\.|kt\.|giám đốc|chủ tịch)\b", re.IGNORECASE)
WORD = re.compile(r"\w+")
MIN_SCORE = 0.34
MARGIN = 0.1


def pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of neighbouring syllables of ``text``, lower-case, without numbers."""
    words = [w for w in WORD.findall(text.lower()) if not w.isdigit()]
    return set(itertools.pairwise(words))


def subject(text: str) -> str:
    """What a paragraph is about: in a table row, its first cell that is not a number; else its
    words before the first ':' (if short), else its first words."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) > 1:
        return next((c for c in cells if not re.fullmatch(r"[\dIVXivx.)]+", c)), cells[0])
    head, sep, _ = text.partition(":")
    if sep and len(head) <= 160:
        return head
    return " ".join(text.split()[:24])


@dataclass
class Paragraph:
    line: int
    text: str
    task: str | None = None
    how: str = ""
    """'id', 'number', 'wording', 'continued', or '' (about no task)."""
    heading: bool = False
    """A heading of the report, or the closing lines from 'Nơi nhận' on: not listed as unmatched."""


@dataclass
class Matcher:
    plan: Plan
    ids: dict[str, str] = field(default_factory=dict)
    """Task ids by their lower-case form."""

    def __post_init__(self) -> None:
        self.ids = {t.id.lower(): t.id for t in self.plan.tasks}
        self.texts = {t.id: pairs(t.text) for t in self.plan.tasks}
        self.sections = {s.id: pairs(s.title) for s in self.plan.sections}

    def named(self, text: str) -> str | None:
        """A task id the paragraph names ('Nhiệm vụ I.2', or a leading 'II.1.')."""
        for m in NAMED.finditer(text):
            found = self.ids.get(m.group("id").rstrip(".,:;)").lower())
            if found:
                return found
        first = text.split(maxsplit=1)[0].rstrip(".:)") if text.split() else ""
        return self.ids.get(first.lower())

    def section_of(self, num: str, title: str) -> str | None:
        """The part of the plan a heading of the report is: its numbering and some of its words."""
        words = pairs(title)
        if num in self.sections and (words & self.sections[num] or not words):
            return num
        best = max(self.sections, key=lambda s: len(words & self.sections[s]), default=None)
        if best and words and len(words & self.sections[best]) >= max(1, len(words) // 2):
            return best
        return None

    def by_wording(self, text: str) -> str | None:
        words = pairs(subject(text))
        if not words:
            return None
        scores = sorted(((len(words & t) / len(words), tid) for tid, t in self.texts.items()), reverse=True)
        best = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0.0
        if best[0] >= MIN_SCORE and best[0] - second >= MARGIN:
            return best[1]
        return None


def _outside(title: str) -> bool:
    low = title.lower()
    return any(low.startswith(w) or f" {w}" in low[:40] for w in OUTSIDE_TASKS)


def match(plan: Plan, lines: list[tuple[int, str]]) -> list[Paragraph]:
    """Every paragraph of the report's body (``(line, text)``), with the task it is about."""
    m = Matcher(plan)
    section: str | None = None
    outside = ended = False
    current: str | None = None  # the task a numbered item opened, for its further paragraphs
    out: list[Paragraph] = []
    for line, text in lines:
        p = Paragraph(line, text)
        out.append(p)
        if ended or END.match(text):
            ended = p.heading = True
            continue
        heading = HEADING.match(text)
        if heading and not m.named(text) and (text.isupper() or len(text) < 80):
            p.heading = True
            outside = _outside(heading.group("title"))
            section = None if outside else m.section_of(heading.group("num"), heading.group("title"))
            current = None
            continue
        if outside:
            continue
        item = ITEM.match(text)
        body = item.group("rest") if item else BULLET.sub("", text)
        task, how = _which(m, text, body, item, section)
        if task is None and current and not item and not BULLET.match(text):
            task, how = current, "continued"
        p.task, p.how = task, how
        current = task if item else None
    return out


def _which(m: Matcher, text: str, body: str, item: re.Match[str] | None, section: str | None) -> tuple[str | None, str]:
    named = m.named(body) or m.named(text)
    if named:
        return named, "id"
    if item and section:
        numbered = m.ids.get(f"{section}.{item.group('num')}".lower())
        if numbered:
            return numbered, "number"
    wording = m.by_wording(body)
    return (wording, "wording") if wording else (None, "")
