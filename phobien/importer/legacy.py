"""The legacy Vietnamese encodings TCVN3 (ABC) and VNI Windows: detected and converted to Unicode.

Both were 8-bit font encodings on Windows: a file saved from them and read as Windows-1252 shows
Latin-1 letters where the Vietnamese ones should be ("Vi\u00d6t Nam" for "Việt Nam" in TCVN3,
"Vieät Nam" in VNI). No maintained Python library converts them (the usual converters are desktop
tools such as UniKey), so the tables are written out here and tested both ways in
tests/test_import_encodings.py. Conversion works on text already decoded as Windows-1252, so the
same code repairs bytes read from a .txt file and legacy runs inside a .docx.

TCVN3 here is TCVN 5712:1993 VN3, the ABC fonts (.VnTime): lower-case letters plus the seven
capitals Ă Â Ê Ô Ơ Ư Đ in 0xA1-0xFF. It has no capitals with tone marks: ABC documents store them
with the lower-case codes and show them in capitals with an "H" font (.VnTimeH). Their case is
restored here from the context (words in capitals, starts of sentences and items, "Ủy ban", "châu
Á"), which is a guess an editor should check. Bytes 0x80-0x9F stay Windows-1252 (curly quotes, dashes), as
Word wrote them in ABC documents.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

# --- TCVN3 (ABC, VN3) -------------------------------------------------------------------------

_TCVN3_LOWER = (
    # byte: letter, in the order of the standard's table
    "\xa8ă \xa9â \xaaê \xabô \xacơ \xadư \xaeđ "
    "\xb5à \xb6ả \xb7ã \xb8á \xb9ạ \xbbằ \xbcẳ \xbdẵ \xbeắ \xc6ặ "
    "\xc7ầ \xc8ẩ \xc9ẫ \xcaấ \xcbậ \xccè \xceẻ \xcfẽ \xd0é \xd1ẹ "
    "\xd2ề \xd3ể \xd4ễ \xd5ế \xd6ệ \xd7ì \xd8ỉ \xdcĩ \xddí \xdeị "
    "\xdfò \xe1ỏ \xe2õ \xe3ó \xe4ọ \xe5ồ \xe6ổ \xe7ỗ \xe8ố \xe9ộ "
    "\xeaờ \xebở \xecỡ \xedớ \xeeợ \xefù \xf1ủ \xf2ũ \xf3ú \xf4ụ "
    "\xf5ừ \xf6ử \xf7ữ \xf8ứ \xf9ự \xfaỳ \xfbỷ \xfcỹ \xfdý \xfeỵ"
)
_TCVN3_CAPITALS = "\xa1Ă \xa2Â \xa3Ê \xa4Ô \xa5Ơ \xa6Ư \xa7Đ"

TCVN3_DECODE: dict[str, str] = {pair[0]: pair[1] for pair in f"{_TCVN3_LOWER} {_TCVN3_CAPITALS}".split()}
"""Windows-1252 character of a TCVN3 byte → Unicode letter."""

TCVN3_ENCODE: dict[str, str] = {v: k for k, v in TCVN3_DECODE.items()}
# Capitals with tone marks have no code: ABC documents use the lower-case code (see above).
for _lower, _code in list(TCVN3_ENCODE.items()):
    if _lower.upper() not in TCVN3_ENCODE:
        TCVN3_ENCODE[_lower.upper()] = _code

_CASE_EXPLICIT = set("ĂÂÊÔƠƯĐăâêôơưđ")  # letters whose case TCVN3 keeps


# --- VNI Windows ------------------------------------------------------------------------------

# VNI writes a base letter followed by one modifier character. Tones: sắc, huyền, hỏi, ngã, nặng.
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_TONE = ("ù", "ø", "û", "õ", "ï")  # after a, e, o, u, y, ơ, ư
_VNI_CIRCUMFLEX_TONE = ("á", "à", "å", "ã", "ä")  # after a, e, o: â ê ô with a tone
_VNI_BREVE_TONE = ("é", "è", "ú", "ü", "ë")  # after a: ă with a tone
_VNI_I = ("í", "ì", "æ", "ó", "ò")  # i with a tone is one character
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î"}


def _vni_pairs() -> dict[str, str]:
    """Unicode letter → VNI spelling, for all 134 Vietnamese letters with marks (and đ)."""
    table: dict[str, str] = {}

    def add(letter: str, spelling: str) -> None:
        table[unicodedata.normalize("NFC", letter)] = spelling
        upper = unicodedata.normalize("NFC", letter).upper()
        table[upper] = spelling.upper()

    for base in "aeouy":
        for tone, mark in zip(_TONES, _VNI_TONE, strict=True):
            add(base + tone, base + mark)
    for base in "aeo":
        add(base + "\u0302", base + "â")
        for tone, mark in zip(_TONES, _VNI_CIRCUMFLEX_TONE, strict=True):
            add(base + "\u0302" + tone, base + mark)
    add("a\u0306", "aê")
    for tone, mark in zip(_TONES, _VNI_BREVE_TONE, strict=True):
        add("a\u0306" + tone, "a" + mark)
    for tone, mark in zip(_TONES, _VNI_I, strict=True):
        add("i" + tone, mark)
    for letter, code in _VNI_SINGLE.items():
        add(letter, code)
    for letter in ("ơ", "ư"):
        for tone, mark in zip(_TONES, _VNI_TONE, strict=True):
            add(letter + tone, _VNI_SINGLE[letter] + mark)
    # ỵ is "î" alone, but "yï" is written too
    return table


VNI_ENCODE: dict[str, str] = _vni_pairs()
VNI_DECODE: dict[str, str] = {v: k for k, v in VNI_ENCODE.items()}
# Capitals typed with lower-case modifiers ("Aù") also occur.
for _spelling, _letter in list(VNI_DECODE.items()):
    if len(_spelling) == 2 and _spelling[0].isupper():
        VNI_DECODE.setdefault(_spelling[0] + _spelling[1].lower(), _letter)
VNI_DECODE.setdefault("yï", "ỵ")
VNI_DECODE.setdefault("YÏ", "Ỵ")


# --- Windows-1252 -----------------------------------------------------------------------------


_CP1252 = [bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in range(256)]
_CP1252_BYTES = {ch: b for b, ch in enumerate(_CP1252)}


def decode_8bit(data: bytes) -> str:
    """Bytes as Windows-1252, with the five bytes it leaves undefined read as Latin-1."""
    return "".join(_CP1252[b] for b in data)


def encode_8bit(text: str) -> bytes:
    """The inverse of ``decode_8bit``; raises UnicodeError for characters it cannot hold."""
    try:
        return bytes(_CP1252_BYTES[ch] for ch in text)
    except KeyError as exc:
        raise UnicodeError(f"no Windows-1252 byte for {exc}") from None


# --- Conversion -------------------------------------------------------------------------------


def from_vni(text: str) -> str:
    """Convert text in VNI Windows (read as Windows-1252) to Unicode."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_DECODE:
            out.append(VNI_DECODE[pair])
            i += 2
            continue
        out.append(VNI_DECODE.get(text[i], text[i]))
        i += 1
    return "".join(out)


