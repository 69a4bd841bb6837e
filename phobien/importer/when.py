"""Time phrases of plans read as a due date: "ngày 20 tháng 01 năm 2026", "20/01/2026", "tháng 3/2026",
"Quý I/2026", "6 tháng đầu năm", "trước ngày …", "từ … đến …", "năm học 2026 - 2027", "hằng năm",
"thường xuyên".

``due`` reads a deadline line or cell; ``find`` picks the time phrase of a task sentence (in
parentheses, after "hoàn thành/thực hiện/trước", or at its end). Each gives ``as_written`` (without
the label, a leading "trong/vào/hoàn thành/thực hiện" and the final punctuation), ``kind`` (date,
before_date, month, quarter, half_year, year, period, yearly, ongoing) and ``date``, the last day
by which the task is due (None for yearly and ongoing). A year left out is the plan's year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

_Y = r"(?:/|\s+năm\s+)(?:19|20)\d\d"
_DMY = r"\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?(?!\d)"
_DAY = rf"(?:ngày\s+)?{_DMY}|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm\s+(?:19|20)\d\d)?"
_MONTH = rf"tháng\s+\d{{1,2}}(?:{_Y})?(?![/\d])"
_QUARTER = rf"qu[ýyi]\s+[IV]+(?:\s*(?:,|và|-)\s*(?:qu[ýyi]\s+)?[IV]+)*(?:{_Y})?"
_HALF = r"6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d\d)?"
_END = rf"{_DAY}|{_MONTH}|{_QUARTER}|năm\s+(?:19|20)\d\d"
KINDS = [
    (
        "period",
        rf"từ\s+(?:{_END})\s+(?:đến|tới)\s+(?:{_END})|năm\s+học\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
        r"|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d",
    ),
    ("before_date", rf"trước\s+(?:{_DAY})"),
    ("half_year", _HALF),
    ("quarter", _QUARTER),
    ("date", _DAY),
    ("month", _MONTH),
    ("year", r"năm\s+(?:19|20)\d\d"),
    ("yearly", r"h[ằàă]ng\s+năm|mỗi\s+năm"),
    ("ongoing", r"thường\s+xuyên|liên\s+tục"),
]
_ANY = re.compile("|".join(f"(?P<{k}>{p})" for k, p in KINDS), re.I)
_LEAD_WORDS = re.compile(r"^(?:(?:trong|vào|hoàn thành|thực hiện|xong)\s+)+", re.I)
_CONTEXT = re.compile(
    r"(?:hoàn thành|thực hiện|xong|thời gian|thời hạn|tổ chức|triển khai)\s+(?:trong\s+|vào\s+)?$", re.I
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str, year: int | None) -> int | None:
    found = re.findall(r"(?:19|20)\d\d", text)
    return int(found[-1]) if found else year


def _end_of(kind: str, text: str, year: int | None) -> dt.date | None:
    """The last day a phrase of ``kind`` allows."""
    y = _year(text, year)
    if kind in ("date", "before_date"):
        days = re.findall(r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})", text)
        if not days or y is None:
            return None
        d, m = (int(x) for x in days[-1])
        try:
            return dt.date(y, m, d)
        except ValueError:
            return None
    if y is None:
        return None
    if kind == "month":
        m = int(re.findall(r"tháng\s+(\d{1,2})", text, re.I)[-1])
        return _last_day(y, m) if 1 <= m <= 12 else None
    if kind == "quarter":
        q = _ROMAN.get(re.findall(r"\b([IV]+)\b", text)[-1], 0)
        return _last_day(y, 3 * q) if q else None
    if kind == "half_year":
        return dt.date(y, 6, 30) if re.search(r"đầu", text, re.I) else dt.date(y, 12, 31)
    if kind == "year":
        return dt.date(y, 12, 31)
    if kind == "period":
        if re.search(r"năm\s+học", text, re.I):
            return dt.date(y, 5, 31)
        tail = re.split(r"\b(?:đến|tới)\b", text)[-1]
        inner = _ANY.search(tail)
        if inner and inner.lastgroup and inner.lastgroup != "period":
            return _end_of(inner.lastgroup, tail, y)
        return dt.date(y, 12, 31)
    return None


def _reading(phrase: str, kind: str, year: int | None) -> dict[str, Any]:
    phrase = re.sub(r"\s+", " ", phrase).strip()
    date = _end_of(kind, phrase, year)
    return {"as_written": phrase, "kind": kind, "date": date.isoformat() if date else None}


def due(text: str, year: int | None) -> dict[str, Any] | None:
    """The deadline of a "Thời gian hoàn thành: …" line or a deadline cell, or None when it has no time phrase."""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip().strip("()").strip(" .;")
    words = _LEAD_WORDS.sub("", words)
    matches = list(_ANY.finditer(words))
    if not matches:
        return None
    first = matches[0]
    kind = first.lastgroup or "date"
    same = [m for m in matches if m.lastgroup == kind]
    if len(matches) == 1 or (first.start() == 0 and len(same) == len(matches)):
        start, end = first.start(), same[-1].end()
        phrase = words[start:] if end >= len(words.rstrip(" .)")) - 1 or len(same) > 1 else words[start:end]
        return _reading(phrase if start == 0 else words[start:end], kind, year)
    return _reading(words[first.start() : first.end()], kind, year)


def find(text: str, year: int | None) -> dict[str, Any] | None:
    """The deadline a task sentence states: in parentheses, after "hoàn thành/thực hiện", or at its end."""
    flat = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    best: tuple[int, re.Match[str]] | None = None
    for m in _ANY.finditer(flat):
        before, after = flat[: m.start()], flat[m.end() :]
        if re.search(
            r"(?:số|Số)\s+\S*$|/\S*$|\bngày\s*$|\b(?:Luật|Bộ luật|Nghị định|Quyết định)\b[^.;]{0,40}$", before
        ):
            continue
        in_parens = before.rfind("(") > before.rfind(")") and re.match(r"[^()]*\)", after)
        context = _CONTEXT.search(before)
        at_end = re.fullmatch(r"\s*[).;]*\s*", after) is not None
        kind = m.lastgroup or ""
        if kind == "year" and not (in_parens or context):
            continue
        rank = 3 if in_parens else 2 if context else 1 if at_end or kind in ("yearly", "ongoing", "before_date") else 0
        if rank and (best is None or rank >= best[0]):
            best = (rank, m)
    if best is None:
        return None
    m = best[1]
    return _reading(m.group(), m.lastgroup or "date", year)
