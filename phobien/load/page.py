"""A Markdown page of the content (:class:`Page`), and who reads its body.

Staging keeps what each kind of page made between builds (:mod:`phobien.stage.memo`); what
it made is still right when the content outside the page bodies is the same and so is every
body it read. Which bodies a piece of staging reads is not declared anywhere, so that no
future page kind can forget to declare one: :attr:`Page.body` notes each read in the
:func:`reading` record that is open (none outside staging, where reading costs nothing more).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from phobien.core.diagnostics import Position
from phobien.core.yamlpos import Located
from phobien.model.page import PageMeta

_READS: ContextVar[dict[str, str] | None] = ContextVar("phobien_body_reads", default=None)


@dataclass
class Page:
    """A Markdown page: a material, an article or a hand-written page from docs/."""

    kind: str
    slug: str
    lang: str
    path: Path
    rel: str
    meta: PageMeta
    _body: str
    body_line: int
    located: Located

    @property
    def body(self) -> str:
        """The Markdown after the front matter (the read is noted in the open :func:`reading`)."""
        reads = _READS.get()
        if reads is not None:
            reads[self.rel] = self._body
        return self._body

    def pos(self, *path: str | int) -> Position:
        mark = self.located.key_mark(path) if path else self.located.value_mark(())
        return Position(self.rel, mark.line, mark.col)


@contextlib.contextmanager
def reading() -> Iterator[dict[str, str]]:
    """Within: every page body read, by the page's file (``rel``) → the body. The reads are
    also noted in the record that was open before (records nest)."""
    outer = _READS.get()
    reads: dict[str, str] = {}
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)
        if outer is not None:
            outer.update(reads)


def note_read(rel: str, body: str) -> None:
    """Note a read of ``rel``'s body made in an earlier build (its result is taken from a memo)."""
    reads = _READS.get()
    if reads is not None:
        reads[rel] = body
