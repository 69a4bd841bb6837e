"""Who leads and who takes part: the role of every body in assignment wording.

Plans say it in a few ways: per-task lines ("Cơ quan chủ trì: ..."), table columns, "Phân công"
paragraphs that give numbered activities to units ("Phòng Cảnh sát hình sự chủ trì, phối hợp với
... thực hiện tiết (1); ..."), headings that name a body, and sentences whose subject is a body.
The verb before a name decides its role: "phối hợp với" → partner, "chỉ đạo/hướng dẫn ... thực
hiện" → the directed body leads too, "tham mưu/báo cáo/gửi về" → not a role; a list inherits the
role of its first name. "Đề nghị ..." marks a request to a body the issuer cannot order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from phobien.core.text import fold
from phobien.importer.mentions import Directory, Mention
from phobien.importer.text import fold_same_length

LEAD = "lead"
PARTNER = "partner"


@dataclass
class Assigned:
    """A body with a role in a task."""

    agency: str
    as_written: str
    role: str
    requested: bool = False


@dataclass
class Statement:
    """One clause of a "Phân công" paragraph: who does which numbered activities (all when empty)."""

    refs: list[str]
    assigned: list[Assigned]


@dataclass
class Roles:
    """Leads, partners, the request wording and the unknown names found for one task."""

    lead: list[Assigned] = field(default_factory=list)
    partners: list[Assigned] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def add(self, items: list[Assigned], only_new: bool = False) -> None:
        known = {a.agency for a in self.lead + self.partners}
        for a in items:
            if only_new and a.agency in known:
                continue
            if a.role == LEAD and a.agency not in {x.agency for x in self.lead}:
                self.partners = [p for p in self.partners if p.agency != a.agency]
                self.lead.append(a)
            elif a.role == PARTNER and a.agency not in known:
                self.partners.append(a)
            known.add(a.agency)


_BOUNDARY = re.compile(r"\.\s+|;\s*|\s+-\s+|^\s*-\s+|:\s+")
_KEYWORDS = [
    (re.compile(r"\b(?:chi dao|huong dan|giao)\b"), LEAD),
    (re.compile(r"\b(?:phoi hop|cung)\b|\bvoi\s*(?:cac\s+)?$"), PARTNER),
    (re.compile(r"\b(?:tham muu|giup|bao cao|gui|ve|cho|cua|trinh|tu|den)\b|\bdo\s*$"), None),
]
_POST_LEAD = re.compile(r"^\s*\(?\s*chủ trì\b", re.I)
_DIRECTIVE = re.compile(r"\b(?:chi dao|huong dan)\b")
_THEN_ACT = re.compile(r"^\s*thực hiện\b", re.I)


def _post_lead(text: str, mention: Mention) -> bool:
    """A name followed by "chủ trì" or "(chủ trì)" leads (but not "... của cơ quan chủ trì")."""
    return bool(_POST_LEAD.match(text[mention.end :])) and not fold(mention.as_written).endswith(("co quan", "cua"))


_REQUEST = re.compile(r"(?:[Kk]ính\s+)?[Đđ]ề nghị\s+")


def _verb_role(gap_folded: str) -> tuple[bool, str | None]:
    """(a role verb was found, its role) for the words between two names."""
    best: tuple[int, str | None] | None = None
    for pattern, role in _KEYWORDS:
        for m in pattern.finditer(gap_folded):
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return (False, None) if best is None else (True, best[1])


def roles(text: str, mentions: list[Mention], default: str | None) -> list[tuple[Mention, str | None, bool]]:
    """(mention, role or None, requested) for every named body, in order."""
    folded = fold_same_length(text)
    bounds = [m.end() for m in _BOUNDARY.finditer(text)]
    out: list[tuple[Mention, str | None, bool]] = []
    role: str | None = default
    prev_end = 0
    for mention in mentions:
        if mention.agency is None:
            continue
        seg_start = max([b for b in bounds if b <= mention.start] + [0])
        if seg_start > prev_end:
            role = default
        gap_start = max(prev_end, seg_start)
        found, verb = _verb_role(folded[gap_start : mention.start])
        if found:
            role = verb
        if (
            found
            and verb is not None
            and _DIRECTIVE.search(folded[gap_start : mention.start])
            and _THEN_ACT.match(text[mention.end :])
        ):
            role = LEAD
        this = LEAD if _post_lead(text, mention) else role
        requested = bool(_REQUEST.search(text[seg_start : mention.start]))
        out.append((mention, this, requested))
        prev_end = mention.end
    return out


_THEN_PARTNER = re.compile(
    r"^\s*(?:cùng\s+)?(?:(?:hướng dẫn|giúp đỡ|hỗ trợ)\s*,\s*)*(?:phối hợp|tham gia)\b(?!\s+với)", re.I
)


def assigned(text: str, mentions: list[Mention], default: str | None) -> list[Assigned]:
    """The bodies of a lead or partner cell/line with their roles; the names of a clause that ends
    in "phối hợp" ("…; Y, Z và W phối hợp") are partners."""
    out = []
    for m, role, req in roles(text, mentions, default):
        if not m.agency:
            continue
        clause_end = re.search(r"[;.](?:\s|$)|$", text[m.end :])
        clause = text[m.end : m.end + (clause_end.start() if clause_end else 0)]
        later = [x for x in mentions if m.end <= x.start < m.end + len(clause)]
        tail = clause[later[-1].end - m.end :] if later else clause
        if role != PARTNER and _THEN_PARTNER.match(tail) and not _post_lead(text, m):
            role = PARTNER
        if role is not None:
            out.append(Assigned(m.agency, m.as_written, role, req))
    return out


def requests(text: str) -> list[str]:
    """The request sentences ("Đề nghị ... phối hợp") in a text, word for word."""
    out = []
    for m in _REQUEST.finditer(text):
        end = re.search(r"\.(?:\s|$)|;|\s+-\s+|$", text[m.start() :])
        out.append(text[m.start() : m.start() + (end.start() if end else len(text))].strip(" .;"))
    return out


_LABEL = re.compile(r"^[^:]{3,80}:\s+")
_OPENING = re.compile(r"^(?:(?:kinh\s+)?de nghi|giao)\s+")
_DETERMINER = re.compile(r"^(?:cac co quan|cac don vi|luc luong)\s+")
_INTRO = re.compile(r"^(?:theo|can cu|trong|sau khi|khi|de(?! nghi))\b[^,]{0,120},\s+")
_GROUP_GAP = re.compile(r"^\s*(?:,|;|và|,\s*và)?\s*$")


def leading(text: str, mentions: list[Mention], label: bool = True, intro: bool = True) -> tuple[list[Mention], int]:
    """The names a text starts with (its subject), and where the words after them begin."""
    folded = fold_same_length(text)
    starts = {m.start for m in mentions}
    pos = 0
    if label:
        m = _LABEL.match(text)
        if m and 0 not in starts:
            pos = m.end()
    for pattern in (_INTRO, _OPENING) if intro else (_OPENING,):
        m = pattern.match(folded[pos:])
        if m and pos not in starts:
            pos += m.end()
    pos += len(text[pos:]) - len(text[pos:].lstrip())
    m = _DETERMINER.match(folded[pos:])
    if m and pos not in starts:
        pos += m.end()
    group: list[Mention] = []
    for mention in sorted(mentions):
        if mention.start < pos:
            continue
        if not group and mention.start != pos:
            break
        if group and not _GROUP_GAP.match(text[group[-1].end : mention.start]):
            break
        group.append(mention)
    end = group[-1].end if group else 0
    return group, end


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"\.\s+|;\s+|\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [s for s in spans if s[1] > s[0]]


def subjects(text: str, mentions: list[Mention]) -> list[Assigned]:
    """Bodies that are the subject of a sentence of ``text`` (and any marked "(chủ trì)"): leads."""
    out: list[Assigned] = []
    helpers: list[Assigned] = []  # "…; đề nghị Y hướng dẫn, phối hợp": partners when someone else leads
    for start, end in _sentences(text):
        inside = [
            Mention(m.start - start, m.end - start, m.agency, m.as_written) for m in mentions if start <= m.start < end
        ]
        part = text[start:end]
        group, group_end = leading(part, inside, label=start == 0)
        aside = re.match(r"\s*\([^()]*\)", part[group_end:])
        group_end += aside.end() if aside else 0
        if group and _THEN_PARTNER.match(part[group_end:]):
            helpers.extend(Assigned(m.agency, m.as_written, LEAD, bool(_REQUEST.match(part.lstrip()))) for m in group)
            continue
        if group and re.match(
            r"\s*,?\s*(?:là|có|được|phải|chủ|tập|căn|tiếp|thực|xây|tổ|chỉ|phối|theo|duy|bảo|\w)", part[group_end:]
        ):
            requested = bool(_REQUEST.match(part.lstrip()))
            out.extend(Assigned(m.agency, m.as_written, LEAD, requested) for m in group if m.agency)
    for m in mentions:
        if m.agency and _post_lead(text, m) and m.agency not in {a.agency for a in out}:
            out.append(Assigned(m.agency, m.as_written, LEAD))
    return out or [a for a in helpers if a.agency]


def directed(text: str, mentions: list[Mention]) -> list[Assigned]:
    """Bodies a task tells someone to direct to act ("Chỉ đạo X ... thực hiện"): they lead too."""
    out = []
    folded = fold_same_length(text)
    for m, role, _ in roles(text, mentions, PARTNER):
        gap = folded[max(0, m.start - 60) : m.start]
        clause_end = re.search(r"[.;]|$", text[m.end :])
        after = folded[m.end : m.end + (clause_end.start() if clause_end else 0)]
        if m.agency and role == LEAD and re.search(r"\bchi dao\b", gap) and "thuc hien" in after:
            out.append(Assigned(m.agency, m.as_written, LEAD))
    return out


_TIET = re.compile(r"tiết\s*((?:\(\d+\)(?:\s*,\s*|\s+và\s+)?)+)", re.I)
_PARTNER_ONLY = re.compile(r"^\s*(?:chủ động\s+)?(?:phối hợp|tham gia)(?:\s+thực hiện)?\s*[.;]?\s*$", re.I)


def statements(text: str, directory: Directory) -> list[Statement]:
    """The clauses of a "Phân công" paragraph, each with the activities it names."""
    text = re.sub(r"^\s*[-+•–]\s+", "", text)
    mentions = directory.find(text)
    spans: list[tuple[int, int, list[str]]] = []
    start = 0
    for m in _TIET.finditer(text):
        stop = re.search(r"[;.]|$", text[m.end() :])
        end = m.end() + (stop.start() if stop else 0)
        spans.append((start, end, re.findall(r"\(\d+\)", m.group(1))))
        start = end + 1
    if start < len(text.rstrip(" .;")):
        spans.append((start, len(text), []))
    out: list[Statement] = []
    subject: list[Assigned] = []
    for s_start, s_end, refs in spans:
        clause = text[s_start:s_end]
        inside = [
            Mention(m.start - s_start, m.end - s_start, m.agency, m.as_written)
            for m in mentions
            if s_start <= m.start < s_end
        ]
        group, group_end = leading(clause, inside, label=False)
        after = clause[group_end:]
        items: list[Assigned] = []
        if group:
            if re.match(r"\s*giao\b", after, re.I):
                subject = []
            else:
                role = PARTNER if _PARTNER_ONLY.match(after) else LEAD
                subject = [Assigned(m.agency, m.as_written, role) for m in group if m.agency]
        items.extend(subject)
        for m, role, req in roles(clause, inside, PARTNER):
            if m in group:
                continue
            if m.agency and role is not None:
                items.append(Assigned(m.agency, m.as_written, role, req))
        if items:
            out.append(Statement(refs, items))
    return out


def from_statements(found: list[Statement], label: str) -> tuple[list[Assigned], list[Assigned]]:
    """(specific, general) assignments for the activity numbered ``label`` ("(3)")."""
    specific = [a for s in found if label in s.refs for a in s.assigned]
    general = [a for s in found if not s.refs for a in s.assigned if a.role == LEAD]
    return specific, general


_WITH_FIRST = re.compile(r"^\s*(?:chủ động\s+)?phối hợp với\s+", re.I)


def with_first(text: str, mentions: list[Mention]) -> list[Assigned]:
    """ "Phối hợp với X, Y …" at the start of an item: X and Y lead it (the heading's body takes part)."""
    m = _WITH_FIRST.match(text)
    if not m:
        return []
    group: list[Mention] = []
    for mention in sorted(mentions):
        if mention.start < m.end():
            continue
        gap = text[(group[-1].end if group else m.end()) : mention.start]
        if not _GROUP_GAP.match(gap):
            break
        group.append(mention)
    if not group or re.match(r"(?i)các\b", group[0].as_written):
        return []  # "Phối hợp với các sở, ngành …": the heading's body still leads
    return [Assigned(x.agency, x.as_written, LEAD) for x in group if x.agency]
