"""The parts of an official document: header, title, preamble, body, closing and appendix.

Header: issuing body, "Số: 126/KH-UBND", "Hà Nội, ngày 19 tháng 4 năm 2023". Title after "KẾ HOẠCH".
Preamble: "Thực hiện ..." up to part I. Closing: "Nơi nhận:" with its list and the signature block.
Appendix: from "PHỤ LỤC" on (usually a table).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from phobien.core.text import fold
from phobien.importer.textlines import Para

_NUMBER = re.compile(r"\bSố\s*:\s*(?P<number>[\w.…\-]*?)\s*/\s*(?P<symbol>[A-ZĐ][\w\-&/.]*)")
_DATE = re.compile(
    r"^(?:<[^>]+>)*(?P<place>[^\d,:;<>\t]{2,40}),\s*(?P<written>ngày\s+(?:(?P<d>\d{1,2})?[\s.…]*tháng\s+"
    r"(?P<m>\d{1,2})?[\s.…]*năm\s+(?P<y>\d{4})|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})))"
)
_COLUMNS = re.compile(r"\t+|\s{3,}|[-_=]{3,}")
_PREAMBLE = re.compile(r"^(?:Thực hiện|Căn cứ|Trong thời gian|Để |Nhằm |Xét |Triển khai)")
_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|tướng|úy)\s+")


def _is_name(text: str) -> bool:
    """A signatory's name: two to six capitalised words, after a military rank if any."""
    words = _RANK.sub("", text).split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w.isalpha() for w in words)


_SIGNATURE = re.compile(r"^(?:TM\.|T/M|KT\.|K/T|TL\.|Q\.|TUQ\.)|^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b")


@dataclass
class Layout:
    """The paragraphs of each part of the document."""

    header: list[Para] = field(default_factory=list)
    heading: Para | None = None
    title: list[Para] = field(default_factory=list)
    preamble: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    closing: list[Para] = field(default_factory=list)
    appendix: list[Para] = field(default_factory=list)


def _plain(text: str) -> str:
    return fold(re.sub(r"<[^>]+>", "", text)).strip(" .:*")


def split(paras: list[Para]) -> Layout:
    """Assign each paragraph to a part of the document."""
    out = Layout()
    i = 0
    heading = next((k for k, p in enumerate(paras[:40]) if _plain(p.text) == "ke hoach" and p.cells is None), None)
    if heading is not None:
        out.header = paras[:heading]
        out.heading = paras[heading]
        i = heading + 1
    else:
        while i < len(paras) and (_NUMBER.search(paras[i].text) or _DATE.match(paras[i].text)):
            out.header.append(paras[i])
            i += 1
    while i < len(paras) and len(out.title) < 3:
        p = paras[i]
        if p.marker or p.cells is not None or _PREAMBLE.match(p.text) or (_NUMBER.search(p.text) and out.title):
            break
        if _DATE.match(p.text) or _NUMBER.search(p.text):
            out.header.append(p)
        else:
            out.title.append(p)
        i += 1
    while i < len(paras) and not is_part(paras[i]):
        if paras[i].cells is not None:
            break
        out.preamble.append(paras[i])
        i += 1
    rest = paras[i:]
    appendix = next(
        (k for k, p in enumerate(rest) if _plain(p.text).startswith("phu luc") and len(p.text) < 40), len(rest)
    )
    closing = next(
        (k for k, p in enumerate(rest[:appendix]) if _plain(p.text).startswith("noi nhan") or _SIGNATURE.match(p.text)),
        appendix,
    )
    out.body = rest[:closing]
    out.closing = rest[closing:appendix]
    out.appendix = rest[appendix:]
    return out


def is_part(para: Para) -> bool:
    """A top section: "II. NHIỆM VỤ", "A. …", or an Arabic number in capitals ("1. NHIỆM VỤ")."""
    marker = para.marker
    if not marker:
        return False
    letters = [c for c in marker[2] if c.isalpha()]
    capitals = len(letters) > 3 and "".join(letters).isupper()
    return marker[0] in ("roman", "upper") or (marker[0] == "arabic" and capitals)


@dataclass
class Header:
    """What the header and closing say about the document."""

    issuer: str | None = None
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_as_written: str | None = None
    signed_by: str | None = None
    signature: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


