"""Pages analysed by earlier builds, so that an incremental build indexes only the pages whose
HTML changed (:mod:`phobien.publish.reuse`): one file per language,
``.phobien-cache/search/<lang>.bin``, mapping a digest of each page's address and HTML to
its :class:`~phobien.search.index.PageEntry` (or None: a page that is not searched).

The file is made and read only by phobien (Python's ``marshal``: built-in types only, nothing
that runs code when read), in the project's own cache folder, like the other caches there; an
entry is used only under the same digest of phobien's search code, the
language, its synonyms and the kind of copy, so a change of any of them starts again. Only the
entries of the pages of the last build are used (:class:`PageCache`: where each is kept)."""

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


_KEPT: Any = object()
"""In :attr:`PageCache.now`: the entry the last build wrote, where it is."""


class PageCache:
    """The analysed pages of one language: :meth:`get` those of earlier builds, :meth:`keep`
    this build's, :meth:`save` once the index is written. Entries are kept as read (packed)
    and unpacked when used; one that cannot be unpacked is analysed again.

    ``<lang>.bin`` holds one record per page, ``(key, entry)``; ``<lang>.keys`` where the record
    of each page of the last build is, so that a build reads only the entries it uses (an
    incremental build: those of the pages that changed) and appends the new ones; the file is
    written anew when most of it is entries no build uses any more. A record that is not of its
    key (a file left half written) is not used."""

    def __init__(self, folder: Path | None, lang: str, offline: bool, synonyms: list[list[str]] | None) -> None:
        self.path = folder / f"{lang}.bin" if folder is not None else None
        self.version = _version(lang, offline, synonyms) if folder is not None else ""
        self.before: dict[str, tuple[int, int]] = {}
        """Key → (offset, size) of its record in the file."""
        self.now: dict[str, Any] = {}
        self._end = 0
        self._file: Any = None
        if self.path is None or not self.path.is_file() or not self._keys.is_file():
            return
        try:
            with self._keys.open("rb") as f:
                if marshal.load(f) == self.version:
                    before, self._end = marshal.load(f), marshal.load(f)
                    if self.path.stat().st_size >= self._end:
                        self.before = before
        except (OSError, EOFError, ValueError, TypeError):
            self.before = {}  # damaged or of another layout: analyse every page again

    @property
    def _keys(self) -> Path:
        assert self.path is not None
        return self.path.with_suffix(".keys")

    @staticmethod
    def key(rel: str, html: bytes) -> str:
        return hashlib.sha256(rel.encode("utf-8") + b"\0" + html).hexdigest()

    def _record(self, key: str) -> bytes:
        if self._file is None:
            assert self.path is not None
            self._file = self.path.open("rb")
        offset, size = self.before[key]
        self._file.seek(offset)
        return self._file.read(size)  # type: ignore[no-any-return]

    def packed(self, key: str) -> Any:
        """The entry of ``key`` as kept (packed); raises ValueError when it cannot be read."""
        try:
            found, value = marshal.loads(self._record(key))
        except (OSError, EOFError, TypeError) as exc:
            raise ValueError(key) from exc
        if found != key:
            raise ValueError(key)
        return value

    def get(self, key: str) -> tuple[bool, PageEntry | None]:
        """(found, entry) of the page with ``key``."""
        if key not in self.before:
            return False, None
        try:
            return True, _entry(self.packed(key))
        except (ValueError, TypeError, IndexError):
            del self.before[key]
            return False, None

    def keep(self, key: str, entry: PageEntry | None) -> None:
        """Keep ``entry`` for the next build (where it is, when it was read)."""
        if self.path is not None:
            self.now[key] = _KEPT if key in self.before else _plain(entry)

    def save(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self.path is None:
            return
        new = [key for key, value in self.now.items() if value is not _KEPT]
        kept = {key: self.before[key] for key, value in self.now.items() if value is _KEPT}
        if not new and len(kept) == len(self.before):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not kept or self._end > 2 * sum(size for _, size in kept.values()):
            where, end = self._rewrite(kept, new)
        else:
            where, end = dict(kept), self._end
            with self.path.open("r+b") as f:  # after what the last build wrote (not after a half-written tail)
                f.seek(end)
                for key in new:
                    record = marshal.dumps((key, self.now[key]))
                    where[key] = (end, len(record))
                    f.write(record)
                    end += len(record)
                f.truncate()
        tmp = self._keys.with_name(f"{self._keys.name}.tmp-{os.getpid()}")
        with tmp.open("wb") as f:
            marshal.dump(self.version, f)
            marshal.dump(where, f)
            marshal.dump(end, f)
        tmp.replace(self._keys)

    def _rewrite(self, kept: dict[str, tuple[int, int]], new: list[str]) -> tuple[dict[str, tuple[int, int]], int]:
        """Write the file anew with only ``kept`` (copied as they are) and ``new`` records."""
        assert self.path is not None
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        where: dict[str, tuple[int, int]] = {}
        end = 0
        with tmp.open("wb") as f:  # one record at a time, so that no copy of the whole is made
            for key in kept:
                record = self._record(key)
                where[key] = (end, len(record))
                f.write(record)
                end += len(record)
            for key in new:
                record = marshal.dumps((key, self.now[key]))
                where[key] = (end, len(record))
                f.write(record)
                end += len(record)
        if self._file is not None:
            self._file.close()
            self._file = None
        tmp.replace(self.path)
        return where, end


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
