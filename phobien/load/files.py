"""Reading text files the way editors produce them: BOMs, legacy encodings, NFD."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from phobien.core.diagnostics import Diagnostics, Position

BOM = b"\xef\xbb\xbf"

# Characters that Vietnamese text in the legacy TCVN3 (ABC, .VnTime fonts) or VNI encodings
# turns into when read as Windows-1252 / Latin-1. Unicode Vietnamese never contains them.
_TCVN3_MARKERS = re.compile(r"[µ¸¶·¹¨©®ª«¬¦§¤¥¢£¡ØÙÚÛÜÞßÌÍÎÏÐÑÒÓÔÕÖ×ÆÇÈÉËÊ]")
_VNI_MARKERS = re.compile(r"[aeiouyAEIOUY][øùúûõïòóôöäåâàáãéèêëìíîñ]|ñ|Ñ")
_LETTER = re.compile(r"[^\W\d_]")
_VIETNAMESE_UNICODE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


def legacy_encoding(text: str) -> str | None:
    """Name the legacy Vietnamese encoding ``text`` looks like, if any."""
    if _VIETNAMESE_UNICODE.search(text):
        return None
    letters = len(_LETTER.findall(text)) or 1
    if len(_TCVN3_MARKERS.findall(text)) >= max(3, letters // 50):
        return "TCVN3 (ABC)"
    if len(_VNI_MARKERS.findall(text)) >= max(3, letters // 30):
        return "VNI"
    return None


def _line_col(data: bytes | str, index: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, index) + 1  # type: ignore[arg-type]
    start = data.rfind(newline, 0, index) + 1  # type: ignore[arg-type]
    return line, index - start + 1


def _convert_hint(encoding: str) -> str:
    return (
        f"the file looks like the legacy {encoding} Vietnamese encoding; convert it to Unicode "
        "(UniKey: Công cụ chuyển mã, from "
        f"{'TCVN3 (ABC)' if encoding.startswith('TCVN3') else 'VNI Windows'} to Unicode) "
        "and save it as UTF-8"
    )


def read_text(path: Path, diags: Diagnostics) -> str | None:
    """Read ``path`` as UTF-8 NFC text, reporting every encoding problem. None when unreadable."""
    rel = diags.rel(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags.error(Position(rel), f"cannot read the file: {exc.strerror}")
        return None
    if data.startswith(BOM):
        diags.warning(
            Position(rel),
            "the file starts with a byte-order mark (BOM); it was ignored, but save the file as "
            "'UTF-8' without BOM (or run 'phobien check --fix')",
        )
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        legacy = legacy_encoding(data.decode("cp1252", errors="replace"))
        if legacy:
            message = _convert_hint(legacy)
        else:
            message = f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02X}); save it with the encoding 'UTF-8'"
        diags.error(Position(rel, line, col), message)
        return None
    legacy = legacy_encoding(text)
    if legacy:
        diags.error(Position(rel), _convert_hint(legacy))
        return None
    text = text.replace("\r\n", "\n")
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        index = next(i for i, (a, b) in enumerate(zip(text, normal, strict=False)) if a != b)
        line, col = _line_col(text, index)
        diags.warning(
            Position(rel, line, col),
            "text is not in Unicode NFC form (accents stored as separate characters); it was "
            "normalised for the build; run 'phobien check --fix' to rewrite the file",
        )
    return normal


def fix_file(path: Path) -> bool:
    """Rewrite ``path`` without BOM and in NFC. Returns True when it changed."""
    data = path.read_bytes()
    try:
        text = data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError:
        return False
    fixed = unicodedata.normalize("NFC", text).encode("utf-8")
    if fixed != data:
        path.write_bytes(fixed)
        return True
    return False