def from_tcvn3(text: str) -> str:
    """Convert text in TCVN3 (ABC; read as Windows-1252) to Unicode, restoring capitals."""
    ambiguous: set[int] = set()
    out: list[str] = []
    for i, ch in enumerate(text):
        letter = TCVN3_DECODE.get(ch)
        if letter is None:
            out.append(ch)
            continue
        if letter not in _CASE_EXPLICIT:
            ambiguous.add(i)
        out.append(letter)
    return _restore_case(out, ambiguous)


_ITEM_START = re.compile(r"\s*(?:[-+•–]|\(?[0-9a-zđA-Z]{1,4}[.)])\s+[\"“'(]?")


def _restore_case(chars: list[str], ambiguous: set[int]) -> str:
    text = "".join(chars)
    words = list(re.finditer(r"\w+", text))
    known = [[text[p] for p in range(m.start(), m.end()) if p not in ambiguous and text[p].isalpha()] for m in words]
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    lines = [bisect.bisect(newlines, m.start()) for m in words]
    gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(words)]
    for i, m in enumerate(words):
        positions = [p for p in range(m.start(), m.end()) if p in ambiguous]
        if not positions:
            continue
        if _in_capitals(i, known, lines, gaps):
            for p in positions:
                chars[p] = chars[p].upper()
            continue
        if m.start() in ambiguous:
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[: m.start()].rstrip(" \t\"“'(")
            capital = (
                not before
                or before[-1] in ".!?:"
                or _ITEM_START.fullmatch(text[line_start : m.start()])
                or re.search(r"\s[-–]$", before)
                or (m.group().lower() == "ủy" and re.match(r"\s+ban\b", text[m.end() :]))
                or (m.group() == "á" and re.search(r"\b(?:[Cc]hâu|Nam|Đông|Tây|Bắc)\s+$", text[: m.start()]))
            )
            if capital:
                chars[m.start()] = chars[m.start()].upper()
    return "".join(chars)


def _in_capitals(i: int, known: list[list[str]], lines: list[int], gaps: list[str]) -> bool:
    """Whether word ``i`` is written in capitals: itself (2+ known letters) or its neighbours on the line."""
    if len(known[i]) >= 2:
        return all(c.isupper() for c in known[i])
    if known[i] and not known[i][0].isupper():
        return False
    near = [
        all(c.isupper() for c in known[j])
        for j in (i - 1, i + 1)
        if 0 <= j < len(known) and lines[j] == lines[i] and len(known[j]) >= 2 and not gaps[min(i, j)].strip()
    ]
    return bool(near) and all(near)


# --- Detection --------------------------------------------------------------------------------

_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_UNICODE_ONLY = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")  # letters no 8-bit Windows code page has
_NOT_VIETNAMESE = re.compile(
    r"[\xa1-\xbf\xc4-\xc7\xcb\xce\xcf\xd0\xd1\xd6-\xd8\xdb\xdc\xde\xdf\xe4-\xe7\xeb\xee-\xf1\xf6-\xf8\xfb\xfc\xfe\xff]"
)


def _badness(text: str) -> tuple[int, int]:
    """(characters no Vietnamese text has, minus Vietnamese letters): lower is more plausible."""
    return len(_NOT_VIETNAMESE.findall(text)), -len(_VIETNAMESE.findall(text))


def detect(text: str) -> str | None:
    """'TCVN3' or 'VNI' when ``text`` (Windows-1252 view) reads better converted, else None."""
    if len(_NOT_VIETNAMESE.findall(text)) < 3 or len(_UNICODE_ONLY.findall(text)) > 5:
        return None
    options = {None: _badness(text), "TCVN3": _badness(from_tcvn3(text)), "VNI": _badness(from_vni(text))}
    best = min(options, key=lambda k: options[k])
    return best if options[best] < options[None] else None


def convert(text: str, encoding: str) -> str:
    """Convert ``text`` from ``encoding`` ('TCVN3' or 'VNI') to NFC Unicode."""
    out = from_tcvn3(text) if encoding == "TCVN3" else from_vni(text)
    return unicodedata.normalize("NFC", out)
