"""Pages analysed by earlier builds, so that an incremental build indexes only the pages whose
HTML changed (:mod:`phobien.publish.reuse`): one file per language,
``.phobien-cache/search/<lang>.bin``, mapping a digest of each page's address and HTML to
its :class:`~phobien.search.index.PageEntry` (or None: a page that is not searched).

The file is made and read only by phobien (Python's ``marshal``: built-in types only, nothing
that runs code when read), in the project's own cache folder, like the other caches there; an
entry is used only under the same digest of phobien's search code, the
language, its synonyms and the kind of copy, so a change of any of them starts again. Only the
entries of the pages of the last build are kept."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from array import array
from collections.abc import Collection
from pathlib import Path
from typing import Any

from phobien.search.index import PageEntry, PageMeta

_CODE = Path(__file__).resolve().parent


def _version(lang: str, offline: bool, synonyms: list[list[str]] | None) -> str:
    h = hashlib.sha256(json.dumps([lang, offline, synonyms or [], sys.version], ensure_ascii=False).encode("utf-8"))
    for path in sorted(_CODE.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


class PageCache:
    """The analysed pages of one language: :meth:`get` those of earlier builds, :meth:`keep`
    this build's, :meth:`save` once the index is written. Entries are kept as read (packed)
    and unpacked when used; one that cannot be unpacked is analysed again."""

    def __init__(self, folder: Path | None, lang: str, offline: bool, synonyms: list[list[str]] | None) -> None:
        self.path = folder / f"{lang}.bin" if folder is not None else None
        self.version = _version(lang, offline, synonyms) if folder is not None else ""
        self.before: dict[str, Any] = {}
        self.now: dict[str, Any] = {}
        if self.path is not None and self.path.is_file():
            try:
                with self.path.open("rb") as f:
                    if marshal.load(f) == self.version:
                        for _ in range(marshal.load(f)):
                            key, value = marshal.load(f)
                            self.before[key] = value
            except (OSError, EOFError, ValueError, TypeError, IndexError):
                self.before = {}  # damaged or of another layout: analyse every page again

    @staticmethod
    def key(rel: str, html: bytes) -> str:
        return hashlib.sha256(rel.encode("utf-8") + b"\0" + html).hexdigest()

    def get(self, key: str) -> tuple[bool, PageEntry | None]:
        """(found, entry) of the page with ``key``."""
        if key not in self.before:
            return False, None
        try:
            return True, _entry(self.before[key])
        except (ValueError, TypeError, IndexError):
            del self.before[key]
            return False, None

    def keep(self, key: str, entry: PageEntry | None) -> None:
        """Keep ``entry`` for the next build (as read, when it was read)."""
        if self.path is not None:
            self.now[key] = self.before[key] if key in self.before else _plain(entry)

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp-{os.getpid()}")
        with tmp.open("wb") as f:  # one record per page, so that no copy of the whole is made
            marshal.dump(self.version, f)
            marshal.dump(len(self.now), f)
            for item in self.now.items():
                marshal.dump(item, f)
        tmp.replace(self.path)


# marshal, not pickle: the file holds only built-in types. Each page's many small values are
# packed into a few large ones (its keys joined by newlines, which no key holds, their counts
# as the bytes of an array of doubles): reading and writing them is four times faster than as
# dictionaries and sets of small strings, and the file is written one page at a time, so that
# no copy of every page's share is made at once.

_SEP = "\n"


def _joined(keys: Collection[str]) -> str | None:
    """``keys`` joined by :data:`_SEP`, or None if one holds it or is empty (then they are kept
    as they are)."""
    text = _SEP.join(keys)
    return None if "" in keys or text.count(_SEP) != max(len(keys) - 1, 0) else text


def _plain(entry: PageEntry | None) -> tuple[Any, ...] | None:
    if entry is None:
        return None
    m = entry.meta
    meta = (m.url, m.title, m.snippet, m.kind)
    fields: Any = []
    for name, bucket in entry.fields.items():
        keys = _joined(bucket)
        if keys is None:
            fields = entry.fields
            break
        fields.append((name, keys, array("d", bucket.values()).tobytes()))
    exact = _joined(entry.exact)
    pairs = _joined(entry.pairs)
    return (
        meta,
        entry.kind_keys,
        entry.texts,
        fields if isinstance(fields, dict) else tuple(fields),
        entry.lengths,
        list(entry.exact) if exact is None else exact,
        list(entry.pairs) if pairs is None else pairs,
    )


def _list(value: str) -> list[str]:
    return value.split(_SEP) if value else []


def _set(value: str | list[str]) -> set[str]:
    return set(value if isinstance(value, list) else _list(value))


def _entry(value: Any) -> PageEntry | None:
    if value is None:
        return None
    meta, kind_keys, texts, packed, lengths, exact, pairs = value
    if isinstance(packed, dict):
        fields = packed
    else:
        # Interned: the index keeps every page's keys until it is finished, and they repeat.
        fields = {
            name: dict(zip(map(sys.intern, _list(keys)), array("d", counts), strict=True))
            for name, keys, counts in packed
        }
    return PageEntry(PageMeta(*meta), kind_keys, texts, fields, lengths, _set(exact), _set(pairs))
