"""The grammar of official body names, so that list separators never split inside a name.

A name starts with a head ("Sở", "Ủy ban nhân dân", "Công an", "Đài Phát thanh và Truyền hình",
"Các sở", …) and runs to the next list separator ("," ";" " và " " - " line or sentence break)
or to the verb that follows it ("chủ trì", "phối hợp", "tổ chức" …). Separators inside a
protected span do not count: the compound field names of departments ("Giáo dục và Đào tạo",
"Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội"), names that hold commas
("Báo và Phát thanh, Truyền hình", "Phòng Phổ biến, giáo dục pháp luật"), lists of kinds of body
or place after "các" ("các sở, ban, ngành", "các xã, phường, đặc khu") and of place names after
them ("các huyện Tây Giang, Đông Giang"). Everything is matched on folded text of the same length
(tone marks, đ and case ignored), so positions are positions in the original.
"""

from __future__ import annotations

import re

from phobien.importer.name_words import COMPOUNDS, HEADS, KINDS, NOT_HEADS, STOPS
from phobien.importer.text import fold_same_length

_HEAD = re.compile(
    r"^(?!(?:" + "|".join(re.escape(h) for h in NOT_HEADS) + r")\b)"
    r"(?:" + "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True)) + r")\b"
)
_BARE = {h for h in HEADS if len(h.split()) <= 2 and h not in ("tinh doan", "thanh doan", "huyen doan", "ubnd")}
_COMPOUND = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(COMPOUNDS, key=len, reverse=True))
    + r")(?!\w)"
)
_KIND = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_COLLECTIVE = re.compile(rf"\bcac (?:{_KIND})(?:(?:\s*,\s*|\s+va\s+)(?:{_KIND})\b)+")
_PLACES = re.compile(r"\bcac (?:huyen|xa|phuong|thi xa|quan|thi tran|tinh|thanh pho) (?=\S)")
_SEPARATOR = re.compile(r",\s*|;\s*|\s+và\s+|\s+-\s+|:\s+|\.\s+|\.$|\s*\(|\)\s*|\n|\s*<br\s*/?>\s*|\s*<li>\s*", re.I)
_OPENING = re.compile(
    r"^(?:[-+•–]|(?:kính\s+)?đề nghị|giao|(?:chủ trì,?\s*)?phối hợp(?:\s+với)?|với|cùng|chủ trì|tham mưu|chỉ đạo)\s+",
    re.I,
)
_STOP = re.compile(r"\s+(?:" + "|".join(STOPS) + r")(?=\s|$|[,.;:])")
_ABBREVIATION = re.compile(r"\s*\([A-ZĐ0-9\-]{2,12}\)\s*$")


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose separators belong to a name."""
    folded = fold_same_length(text)
    spans = [(m.start(), m.end()) for m in _COMPOUND.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _COLLECTIVE.finditer(folded)]
    for m in _PLACES.finditer(folded):
        end = _place_list(text, m.end())
        if end > m.end():
            spans.append((m.start(), end))
    return spans


def _place_list(text: str, pos: int) -> int:
    """End of a list of capitalised place names starting at ``pos`` ("Tây Giang, Đông Giang, Nam Trà My")."""
    end = pos
    while True:
        m = re.match(r"((?:[A-ZĐÂĂÊÔƠƯ\u00C0-\u00DD\u1EA0-\u1EF8][^\s,;.()]*\s?)+)", text[end:])
        if not m or m.group(1).strip() == "" or _HEAD.match(fold_same_length(m.group(1))):
            return end
        stop = end + len(m.group(1).rstrip())
        after = re.match(r"\s*,\s*(?=[A-ZĐÂĂÊÔƠƯ\u00C0-\u00DD\u1EA0-\u1EF8])", text[stop:])
        if not after or _HEAD.match(fold_same_length(text[stop + after.end() :])):
            return stop
        end = stop + after.end()


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def chunks(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` between list separators that are not inside a name."""
    spans = protected(text) + (extra or [])
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATOR.finditer(text):
        if _inside(m.start(), spans) and _inside(max(m.start(), m.end() - 1), spans):
            continue
        if "\n" in m.group() and m.group().strip() == "" and not starts_name(text[m.end() :]):
            continue  # a line break inside a name ("Trung tâm Trợ giúp pháp lý nhà nước / Thành phố")
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return trimmed_spans(text, out)


def trimmed_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without the white space at their ends, the empty ones left out."""
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        trimmed.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return [s for s in trimmed if s[0] < s[1]]


def starts_name(text: str) -> bool:
    """Whether ``text`` begins with the head of a body name (after request words and bullets)."""
    while m := _OPENING.match(text):
        text = text[m.end() :]
    return bool(_HEAD.match(fold_same_length(text[:40])))


def name_in(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The body name a chunk holds (without request and role words), or None when it names none."""
    while m := _OPENING.match(text[start:end]):
        start += m.end()
    folded = fold_same_length(text[start:end])
    if not _HEAD.match(folded):
        return None
    if not (text[start].isupper() or folded.startswith("cac ") or folded.startswith("ubnd")):
        return None
    for m in _STOP.finditer(text, start, end):
        if not _inside(m.start() + 1, spans):
            end = m.start()
            break
    piece = _ABBREVIATION.sub("", text[start:end]).rstrip(" .:;,")
    if re.sub(r"\s+", " ", fold_same_length(piece)) in _BARE:
        return None  # a head alone ("Các Sở" before "Tư pháp, Tài chính") is not a name
    if len(piece.split()) < 2 and not folded.startswith(("tinh doan", "thanh doan")):
        return None
    return (start, start + len(piece)) if piece and len(piece.split()) <= 20 else None


def names(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of every body name in a list or sentence, in order."""
    spans = protected(text) + (extra or [])
    found = []
    for start, end in chunks(text, extra):
        span = name_in(text, start, end, spans)
        if span:
            found.append(span)
    return found


def is_bare(text: str) -> bool:
    """Whether ``text`` is only a head or determiner ("các cơ quan", "Các Sở"), not a name."""
    folded = re.sub(r"\s+", " ", fold_same_length(text)).strip(" ,;:")
    return folded in _BARE or folded in ("luc luong", "cac co quan", "cac don vi")


def is_collective(text: str) -> bool:
    """Whether ``text`` holds a list of kinds of body or place after "các" ("Công an các đơn vị, địa phương")."""
    return bool(_COLLECTIVE.search(fold_same_length(text)) or _PLACES.search(fold_same_length(text)))
