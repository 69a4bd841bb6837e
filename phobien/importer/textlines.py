"""Repairing what text extraction breaks: noise, NFD, hyphenation and lines wrapped mid-sentence.

The input is the extracted text; the output is a list of paragraphs (or table rows), each with the
numbers of the source lines it came from, so that every message can point at the source.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field

MARKER = re.compile(
    r"^(?:(?P<upper>[A-HĐ])\.|(?P<roman>[IVXL]+)\.|(?P<arabic2>\d{1,2}(?:\.\d{1,2})+)\.?"
    r"|(?P<arabic>\d{1,2})[.)]|(?P<letter>[a-eg-iđk-n])[.)]|\((?P<paren>\d{1,2})\)\.?"
    r"|(?P<dash>[-–—•·])|(?P<plus>\+))\s+(?=\S)"
)
"""A numbering or bullet at the start of a paragraph: its kind is the name of the group that matched."""

_INLINE_NOISE = re.compile(r"\s*\*ly\*|\*\*|[\u200b\u200c\u200d\ufeff\u00ad]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|(?:Trang|Page)\s+\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?)\s*$", re.I
)
_SCAN_CODE = re.compile(r"^\s*(?:ly|\d[\d\s\-/.]*)\s*$")
_TERMINAL = re.compile(r"[.;:!?…][)\]\"”’']*$")
_FUNCTION_END = re.compile(
    r"(?:\b(?:của|và|các|với|về|theo|tại|cho|là|những|trong|đến|thuộc|hoặc|như|từ|để|do|bởi|trên|dưới|"
    r"nhằm|gồm|số|ngày|tháng|năm)|[,\-–(/&])$",
    re.I,
)
_BLOCK_TAG = re.compile(r"^<(?:p|div|table|tr|ul|ol|h\d)\b", re.I)
"""A line that starts (or a paragraph that is) an HTML block from a web copy: its own paragraph."""
_BLOCK_END = re.compile(r"</(?:p|div|table|tr|ul|ol|h\d)>\s*$", re.I)
_PREAMBLE_START = re.compile(r"^(?:Thực hiện|Căn cứ|Trong thời gian|Để |Nhằm |Xét )")


@dataclass
class Noise:
    """Text removed as page or scan noise (reported, never dropped silently)."""

    line: int
    text: str
    why: str


@dataclass
class Para:
    """One paragraph (or one table row), with the source lines it came from."""

    text: str
    lines: list[int]
    cells: list[str] | None = None
    used: bool = field(default=False, compare=False)

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def marker(self) -> tuple[str, str, str] | None:
        """(kind, label, text after the marker) when the paragraph starts with a numbering or bullet."""
        m = MARKER.match(self.text)
        if not m or self.cells is not None:
            return None
        kind = m.lastgroup or ""
        return kind, m.group(kind), self.text[m.end() :].strip()


def clean_lines(text: str) -> tuple[list[tuple[int, str]], list[Noise]]:
    """Source lines (number, text) without noise, in NFC; and the noise that was removed."""
    noise: list[Noise] = []
    out: list[tuple[int, str]] = []
    text = unicodedata.normalize("NFC", text)
    for no, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\u00a0", " ").replace("\u2007", " ").rstrip(" \r\f\v")
        had_marker = "*ly*" in line
        cleaned = _INLINE_NOISE.sub("", line)
        if had_marker:
            noise.append(Noise(no, "*ly*", "signature-scan marker"))
        if not cleaned.strip():
            out.append((no, ""))
            continue
        if _PAGE_NUMBER.match(cleaned) and "\t" not in cleaned:
            noise.append(Noise(no, cleaned.strip(), "page number"))
            out.append((no, ""))
            continue
        if (had_marker or cleaned.strip() == "ly") and _SCAN_CODE.match(cleaned):
            noise.append(Noise(no, cleaned.strip(), "signature-scan noise"))
            out.append((no, ""))
            continue
        out.append((no, cleaned))
    return out, noise


def is_table_line(text: str) -> bool:
    return text.count("\t") >= 2


def _wrap_width(lines: list[tuple[int, str]]) -> int | None:
    """The width the text was wrapped at, when it was (PDF copies), else None."""
    texts = [t.strip() for _, t in lines if t.strip() and not is_table_line(t)]
    wrapped = [len(a) for a, b in itertools.pairwise(texts) if b[:1].islower() and not _TERMINAL.search(a)]
    if len(wrapped) < 8 or len(wrapped) < len(texts) // 5:
        return None
    return int(statistics.median(wrapped))


def _starts_upper(text: str) -> bool:
    first = text.lstrip("\"“'(")[:1]
    return first.isupper() or first.isdigit()


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def paragraphs(lines: list[tuple[int, str]]) -> list[Para]:
    """Join wrapped lines into paragraphs; table rows (tab-separated) stay one per line."""
    width = _wrap_width(lines)
    out: list[Para] = []
    current: Para | None = None
    last = ""
    blanks = 0
    for no, raw in lines:
        if not raw.strip():
            blanks += 1
            continue
        if is_table_line(raw):
            current = None
            out.append(Para(raw.strip(), [no], cells=raw.split("\t")))
            blanks = 0
            continue
        text = raw.strip()
        if current is not None and _continues(current.text, last, text, blanks, width):
            current.text = _join(current.text, text)
            current.lines.append(no)
        else:
            current = Para(text, [no])
            out.append(current)
        last = text
        blanks = 0
    return out


def _continues(prev: str, last: str, text: str, blanks: int, width: int | None) -> bool:
    """Whether source line ``text`` continues the paragraph ``prev``, whose last source line is ``last``."""
    if MARKER.match(text) or blanks >= 2 or _BLOCK_TAG.match(text) or _BLOCK_END.search(prev):
        return False
    if _is_caps(prev) != _is_caps(text) and (_is_caps(prev) or len(text) < 60):
        return False
    if _PREAMBLE_START.match(text) and not _FUNCTION_END.search(last):
        return False
    if not _starts_upper(text):
        return True
    if _TERMINAL.search(last):
        return False
    if _FUNCTION_END.search(last):
        return True
    return width is not None and len(last) >= 0.75 * width


def _join(prev: str, text: str) -> str:
    if re.search(r"\w-$", prev) and text[:1].islower():
        return prev[:-1] + text
    return f"{prev} {text}"
