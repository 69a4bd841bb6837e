"""Text of a .docx file (python-docx): paragraphs with their list numbers, tables as tab-separated rows.

Runs in the legacy ABC fonts (.VnTime, .VnArial; .VnTimeH is the capitals font) are converted
from TCVN3, runs in VNI fonts (VNI-Times) from VNI, so mixed documents come out right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

import phobien.importer.legacy as legacy


def docx_lines(path: Path) -> tuple[list[str], list[str]]:
    """Lines of text in document order, and notes about what was converted."""
    doc = Document(str(path))
    numbering = _Numbering(doc)
    fonts: dict[str, int] = {}
    lines: list[str] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            text = _paragraph_text(block, fonts)
            label = numbering.label(block)
            lines.extend((label + text).split("\n"))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block, fonts))
    notes = [f"{n} text runs in the legacy font {name} converted to Unicode" for name, n in sorted(fonts.items())]
    return lines, notes


def _font_name(run: Any, paragraph: Paragraph) -> str:
    name = run.font.name
    if not name and run.style is not None and run.style.font is not None:
        name = run.style.font.name
    if not name and paragraph.style is not None and paragraph.style.font is not None:
        name = paragraph.style.font.name
    return name or ""


def _run_text(text: str, font: str, fonts: dict[str, int]) -> str:
    if font.startswith(".Vn"):
        fonts[font] = fonts.get(font, 0) + 1
        out = legacy.convert(text, "TCVN3")
        return out.upper() if font.endswith("H") else out
    if font.upper().startswith("VNI"):
        fonts[font] = fonts.get(font, 0) + 1
        return legacy.convert(text, "VNI")
    return text


def _paragraph_text(paragraph: Paragraph, fonts: dict[str, int]) -> str:
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if hasattr(item, "runs") else [item]
        for run in runs:
            parts.append(_run_text(run.text, _font_name(run, paragraph), fonts))
    return "".join(parts)


def _table_lines(table: Table, fonts: dict[str, int]) -> list[str]:
    """One line per row, cells joined by tabs; a merged cell's text appears once, at its first place."""
    seen: set[Any] = set()  # the cell elements themselves: a merged cell is the same element
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if cell._tc in seen:
                cells.append("")
                continue
            seen.add(cell._tc)
            texts = [_paragraph_text(p, fonts) for p in cell.paragraphs]
            cells.append(" ".join(t.replace("\n", " ").replace("\t", " ").strip() for t in texts if t.strip()))
        lines.append("\t".join(cells))
    return lines


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
_ROMAN += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "bullet":
        return "-"
    return str(n)


class _Numbering:
    """Word's automatic list numbers ("1.", "a)", "-"), which python-docx leaves out of the text."""

    def __init__(self, doc: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                fmt = _val(lvl, "w:numFmt") or "decimal"
                text = _val(lvl, "w:lvlText") or ""
                start = int(_val(lvl, "w:start") or 1)
                levels[int(lvl.get(qn("w:ilvl")))] = (fmt, text, start)
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            self.num_to_abstract[num.get(qn("w:numId"))] = _val(num, "w:abstractNumId") or ""

    def label(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return ""
        abstract = self.num_to_abstract.get(str(numpr.numId.val))
        levels = self.levels.get(abstract or "")
        if not levels:
            return ""
        ilvl = numpr.ilvl.val if numpr.ilvl is not None else 0
        fmt, text, start = levels.get(ilvl, ("decimal", "%1.", 1))
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(abstract or "", {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "- "
        out = text
        for k in range(ilvl + 1):
            k_fmt, _, k_start = levels.get(k, ("decimal", "", 1))
            out = out.replace(f"%{k + 1}", _format(counters.get(k, k_start), k_fmt))
        return out + " " if out else ""


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None
