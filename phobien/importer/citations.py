"""Citations of legal documents ("Quyết định số 87/QĐ-TTg ngày 14/02/2023"), resolved to content/legal/.

A numbered citation resolves the way `phobien check` resolves legal references: by the slug of the
number. Documents cited by name only ("Hiến pháp năm 2013", "Luật Trẻ em") are found by the titles
and short titles of the documents already in content/legal/ (with the year when two share a title).
Numbered citations that match nothing are returned as new, for the editor to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phobien.core.text import fold
from phobien.importer.text import fold_same_length
from phobien.load.lookup import legal_key
from phobien.model.legal import LegalDocument

_TYPES = (
    "Quyết định|Nghị quyết|Nghị định|Chỉ thị|Thông tư liên tịch|Thông tư|Kế hoạch|Bộ luật|Luật|Pháp lệnh|Công văn"
    "|Hướng dẫn|Công điện|Thông báo|Đề án|Chương trình|Văn bản|Quy chế|Quy định"
)
_NUMBER = re.compile(r"(?<![\w/])(\d{1,5})\s?((?:/(?:19|20)\d\d)?[/-][A-ZĐ][\wĐđ]*(?:[-/&.][\wĐđ]+)*)")
_TYPE_BEFORE = re.compile(rf"({_TYPES})(?:\s+số)?\s*$", re.I)
_DATE_AFTER = re.compile(r"^\s*ngày\s+(\d{1,2}/\d{1,2}/\d{4})")


@dataclass(frozen=True)
class Citation:
    """A cited document: how it is cited, where, and its id in content/legal/ (None when new)."""

    kind: str
    number: str | None
    date: str | None
    line: int
    text: str
    legal_id: str | None


class Library:
    """The documents of content/legal/, searchable by number and by name."""

    def __init__(self, legal: dict[str, LegalDocument]) -> None:
        self.by_key: dict[str, str] = {legal_key(i): i for i in legal}
        for doc_id, doc in legal.items():
            if doc.number:
                self.by_key.setdefault(legal_key(doc.number), doc_id)
        self.names: dict[str, list[tuple[str, int | None]]] = {}
        for doc_id, doc in legal.items():
            year = doc.signed.year if doc.signed else None
            for name in (doc.short_title, doc.title):
                if not name or len(name) > 80 or re.search(r"\d+/", name):
                    continue
                base = re.sub(r"\s+(?:năm\s+)?(?:19|20)\d\d$", "", name).strip()
                self.names.setdefault(fold(base), []).append((doc_id, year))
        keys = sorted(self.names, key=len, reverse=True)
        body = "|".join(re.escape(k) for k in keys) or "(?!)"
        self.name_pattern = re.compile(rf"(?<!\w)({body})(?!\w)(?:\s+(?:nam\s+)?((?:19|20)\d\d))?")

    def numbered(self, text: str, line: int) -> list[Citation]:
        out = []
        for m in _NUMBER.finditer(text):
            number = f"{m.group(1)}{m.group(2)}".rstrip(".")
            if not re.search(r"[A-ZĐ]", m.group(2)):
                continue
            kind = _TYPE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            if not kind:
                continue
            date = _DATE_AFTER.match(text[m.end() :])
            cited = text[kind.start() + max(0, m.start() - 40) : m.end() + (date.end() if date else 0)]
            legal_id = self.by_key.get(legal_key(number))
            out.append(Citation(kind.group(1), number, date.group(1) if date else None, line, cited.strip(), legal_id))
        return out

    def named(self, text: str, line: int) -> list[Citation]:
        out = []
        for m in self.name_pattern.finditer(fold_same_length(text)):
            found = self.names[m.group(1)]
            year = int(m.group(2)) if m.group(2) else None
            ids = {i for i, y in found if year is None or y is None or y == year}
            if len(ids) == 1:
                out.append(Citation("name", None, None, line, text[m.start() : m.end()], ids.pop()))
        return out

    def cite(self, text: str, line: int) -> list[Citation]:
        """Every citation in ``text`` (on source line ``line``)."""
        return self.numbered(text, line) + self.named(text, line)
