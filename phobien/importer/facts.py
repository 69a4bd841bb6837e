"""Small facts inside the text: deadlines, quantified targets (chỉ tiêu) and the plan's period."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from phobien.core.text import fold

_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/)")
_YEAR = re.compile(r"\b(?:năm|trong năm|Năm)\s+((?:19|20)\d\d)\b")
_DECISION = re.compile(
    r"\btheo\s+((?:Quyết định|Nghị quyết|Nghị định|Chỉ thị|Kế hoạch|Thông tư|quy định|Công ước).*)$", re.I
)


def deadline(text: str, year: int | None) -> dict[str, Any] | None:
    """A Deadline (as a dict) for the words of a deadline line or cell, or None when empty."""
    words = text.strip().rstrip(".;").strip()
    if not words:
        return None
    f = fold(words)
    out: dict[str, Any] = {"as_written": words}
    yearly = re.search(r"\bhang nam\b|\bdinh ky\b.*\bnam\b|\bmoi nam\b", f)
    if re.search(r"\bhang quy\b|\bquy\s+[ivx1-4]\b", f):
        out["kind"] = "quarterly"
    elif yearly:
        out["kind"] = "yearly"
        dm = _DAY_MONTH.search(words)
        day = _iso(year or 2000, int(dm.group(2)), int(dm.group(1))) if dm else None
        if day:
            out["date"] = day
    elif m := _RANGE.search(words):
        out.update(kind="range", start_year=int(m.group(1)), end_year=int(m.group(2)))
    elif m := _DECISION.search(words):
        out.update(kind="decision", decision=m.group(1).strip())
    elif (m := _DATE.search(words)) and _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))):
        out.update(kind="date", date=_iso(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    elif m := _YEAR.search(words) or re.fullmatch(r"((?:19|20)\d\d)", words):
        out.update(kind="year", end_year=int(m.group(1)))
    elif re.search(r"\b(?:thuong xuyen|lien tuc|hang ngay)\b", f):
        out["kind"] = "ongoing"
    else:
        out["kind"] = "unspecified"
    return out


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def period(text: str) -> dict[str, Any] | None:
    """The years a plan covers, from words such as "giai đoạn 2021-2025"."""
    m = re.search(r"(giai đoạn|Giai đoạn|GIAI ĐOẠN)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", text)
    if not m:
        return None
    return {"as_written": m.group(0), "start_year": int(m.group(2)), "end_year": int(m.group(3))}


_QUANTITY = re.compile(
    r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%)|\b(?P<part>\d+)/(?P<whole>\d+)\s+(?P<noun>[^\d,;.:]{2,40})"
)


def targets(text: str, year: int | None) -> list[dict[str, Any]]:
    """Quantified targets in a paragraph: one per clause with a percentage or an "N/N" count."""
    out: list[dict[str, Any]] = []
    context_year = re.search(r"[Đđ]ến năm\s+((?:19|20)\d\d)", text)
    for clause in re.split(r";\s*", text):
        m = _QUANTITY.search(clause)
        if not m:
            continue
        own = re.search(r"[Đđ]ến năm\s+((?:19|20)\d\d)", clause)
        target: dict[str, Any] = {"text": clause.strip(" .")}
        if m.group("unit"):
            target.update(value=float(m.group("value").replace(",", ".")), unit="%")
        else:
            target.update(value=float(m.group("part")), unit=m.group("noun").strip())
        deadline_year = own or context_year
        if deadline_year:
            target["deadline_year"] = int(deadline_year.group(1))
        elif year:
            target["deadline_year"] = year
        out.append(target)
    return out
