"""What staging made in the last build, kept so that the next build stages again only what an
edit reaches (:class:`StageMemo`).

A kind of page (or one page of it: a material, an article) is staged from the content, the
options, the code and the page bodies it reads. The first three are one digest
(:func:`content_key`: every file of content/ and docs/, page files without their body); the
bodies each result read are noted as it is made (:func:`phobien.load.page.reading`) and kept
with it. A result is taken again when the digest is the same and every body it read is as it
was; otherwise it is made again. So an edit of one article's text re-stages that article, the
pages that read it (its translations' notices read the original) and the lists made from
those, and nothing else; an edit of any other file re-stages everything.

Kept in ``.phobien-cache/staging/<lang>.bin`` with :class:`phobien.core.memo.Memo` (marshal:
built-in types only, so results are packed: dates tagged, the per-build raw-HTML word
replaced by a placeholder and put back as the new build's).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from phobien.core.memo import MISSING, Memo, key_of
from phobien.core.yamlpos import split_front_matter
from phobien.load import Content, Page
from phobien.load.page import note_read, reading
from phobien.stage import rawhtml
from phobien.stage.staged import Staged

FOLDERS = ("content", "docs")
"""What staging reads besides the code and the options."""
_WORD = "\x00pb-raw-word\x00"
_DATE, _DATETIME, _MARKUP = "\x00date", "\x00datetime", "\x00markup"


def pages_of(content: Content) -> dict[str, Page]:
    return {p.rel: p for p in (*content.materials, *content.articles, *content.docs)}


def content_key(content: Content, settings: str) -> str:
    """A digest of what staging reads apart from the page bodies: every file under content/
    and docs/ (a page's file up to its body, with the title, which a hand-written page may
    take from its body's first heading), and ``settings`` (options, code version)."""
    pages = pages_of(content)
    h = hashlib.sha256(settings.encode("utf-8"))
    for folder in FOLDERS:
        base = content.root / folder
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in files:
            rel = path.relative_to(content.root).as_posix()
            data = path.read_bytes()
            page = pages.get(rel)
            if page is not None:
                front = split_front_matter(data.decode("utf-8", "surrogateescape"))[0] or ""
                data = f"{front}\0{page.meta.title}".encode("utf-8", "surrogateescape")
            h.update(f"\0{rel}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            h.update(data)
    return h.hexdigest()


def _encode(value: Any) -> Any:
    if type(value) is str:
        return value.replace(rawhtml.TOKEN, _WORD) if rawhtml.TOKEN in value else value
    if isinstance(value, Markup):
        return (_MARKUP, _encode(str(value)))
    if isinstance(value, dt.datetime):
        return (_DATETIME, value.isoformat())
    if isinstance(value, dt.date):
        return (_DATE, value.isoformat())
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_encode(v) for v in value)
    if value is None or type(value) in (bool, int, float, frozenset):
        return value
    raise TypeError(f"cannot keep {type(value).__name__}")


def _decode(value: Any) -> Any:
    if type(value) is str:
        return value.replace(_WORD, rawhtml.TOKEN) if _WORD in value else value
    if isinstance(value, tuple):
        if len(value) == 2 and value[0] in (_MARKUP, _DATE, _DATETIME):
            tag, text = value
            if tag == _MARKUP:
                return Markup(_decode(text))
            return dt.datetime.fromisoformat(text) if tag == _DATETIME else dt.date.fromisoformat(text)
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _pack(pages: list[Staged]) -> list[tuple[Any, ...]]:
    return [
        _encode((p.path, p.title, p.body, p.description, p.layout, p.kind, p.data, p.fallback, p.source, p.aliases))
        for p in pages
    ]


def _unpack(packed: list[tuple[Any, ...]]) -> list[Staged]:
    return [Staged(*_decode(fields)) for fields in packed]


def unpack(sent: bytes) -> list[Staged]:
    """The pages a staging worker sent (:func:`send`)."""
    return _unpack(marshal.loads(sent))


def send(packed: list[tuple[Any, ...]]) -> bytes:
    return marshal.dumps(packed)


def _digest(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class StageMemo:
    """One language's kept staging results; :meth:`staged` takes or makes one, :meth:`save`
    keeps this build's."""

    def __init__(self, path: Path | None, code: str, key: str, content: Content, fresh: bool = False) -> None:
        self.memo = Memo(path, code)
        if fresh:
            self.memo.before = {}
        self.key = key
        self.pages = pages_of(content)
        self._digests: dict[str, str] = {}
        self.taken = self.made = 0

    def _now(self, rel: str) -> str | None:
        if rel not in self._digests:
            page = self.pages.get(rel)
            self._digests[rel] = _digest(page._body) if page is not None else ""
        return self._digests[rel] or None

    def staged(self, kind: str, item: str, make: Callable[[], list[Staged]]) -> list[Staged]:
        """The pages ``make`` stages for ``kind`` (and ``item`` of it, "" for the whole kind):
        the last build's when nothing they were made from changed."""
        found = self._kept(kind, item)
        if found is not None:
            return _unpack(found)
        pages, _ = self._make(kind, item, make)
        return pages

    def packed(self, kind: str, item: str, make: Callable[[], list[Staged]]) -> list[tuple[Any, ...]]:
        """:meth:`staged`, packed as kept (what a staging worker sends back: marshal, no
        pickling, and a kind taken from the memo is not unpacked there only to be sent).
        Raises TypeError for pages marshal cannot keep."""
        found = self._kept(kind, item)
        if found is not None:
            return found
        _, packed = self._make(kind, item, make)
        if packed is None:
            raise TypeError(f"the pages of {kind} cannot be kept")
        return packed

    def _kept(self, kind: str, item: str) -> list[tuple[Any, ...]] | None:
        found = self.memo.get(key_of(self.key, kind, item))
        if found is MISSING or not all(self._now(rel) == digest for rel, digest in found[0]):
            return None
        for rel, _ in found[0]:
            note_read(rel, self.pages[rel]._body)
        self.taken += 1
        return found[1]

    def _make(
        self, kind: str, item: str, make: Callable[[], list[Staged]]
    ) -> tuple[list[Staged], list[tuple[Any, ...]] | None]:
        with reading() as reads:
            pages = make()
        self.made += 1
        try:
            packed = _pack(pages)
        except TypeError:
            return pages, None  # something marshal cannot keep: made again next time
        digests = tuple((rel, _digest(body)) for rel, body in sorted(reads.items()))
        self.memo.put(key_of(self.key, kind, item), (digests, packed))
        return pages, packed

    def save(self) -> None:
        self.memo.save()
