"""Reading text files the way editors produce them: BOMs, legacy encodings, NFD."""

from __future__ import annotations

import os
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
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Control characters, bidirectional overrides and isolates, and a BOM inside the text: never
part of Vietnamese, English, Khmer or Hmong text; they hide or reorder what a reader sees
("Trojan source"), end strings in C libraries (NUL) or split YAML lines (U+0085)."""
_NAMES = {"\x00": "NUL", "\x85": "NEL", "\x9b": "CSI", "\x1b": "ESC", "\ufeff": "byte-order mark", "\u202e": "RLO"}


def invisible_characters(text: str, rel: str, diags: Diagnostics, limit: int = 5) -> bool:
    """Report control and bidi-control characters in ``text`` at line:col. True when there were some."""
    found = 0
    for m in _INVISIBLE.finditer(text):
        found += 1
        if found > limit:
            break
        line, col = _line_col(text, m.start())
        char = m.group(0)
        name = _NAMES.get(char) or unicodedata.name(char, "control character")
        diags.error(
            Position(rel, line, col),
            f"invisible character U+{ord(char):04X} ({name}) is not allowed in content; delete it "
            "(it hides or reorders text, or breaks the file)",
        )
    return found > 0


def legacy_encoding(text: str) -> str | None:
    """Name the legacy Vietnamese encoding ``text`` looks like, if any."""
    if _VIETNAMESE_UNICODE.search(text):
        return None
    tcvn3, vni = len(_TCVN3_MARKERS.findall(text)), len(_VNI_MARKERS.findall(text))
    if tcvn3 < 3 and vni < 3:
        return None  # too few markers whatever the length: no need to count the letters
    letters = len(_LETTER.findall(text)) or 1
    if tcvn3 >= max(3, letters // 50):
        return "TCVN3 (ABC)"
    if vni >= max(3, letters // 30):
        return "VNI"
    return None


def _may_have_legacy_lines(text: str) -> bool:
    """Whether a line of ``text`` might look legacy-encoded: :func:`legacy_encoding` needs three
    markers of one kind in the line, and no marker spans two lines, so a text with fewer than
    three of each has no such line (nearly every file: its lines need not be read one by one)."""
    return len(_TCVN3_MARKERS.findall(text)) >= 3 or len(_VNI_MARKERS.findall(text)) >= 3


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


def _link_message(rel: str) -> str:
    return (
        f"'{rel}' is a symbolic link or leads outside the project; phobien reads only regular files "
        "inside the project and did not read it; put a copy of the file here instead"
    )


def inside(path: Path, diags: Diagnostics) -> bool:
    """Whether ``path`` is no symbolic link and stays inside the project; reports it when not."""
    if path.is_symlink() or not _in_project(path, diags):
        diags.error(Position(diags.rel(path.absolute())), _link_message(diags.rel(path.absolute())))
        return False
    return True


def _in_project(path: Path, diags: Diagnostics) -> bool:
    """Whether ``path``, no symbolic link itself, resolves to a place inside the project. It
    resolves to its folder's resolved place and its name, so each folder is resolved once."""
    if diags.root is None:
        return True
    root = diags.folders.get("") or diags.folders.setdefault("", os.path.realpath(diags.root))
    if path.name in ("", ".", ".."):
        place = os.path.realpath(path)
    else:
        folder = os.fspath(path.parent)
        found = diags.folders.get(folder)
        if found is None:
            found = diags.folders[folder] = os.path.realpath(folder)
        place = os.path.join(found, path.name)
    return place == root or place.startswith(root.rstrip("/") + "/")


def walk_files(folder: Path, diags: Diagnostics) -> list[Path]:
    """The regular files under ``folder``, sorted; symbolic links (files or folders) are reported, not followed."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        base = Path(top)
        for name in list(dirs):
            if not inside(base / name, diags):
                dirs.remove(name)
        found += [base / name for name in files if inside(base / name, diags)]
    return sorted(found)


def read_text(path: Path, diags: Diagnostics) -> str | None:
    """Read ``path`` as UTF-8 NFC text, reporting every encoding problem. None when unreadable.

    A symbolic link, or a path that leads outside the project, is never opened."""
    rel = diags.rel(path)
    if not inside(path, diags):
        return None
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
    for number, line_text in enumerate(text.splitlines() if _may_have_legacy_lines(text) else (), 1):
        legacy = legacy_encoding(line_text) if len(line_text) < 10_000 else None
        if legacy:
            diags.error(Position(rel, number, 1), _convert_hint(legacy).replace("the file looks", "this line looks"))
            return None
    text = text.replace("\r\n", "\n")
    if invisible_characters(text, rel, diags):
        return None
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


def number_line(path: Path) -> str | None:
    """The 'number:' line of a file that could not be read, so that citations of that number
    raise no follow-on error."""
    try:
        m = re.search(r"^number:[ \t]*['\"]?([^'\"#\n]+)", path.read_text(encoding="utf-8", errors="replace"), re.M)
    except OSError:
        return None
    return m.group(1).strip() if m else None
