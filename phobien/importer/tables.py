"""Appendix tables: STT · task · lead · partners · expected result · deadline, one task per row.

Rows come as tab-separated lines (from text files, or from .docx tables). A row broken over several
lines continues in lines whose STT cell is empty: their cells are appended to the row above, column
by column. Cells may hold HTML fragments (<p>, <ul style=...>) from web copies; they are removed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from phobien.core.text import fold
from phobien.importer.textlines import Para

_COLUMNS = (
    ("stt", ("stt", "so tt", "tt")),
    ("deadline", ("thoi han", "thoi gian", "tien do")),
    ("partners", ("phoi hop",)),
    ("lead", ("chu tri", "thuc hien", "don vi")),
    ("output", ("ket qua", "san pham")),
    ("task", ("nhiem vu", "noi dung", "giai phap", "hoat dong", "ten")),
)
_DEFAULT = ["stt", "task", "lead", "partners", "output", "deadline"]
_ROMAN = re.compile(r"^[IVXL]+$")


@dataclass
class Row:
    """One row of the table: its number as written, its cells, the source lines."""

    label: str
    cells: dict[str, str]
    lines: list[int]
    id: str = ""
    section: str | None = None
    children: list[Row] = field(default_factory=list)
    lists: dict[str, str] = field(default_factory=dict)
    """The lead and partner cells with their line breaks (<br>, <li>, continuation lines) kept."""

    @property
    def heading(self) -> bool:
        return not any(self.cells.get(k) for k in ("lead", "partners", "output", "deadline"))


def clean_cell(text: str, breaks: bool = False) -> str:
    """A cell without HTML tags and entities, with single spaces; with ``breaks``, <br>, <li> and <p>
    breaks stay line breaks (they separate the names of a list of agencies)."""
    if breaks:
        text = re.sub(r"<br\s*/?>|</?li[^>]*>|</?p[^>]*>", "\n", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if breaks:
        lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n")]
        return "\n".join(ln for ln in lines if ln)
    return re.sub(r"\s+", " ", text).strip()


_LISTS = ("lead", "partners")


def _columns(cells: list[str]) -> list[str] | None:
    """Column names when ``cells`` is a header row (short cells that name the columns)."""
    if any(len(clean_cell(c)) > 60 for c in cells):
        return None
    names: list[str] = []
    for cell in cells:
        f = fold(clean_cell(cell))
        name = next((n for n, keys in _COLUMNS if any(re.search(rf"\b{k}\b", f) for k in keys)), "")
        names.append(name)
    return names if "task" in names and len([n for n in names if n]) >= 3 else None


def parse_rows(paras: list[Para]) -> list[Row]:
    """The rows of the tab-separated lines ``paras`` (header rows recognised and skipped)."""
    columns: list[str] | None = None
    rows: list[Row] = []
    for para in paras:
        assert para.cells is not None
        found = _columns(para.cells)
        if found:
            columns = found
            para.used = True
            continue
        names = columns or _DEFAULT[: len(para.cells)]
        cells = {n: clean_cell(c) for n, c in zip(names, para.cells, strict=False) if n}
        lists = {n: clean_cell(c, True) for n, c in zip(names, para.cells, strict=False) if n in _LISTS}
        label = cells.pop("stt", "").strip()
        if not any(cells.values()) and not label:
            para.used = True
            continue
        starts = bool(label) or not rows or (rows[-1].heading and bool(cells.get("lead") or cells.get("partners")))
        if starts:
            rows.append(Row(label, cells, list(para.lines), lists=lists))
        else:
            last = rows[-1]
            for k, v in cells.items():
                if v:
                    last.cells[k] = f"{last.cells.get(k, '')} {v}".strip()
            for k, v in lists.items():
                if v:
                    last.lists[k] = f"{last.lists.get(k, '')}\n{v}".strip()
            last.lines.extend(para.lines)
        para.used = True
    _number(rows)
    return rows


def _kind(label: str, expected_letter: str) -> str:
    if not label:
        return "none"
    if re.fullmatch(r"\d+(?:\.\d+)+", label):
        return "arabic2"
    if label.isdigit():
        return "arabic"
    if re.fullmatch(r"[A-ZĐ]", label) and (label == expected_letter or not _ROMAN.match(label)):
        return "upper"
    if _ROMAN.match(label):
        return "roman"
    if re.fullmatch(r"[a-zđ]", label):
        return "letter"
    return "other"


def _number(rows: list[Row]) -> None:
    """Give every row its numbering path ("A.III.1") and the id of the heading above it."""
    stack: list[tuple[str, Row]] = []
    counters: dict[str, int] = {}
    expected = "A"
    previous: Row | None = None
    for row in rows:
        label = row.label.rstrip(".").strip()
        kind = _kind(label, expected)
        if kind == "upper":
            expected = chr(ord(label) + 1)
        first_child = previous is not None and previous.heading and stack and stack[-1][1] is previous
        if first_child and kind == stack[-1][0] and label in ("1", "I"):
            kind, label = "first", "1"  # "IX" heading, then "I." for its first item: a misread "1."
        if kind in [k for k, _ in stack]:
            while stack[-1][0] != kind:
                stack.pop()
            stack.pop()
        parent = stack[-1][1] if stack else None
        if kind == "none":
            key = parent.id if parent else ""
            counters[key] = counters.get(key, 0) + 1
            label = f"-{counters[key]}"
        if kind == "arabic2":
            label = label.split(".")[-1]
        row.id = f"{parent.id}.{label}" if parent else label
        row.section = parent.id if parent else None
        if parent:
            parent.children.append(row)
        if kind != "none":
            stack.append((kind, row))
        previous = row
    _run_on(rows)


def _run_on(rows: list[Row]) -> None:
    """Numbers that run on through the whole table, across its group rows, are the rows' ids alone."""
    numbered = [r for r in rows if r.section and r.label.rstrip(".").isdigit()]
    groups = {r.section for r in numbered}
    values = [int(r.label.rstrip(".")) for r in numbered]
    if len(groups) < 2 or values != sorted(set(values)) or values[0] != 1:
        return
    for row in numbered:
        row.id = row.label.rstrip(".")