def read_header(layout: Layout) -> Header:
    """Number, place, date, signatory and recipients; marks the paragraphs it used."""
    head = Header()
    for p in [*layout.header, *layout.title, *layout.preamble[:2]]:
        number = _NUMBER.search(p.text)
        if number and not re.search(r"\d", number.group("number")):
            number = _NUMBER.search(p.text.replace(number.group("number"), "", 1))
        if number and head.symbol is None:
            head.symbol = number.group("symbol")
            head.number = f"{number.group('number')}/{number.group('symbol')}" if number.group("number") else None
            p.used = p.used or p in layout.header
        columns = [p.text, *re.split(r"\t+|\s{3,}(?=\D)|[-_=]{3,}", p.text)]
        date = next((d for c in columns if (d := _DATE.match(c.strip()))), None)
        if date and head.date_as_written is None:
            head.place = date.group("place").strip()
            head.date_as_written = re.sub(r"\s+", " ", date.group("written"))
            day, month, year = (date.group(k) or date.group(f"{k}2") for k in ("d", "m", "y"))
            if day and month:
                try:
                    head.date = dt.date(int(year), int(month), int(day))
                except ValueError:
                    head.date = None
            p.used = p.used or p in layout.header
    in_list = False
    for p in layout.closing:
        plain = _plain(p.text)
        if plain.startswith("noi nhan"):
            in_list = True
            p.used = True
            rest = re.sub(r"^[^:.]*[:.]\s*", "", p.text).strip()
            if rest:
                head.recipients.append(rest)
        elif in_list and p.marker and p.marker[0] in ("dash", "plus"):
            head.recipients.append(p.marker[2].rstrip(" ;."))
            p.used = True
        elif _SIGNATURE.match(p.text) or (p.text.isupper() and len(p.text) < 60):
            in_list = False
            head.signature.append(p.text)
            p.used = True
        elif in_list and p.text.startswith("("):
            head.recipients[-1:] = [f"{head.recipients[-1]} {p.text}" if head.recipients else p.text]
            p.used = True
        elif head.signature and head.signed_by is None and _is_name(p.text):
            head.signed_by = p.text
            p.used = True
    return head


_NOT_ISSUER = re.compile(r"^(?:cong hoa|doc lap|so\s*:|ke hoach|du thao)|^[\W_]*$")
_BODY_HEAD = re.compile(
    r"^(?:uy ban|ubnd|so|cong an|bo|ban|phong|toa an|vien|hoi|doan|tinh doan|thanh doan|trung tam|cuc|chi cuc|"
    r"van phong|bo chi huy|ngan hang|bao hiem|lien doan|dai|bao|truong|kho bac)\b"
)


def issuer_name(lines: list[str]) -> str | None:
    """The issuing body from the header lines above "KẾ HOẠCH": its own lines joined, the parent left out.

    The left column of each line (columns split at tabs or wide spaces, ``<br>`` as a line break);
    a line that starts with the head of a body name ("ỦY BAN NHÂN DÂN", "SỞ", "CÔNG AN") starts a
    body, other lines ("TỈNH QUẢNG NINH") continue it. The last body issues the plan; a name that
    ends in a bare "TỈNH"/"THÀNH PHỐ" takes the place of the body above it ("CÔNG AN TỈNH" under
    "UBND TỈNH KON TUM").
    """
    bodies: list[str] = []
    for raw in lines:
        for line in re.split(r"<br\s*/?>|</p>", raw, flags=re.I):
            text = re.sub(r"<[^>]+>", " ", line).strip()
            column = _COLUMNS.split(text)[0].strip() if text else ""
            plain = fold(column)
            if not column or _NOT_ISSUER.search(plain) or _DATE.match(column):
                continue
            letters = [c for c in column if c.isalpha()]
            if sum(c.isupper() for c in letters) < 0.7 * len(letters):
                continue
            if _BODY_HEAD.match(plain) or not bodies:
                bodies.append(column)
            else:
                bodies[-1] = f"{bodies[-1]} {column}"
    if not bodies:
        return None
    name = re.sub(r"\s+", " ", bodies[-1])
    bare = re.search(r"\s(TỈNH|THÀNH PHỐ)$", name)
    if bare and len(bodies) > 1:
        place = re.search(rf"{bare.group(1)}\s+(.+)$", bodies[-2])
        if place:
            name = f"{name} {place.group(1)}"
    return name


def header_lines(text: str) -> list[str]:
    """The source lines above the "KẾ HOẠCH" heading (the first 40 lines at most)."""
    lines = text.split("\n")[:40]
    for i, line in enumerate(lines):
        if fold(re.sub(r"<[^>]+>", "", line)).strip(" .:*") == "ke hoach":
            return lines[:i]
    return [ln for ln in lines if not ln.startswith("#")][:8]
