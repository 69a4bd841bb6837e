"""Looking things up in the loaded content by id: indexes with readable messages."""

from __future__ import annotations

from collections.abc import Iterable

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.text import slugify
from phobien.load.tree import Content
from phobien.load.validate import did_you_mean


class Index:
    """Known ids of one kind, with a readable name for messages.

    ``trusted`` is false when the file that lists them could not be read: references are then
    not checked, so that one broken file does not cause errors in every file that cites it."""

    def __init__(self, what: str, ids: Iterable[str], where: str, trusted: bool = True) -> None:
        self.trusted = trusted
        self.what = what
        self.where = where
        self.ids = list(ids)
        self.known = set(self.ids)

    def check(self, diags: Diagnostics, pos: Position, value: str | None, extra: Iterable[str] = ()) -> None:
        if value is None or not self.trusted or value in self.known or value in extra:
            return
        hint = did_you_mean(value, self.ids) or f"; use an id from {self.where}"
        diags.error(pos, f"unknown {self.what} '{value}'{hint}")


def legal_key(value: str) -> str:
    """How a legal reference is matched: by id or by number, ignoring marks and case."""
    return slugify(value)


def legal_index(content: Content) -> dict[str, str]:
    """Every way a legal document can be cited (its id, its number) -> its id; the first wins."""
    index = {legal_key(i): i for i in content.legal}
    for i, doc in content.legal.items():
        if doc.number:
            index.setdefault(legal_key(doc.number), i)
    return index


class References:
    """The indexes every reference check needs, built once per run of the checks."""

    def __init__(self, content: Content) -> None:
        broken = content.broken
        self.broken = broken
        self.audiences = Index(
            "audience", [a.id for a in content.audiences], "content/audiences.yml", "audiences" not in broken
        )
        self.topics = Index("topic", [t.id for t in content.topics], "content/topics.yml", "topics" not in broken)
        self.hotlines = Index(
            "hotline", [h.id for h in content.hotlines], "content/hotlines.yml", "hotlines" not in broken
        )
        self.agencies = Index(
            "agency", [a.id for a in content.agencies], "content/agencies.yml", "agencies" not in broken
        )
        self.legal_ids = legal_index(content)
        self.unread_numbers = {b.removeprefix("legal-number/") for b in broken if b.startswith("legal-number/")}
        """Numbers of the files of content/legal/ that could not be read (from their 'number:' line)."""
        self.legal_docs = Index("legal document", content.legal, "content/legal/ (file name or number)")

    def legal(self, diags: Diagnostics, pos: Position, ref: str) -> None:
        """A citation of a legal document, by its id or its number."""
        key = legal_key(ref)
        if key in self.unread_numbers:
            return  # the number of a file that could not be read: its own error says why
        if f"legal/{key}" not in self.broken and key not in self.legal_ids:
            self.legal_docs.check(diags, pos, ref)
