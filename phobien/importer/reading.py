"""Reading a plan from .txt, .docx or text-based .pdf into plain Unicode text, one line per line.

The text keeps the layout the structure parser needs: paragraphs and table rows on their own lines,
table cells separated by tabs. Legacy Vietnamese encodings are converted (see legacy.py); the
result is NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import phobien.importer.legacy as legacy
from phobien.errors import EXIT_USAGE, UserError

SUPPORTED = (".txt", ".text", ".md", ".docx", ".pdf")


class SourceError(UserError):
    """The file cannot be read as a plan."""


@dataclass
class Source:
    """The text of one input file."""

    path: Path
    kind: str
    text: str
    encoding: str = "UTF-8"
    notes: list[str] = field(default_factory=list)


def read_source(path: Path) -> Source:
    """Read ``path`` by its extension; raises SourceError with a readable reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise SourceError(
            f"{path.name}: unsupported file type '{suffix}'; use .txt, .docx or a text-based .pdf", EXIT_USAGE
        )
    try:
        if suffix == ".docx":
            source = _read_docx(path)
        elif suffix == ".pdf":
            source = _read_pdf(path)
        else:
            source = _read_txt(path)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    source.text = unicodedata.normalize("NFC", source.text.replace("\r\n", "\n").replace("\r", "\n"))
    return source


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text of ``data`` and the encoding it was in (UTF-8/16, Windows-1252, TCVN3 or VNI)."""
    for bom, codec, name in (
        (b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"),
        (b"\xff\xfe", "utf-16-le", "UTF-16"),
        (b"\xfe\xff", "utf-16-be", "UTF-16"),
    ):
        if data.startswith(bom):
            return _legacy_inside(data[len(bom) :].decode(codec, errors="replace"), name)
    try:
        return _legacy_inside(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    text = legacy.decode_8bit(data)
    found = legacy.detect(text)
    if found:
        return legacy.convert(text, found), found
    return text, "Windows-1252"


def _legacy_inside(text: str, name: str) -> tuple[str, str]:
    """Unicode text can still hold a legacy encoding (a TCVN3 file converted as if it were Latin-1)."""
    fixed = _fix_mojibake(text)
    if fixed != text:
        return fixed, f"{name} (repaired: UTF-8 read as Windows-1252)"
    found = legacy.detect(text)
    if found:
        return legacy.convert(text, found), f"{found} (inside {name})"
    return text, name


_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¡-¿]|á»|áº|Æ°|Ä‘")


def _fix_mojibake(text: str) -> str:
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    try:
        return legacy.encode_8bit(text).decode("utf-8")
    except UnicodeError:
        return text


def _read_txt(path: Path) -> Source:
    text, encoding = decode_bytes(path.read_bytes())
    notes = [] if encoding == "UTF-8" else [f"read as {encoding} and converted to Unicode"]
    return Source(path, "txt", text, encoding, notes)


def _read_docx(path: Path) -> Source:
    from phobien.importer.docx_reader import docx_lines

    try:
        lines, notes = docx_lines(path)
    except Exception as exc:  # python-docx raises several kinds for damaged files
        raise SourceError(f"{path.name}: not a readable .docx file ({exc})") from exc
    text = "\n".join(lines)
    text, encoding = _legacy_inside(text, "UTF-8")
    if encoding != "UTF-8":
        notes.append(f"converted from {encoding}")
    return Source(path, "docx", text, encoding, notes)


def _read_pdf(path: Path) -> Source:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise SourceError(f"{path.name}: not a readable PDF ({exc})") from exc
    if not any(p.strip() for p in pages):
        raise SourceError(f"{path.name}: the PDF has no text layer (a scan?); run OCR on it first")
    text, notes = _join_pages(pages)
    text, encoding = _legacy_inside(text, "UTF-8")
    if encoding != "UTF-8":
        notes.append(f"converted from {encoding}")
    return Source(path, "pdf", text, encoding, notes)


def _join_pages(pages: list[str]) -> tuple[str, list[str]]:
    """Pages joined, without the header and footer lines repeated on most pages."""
    notes: list[str] = []
    split = [p.splitlines() for p in pages]
    repeated: set[str] = set()
    if len(split) >= 2:
        counts: dict[str, int] = {}
        for lines in split:
            edge = [ln for ln in lines if ln.strip()][:2] + [ln for ln in lines if ln.strip()][-2:]
            for ln in {ln for ln in edge if len(ln.strip()) < 80}:
                key = re.sub(r"\d+", "#", ln.strip())
                counts[key] = counts.get(key, 0) + 1
        need = len(split) if len(split) < 4 else max(3, len(split) // 2)
        repeated = {k for k, n in counts.items() if n >= need}
    out: list[str] = []
    removed = 0
    for lines in split:
        for ln in lines:
            if re.sub(r"\d+", "#", ln.strip()) in repeated:
                removed += 1
                continue
            out.append(ln)
    if removed:
        shown = "; ".join(sorted(repeated))
        notes.append(f"removed {removed} page header/footer lines repeated on most pages ('#' is any number): {shown}")
    return "\n".join(out), notes
