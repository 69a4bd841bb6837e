"""Finding the bodies a text names, with AgencyIndex: "Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát ..." → ids.

Names are matched on folded text (tone marks, đ and case ignored), longest name first, and only
among the agencies of the plan's province and the central ones. Vietnamese coordination leaves
words out ("Công an các đơn vị, địa phương" = "Công an các đơn vị, Công an địa phương"; "Viện
Kiểm sát nhân dân, Tòa án nhân dân Thành phố"; "Các Sở: Tư pháp, Tài chính"), so a name that does
not resolve alone is tried again with the head of the name before it or the qualifier of the name
after it. Names that look like a body but match nothing are returned as unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phobien.importer.names as names
from phobien.importer.agencies import AgencyIndex, normalise
from phobien.importer.proposals import Proposals
from phobien.importer.text import fold_same_length
from phobien.model.agency import Agency


@dataclass(frozen=True, order=True)
class Mention:
    """A body named in a text: its span, its agency id (None when unknown) and the words used."""

    start: int
    end: int
    agency: str | None
    as_written: str


_NAME_STOP = re.compile(
    r"\s+(?:chủ trì|chủ động|phối hợp|thực hiện|tham gia|theo|có trách nhiệm|căn cứ|để|nhằm|trong|tại|về)\b.*$", re.I
)
_HEAD_LIST = re.compile(r"\b[Cc]ác\s+(Sở|Phòng|Ban|Bộ|Hội|Cục|Trung tâm)\s*:\s*")


class Directory:
    """The agencies a plan of one province can name, searchable by any of their names."""

    def __init__(self, agencies: list[Agency], province: str | None, proposals: Proposals | None = None) -> None:
        self.index = AgencyIndex(agencies)
        self.province = province
        self.proposals = proposals
        """With proposals, names agencies.yml lacks are found by their shape and get proposed ids."""
        self.by_id = {a.id: a for a in agencies}
        keys = [k for k, found in self.index.by_name.items() if k and any(self._fits(a) for a in found)]
        keys.sort(key=len, reverse=True)
        body = "|".join(re.escape(k) for k in keys) or "(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    def _fits(self, agency: Agency) -> bool:
        return agency.level == "central" or agency.province in (None, self.province)

    def resolve(self, name: str) -> str | None:
        """Agency id for a name as a plan writes it, or None."""
        agency, _ = self.index.resolve(name, self.province)
        if agency is not None and self._fits(agency):
            return agency.id
        key, _ = normalise(name)
        found = {a.id for a in self.index.by_name.get(key, []) if self._fits(a)}
        return found.pop() if len(found) == 1 else None

    def find(self, text: str) -> list[Mention]:
        """Every body ``text`` names, in order; unknown ones only where a list makes them clear."""
        folded = fold_same_length(text).replace("\n", " ")
        found = [
            Mention(m.start(), m.end(), self.resolve(m.group()), text[m.start() : m.end()])
            for m in self.pattern.finditer(folded)
        ]
        found = [m for m in found if m.agency]
        found = self._head_lists(text, found)
        found = self._ellipses(text, found)
        return sorted(self._by_grammar(text, found)) if self.proposals is not None else sorted(found)

    def is_proposed(self, agency: str | None) -> bool:
        """Whether ``agency`` is the id proposed for a body agencies.yml does not have."""
        return self.proposals is not None and agency in self.proposals.entries

    def _by_grammar(self, text: str, found: list[Mention]) -> list[Mention]:
        """Names the list of agencies misses, found by their shape; a known name inside a longer one widens."""
        assert self.proposals is not None
        extra = [(m.start, m.end) for m in found]
        out = list(found)
        for start, end in names.names(text, extra):
            inside = [m for m in found if start <= m.start and m.end <= end]
            overlap = [m for m in found if m.start < end and start < m.end and m not in inside]
            written = re.sub(r"\s+", " ", text[start:end])
            if overlap:
                continue
            if len(inside) > 1:
                if names.is_collective(text[start:end]):  # "Công an các đơn vị, địa phương": both, as written
                    out = [Mention(m.start, m.end, m.agency, written) if m in inside else m for m in out]
                continue
            if inside and inside[0].start > start and names.is_bare(text[start : inside[0].start]):
                continue  # "các cơ quan Báo Bắc Giang": the determiner is not part of the name
            if inside and inside[0].start == start:
                out[out.index(inside[0])] = Mention(start, end, inside[0].agency, written)
            elif inside:
                out.remove(inside[0])
                out.append(Mention(start, end, self.proposals.id_for(written), written))
            else:
                out.append(Mention(start, end, self.proposals.id_for(written), written))
        return out

    def _head_lists(self, text: str, found: list[Mention]) -> list[Mention]:
        for m in _HEAD_LIST.finditer(text):
            head = m.group(1)
            end = re.search(r"[.;:(]|\s+-\s+(?=[ĐđD]ề nghị|[Cc]ác\b)|\s+và\s+các\b|$", text[m.end() :])
            stop = m.end() + (end.start() if end else 0)
            added: list[Mention] = []
            for item in re.finditer(r"[^,]+", text[m.end() : stop]):
                name = item.group().strip()
                start = m.end() + item.start()
                parts = [name] if self.resolve(f"{head} {name}") else re.split(r"\s+và\s+", name)
                for part in parts:
                    agency = self.resolve(f"{head} {part}")
                    if agency:
                        pos = text.find(part, start)
                        added.append(Mention(pos, pos + len(part), agency, f"{head} {part}"))
            if added:
                found = [f for f in found if not (m.start() <= f.start < stop)] + added
        return found

    def _ellipses(self, text: str, found: list[Mention]) -> list[Mention]:
        found = sorted(found)
        extra: list[Mention] = []
        for start, end in _plain_chunks(text):
            if any(f.start < end and start < f.end for f in found):
                continue
            chunk = text[start:end]
            request = re.match(r"(?:[Kk]ính\s+)?[Đđ]ề nghị\s+", chunk)
            if request:
                start += request.end()
                chunk = chunk[request.end() :]
            chunk = _NAME_STOP.sub("", chunk)
            end = start + len(chunk)
            if not chunk or len(chunk.split()) > 6:
                continue
            before = [f for f in found if f.end <= start and not text[f.end : start].strip(" ,;")]
            after = [f for f in found if f.start >= end and not text[end : f.start].strip(" ,;").removeprefix("và")]
            agency = None
            if before:
                words = before[-1].as_written.split()
                for k in (1, 2, 3):
                    if k < len(words):
                        agency = agency or self.resolve(" ".join(words[:k]) + " " + chunk)
            if after and not agency:
                words = after[0].as_written.split()
                for k in (1, 2, 3):
                    if k < len(words):
                        agency = agency or self.resolve(chunk + " " + " ".join(words[-k:]))
            if agency:
                extra.append(Mention(start, end, agency, chunk))
        return found + extra

    def unknown(self, text: str, found: list[Mention]) -> list[str]:
        """Names in ``text`` that match no agency of agencies.yml (in ``found`` with proposed ids, or by shape)."""
        if self.proposals is not None:
            return [m.as_written for m in found if self.is_proposed(m.agency)]
        taken = [(m.start, m.end) for m in found]
        spans = names.names(text, taken)
        return [text[a:b] for a, b in spans if not any(s < b and a < e for s, e in taken)]


def chunks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between list separators (commas, 'và', ' - ', sentence ends) outside names."""
    return names.chunks(text)


_CHUNK_SPLIT = re.compile(r",\s*|;\s*|\s+và\s+|\s+-\s+|:\s+|\.\s+|\s*\(|\)\s*")


def _plain_chunks(text: str) -> list[tuple[int, int]]:
    """Spans between every separator, names or not: the pieces of a coordination that leaves words out."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _CHUNK_SPLIT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return names.trimmed_spans(text, spans)
