"""What a report says of a task, read from its words: the status, the figures against the task's
targets, the documents and links it cites; and the report's own number, date, period and body."""

from __future__ import annotations

import datetime as dt
import re

from phobien.model.agency import Agency
from phobien.model.plan import Task

DROPPED = ("không thực hiện", "không triển khai", "dừng thực hiện", "dừng triển khai", "hủy bỏ", "không còn phù hợp")
NOT_STARTED = ("chưa tổ chức", "chưa triển khai", "chưa thực hiện", "chưa bắt đầu", "chưa xây dựng", "chưa có")
ONGOING = ("đang ", "tiếp tục", "còn lại", "chưa hoàn thành", "sẽ ", "dự kiến")
DONE = ("hoàn thành", "đã xong", "thực hiện xong", "đạt 100")

NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?"
NOT_REACHED_BEFORE = re.compile(r"(?:trên|chỉ tiêu|kế hoạch|so với|còn)\s*$", re.IGNORECASE)
NOT_REACHED_AFTER = re.compile(r"^\s*(?:theo kế hoạch|còn lại|chưa)", re.IGNORECASE)
DOC_NUMBER = re.compile(
    r"(?:(?P<kind>Công văn|Quyết định|Kế hoạch|Báo cáo|Thông báo|Chỉ thị|Hướng dẫn|Tờ trình)\s+(?:số\s+)?)?"
    r"\b(?P<number>\d{1,5}/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9&]+)*)\b"
)
URL = re.compile(r"https?://[^\s<>\"')]+")
REPORT_NUMBER = re.compile(r"^\s*Số\s*[:.]?\s*(?P<n>\d{1,5}/[^\s,;]+)", re.IGNORECASE)
DATE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
QUARTER = re.compile(r"\bquý\s+(?P<q>IV|I{1,3}|[1-4])\b.*?\bnăm\s+(?P<y>\d{4})", re.IGNORECASE)
YEAR = re.compile(r"\bnăm\s+(?P<y>\d{4})\b", re.IGNORECASE)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "tp": "thành phố"}


def status_of(text: str) -> str:
    """not_started, in_progress, done or dropped, from what the report says of a task."""
    low = " " + text.lower()
    if any(w in low for w in DROPPED):
        return "dropped"
    if any(w in low for w in NOT_STARTED) and " đã " not in low:
        return "not_started"
    if any(w in low for w in DONE) and "chưa hoàn thành" not in low and not any(w in low for w in ONGOING):
        return "done"
    return "in_progress"


def _value(m: re.Match[str]) -> float:
    whole = float(m.group("n").replace(".", ""))
    return whole + float("0." + m.group("dec")) if m.group("dec") else whole


def figures_of(text: str, task: Task) -> list[dict[str, object]]:
    """For each target of the task, the last number the text gives in its unit that is not the
    planned number ('trên 10 lớp theo kế hoạch') or what is left to do ('2 hội nghị còn lại')."""
    found = []
    for target in task.targets:
        pattern = re.compile(NUMBER + r"\s+" + re.escape(target.unit) + r"\b", re.IGNORECASE)
        values = [
            _value(m)
            for m in pattern.finditer(text)
            if not NOT_REACHED_BEFORE.search(text[: m.start()]) and not NOT_REACHED_AFTER.match(text[m.end() :])
        ]
        if values:
            value = values[-1]
            found.append(
                {"target": target.id, "value": int(value) if value.is_integer() else value, "unit": target.unit}
            )
    return found


def evidence_of(text: str, skip: set[str]) -> list[dict[str, str]]:
    """Document numbers and web addresses the text cites (not those in ``skip``: the plan's, the report's)."""
    found: list[dict[str, str]] = []
    for url in URL.findall(text):
        url = url.rstrip(".,;:")
        found.append({"title": url, "url": url})
    for m in DOC_NUMBER.finditer(text):
        number = m.group("number")
        if number not in skip and all(number != e.get("number") for e in found):
            title = f"{m.group('kind')} số {number}" if m.group("kind") else number
            found.append({"title": title, "number": number})
    return found


def header_facts(lines: list[str]) -> tuple[str | None, dt.date | None, str | None]:
    """The report's number, date and period, from its first lines and its title."""
    number = next((m.group("n").rstrip(".") for ln in lines if (m := REPORT_NUMBER.match(ln))), None)
    date = None
    for ln in lines:
        m = DATE.search(ln)
        if m:
            try:
                date = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                date = None
            break
    return number, date, period_of(lines)


def period_of(lines: list[str]) -> str | None:
    """'2025-q2' or '2025' from the title lines after 'BÁO CÁO'."""
    try:
        start = next(i for i, ln in enumerate(lines) if ln.strip().upper().startswith("BÁO CÁO"))
    except StopIteration:
        return None
    title = " ".join(lines[start : start + 4])
    m = QUARTER.search(title)
    if m:
        q = m.group("q").lower()
        return f"{m.group('y')}-q{ROMAN.get(q, q)}"
    m = YEAR.search(title)
    return m.group("y") if m else None


def _words(text: str) -> list[str]:
    out = []
    for w in re.findall(r"\w+", text.lower()):
        out += ABBREVIATIONS.get(w, w).split()
    return out


def reporting_body(header: list[str], agencies: list[Agency]) -> str | None:
    """The agency whose name the header block before 'Số:' spells out (the lowest line names
    the body itself, the lines above it its parent): every word of its name in the block and
    some in the last line; the longest such name."""
    if not header:
        return None
    block = set(_words(" ".join(header)))
    last = set(_words(header[-1]))
    fits = [a for a in agencies if (name := _words(a.name)) and set(name) <= block and set(name) & last]
    fits.sort(key=lambda a: (len(set(_words(a.name)) & last), len(_words(a.name))), reverse=True)
    return fits[0].id if fits else None
