"""The index an incremental build starts from: the last build's finished index of a language
(postings, levels, each key's serialised fragment, the gzipped sizes of its files), patched
with the pages whose HTML changed, instead of being put together again from every page.

:func:`patch` takes out the changed pages' old postings and puts in their new ones; the mean
title and body lengths move, so the levels of the other pages are computed again, but only on
the pages whose margin (:mod:`.levels`) the move uses up; then only the fragments of the keys
whose postings changed are serialised again. Everything else (shard and chunk counts, files)
follows from these by the rules of :mod:`.files`, measured with the remembered gzipped sizes,
so the files are the ones a cold build writes. A page added, deleted or no longer searched
renumbers the pages after it: then (or when many pages changed) the index is built anew.

Kept in ``.phobien-cache/search/<lang>.index`` (``marshal``, under the version of
:mod:`.cache`), beside the pages' analyses (``<lang>.bin``), which it needs for old postings.
"""

from __future__ import annotations

import marshal
import os
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phobien.search.files import Fragments, Later, fragments_of, pages_fragment, text_file, word_fragment
from phobien.search.index import LanguageIndex, PageEntry, PageMeta
from phobien.search.levels import SAFETY, averages_of, moved, page_levels, references

MAX_SHARE = 4
"""More than 1/MAX_SHARE of the pages changed: building anew is as quick."""
Levelled = tuple[int, int, float, float, float]


@dataclass
class Kept:
    """The last build's finished index of one language."""

    rels: list[str]
    """Every HTML file looked at, in order, …"""
    keys: list[str]
    """… the key of its analysis (:meth:`~phobien.search.cache.PageCache.key`) …"""
    searched: bytes
    """… and 1 when it is searched (its page number is its place among those)."""
    levelled: list[Levelled]
    """Per page: :attr:`LanguageIndex.levelled`."""
    metas: list[tuple[Any, ...]]
    """Per page: its :class:`PageMeta` fields and the keys of its kind's name (or None)."""
    words: dict[str, Any]
    """Key → (pages, levels) as bytes, or as arrays once :meth:`postings` took them."""
    exact: dict[str, Any]
    pairs: dict[str, Any]
    fragments: Fragments
    gzip: dict[bytes, int]
    manifest: str = ""
    """The SHA-256 of the manifest it wrote (the files' record must be of the same build)."""
    files: list[tuple[int, int, int]] = field(default_factory=list)
    """Size, time and inode of each HTML file when its key was taken."""
    touched: dict[str, set[str]] = field(default_factory=lambda: {"w": set(), "e": set(), "p": set()})

    def postings(self, space: str, key: str, add: bool = False) -> tuple[array[int], bytearray | None]:
        """The (pages, levels) of a key as arrays that can be changed (made when ``add``)."""
        table = {"w": self.words, "e": self.exact, "p": self.pairs}[space]
        self.touched[space].add(key)
        value = table.get(key)
        if isinstance(value, tuple) and isinstance(value[0], array):
            return value
        docs: array[int] = array("I")
        levels: bytearray | None = bytearray() if space == "w" else None
        if value is None:
            assert add, key
        elif space == "w":
            docs.frombytes(value[0])
            levels = bytearray(value[1])
        else:
            docs.frombytes(value)
        table[key] = (docs, levels)
        return docs, levels


def kept_of(
    index: LanguageIndex, rels: list[str], keys: list[str], searched: bytes, kinds: list[Any], fragments: Fragments
) -> Kept:
    """What a cold build leaves for the next one (``kinds``: the kind keys of each page)."""
    return Kept(
        rels,
        keys,
        searched,
        index.levelled,
        [(p.url, p.title, p.snippet, p.kind, kind) for p, kind in zip(index.pages, kinds, strict=True)],
        {k: (d.tobytes(), bytes(c)) for k, (d, c) in index.words.items()},
        {k: d.tobytes() for k, d in index.exact.items()},
        {k: d.tobytes() for k, d in index.pairs.items()},
        fragments,
        {},
    )


def _packed(value: Any) -> Any:
    if isinstance(value, tuple) and isinstance(value[0], array):
        return (value[0].tobytes(), bytes(value[1])) if value[1] is not None else value[0].tobytes()
    return value


def save(path: Path, version: str, kept: Kept) -> None:
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("wb") as f:
        marshal.dump(version, f)
        for value in (kept.rels, kept.keys, kept.files, kept.searched, kept.levelled, kept.metas, kept.gzip):
            marshal.dump(value, f)
        marshal.dump(kept.manifest, f)
        for table in (kept.words, kept.exact, kept.pairs):
            marshal.dump({k: _packed(v) for k, v in table.items()}, f)
        marshal.dump({space: _joined(fragments) for space, fragments in kept.fragments.items()}, f)
    tmp.replace(path)


def _joined(fragments: dict[str, tuple[int, str]]) -> Any:
    """A space's fragments as three values (reading them is ten times faster than the dict): its
    keys and fragments joined by newlines (JSON text has none; a key with one keeps the dict)."""
    keys = "\n".join(fragments)
    if keys.count("\n") != max(len(fragments) - 1, 0) or "" in fragments:
        return fragments
    hashes = array("I", [h for h, _ in fragments.values()]).tobytes()
    return keys, hashes, "\n".join([text for _, text in fragments.values()])


def _split(value: Any) -> dict[str, tuple[int, str]]:
    if isinstance(value, dict):
        return value
    keys, hashes, texts = value
    if not keys:
        return {}
    numbers: array[int] = array("I")
    numbers.frombytes(hashes)
    return dict(zip(keys.split("\n"), zip(numbers, texts.split("\n"), strict=True), strict=True))


def load(path: Path, version: str) -> Kept | None:
    try:
        with path.open("rb") as f:
            if marshal.load(f) != version:
                return None
            rels, keys, files, searched, levelled, metas, gzip = (marshal.load(f) for _ in range(7))
            manifest = marshal.load(f)
            words, exact, pairs, fragments = (marshal.load(f) for _ in range(4))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    spaces = {space: _split(value) for space, value in fragments.items()}
    if len(files) != len(rels):
        return None
    return Kept(rels, keys, searched, levelled, metas, words, exact, pairs, spaces, gzip, manifest, files)


@dataclass
class Patched:
    index: LanguageIndex
    """Pages, kinds and the texts of the changed pages (None for the others)."""
    same: dict[str, Later]
    """The text files of the pages that did not change."""


def _replace(kept: Kept, doc: int, old: PageEntry, new: PageEntry, codes: dict[str, int]) -> None:
    """Change the postings of page ``doc`` from ``old``'s to ``new``'s (levels ``codes``),
    touching only the keys whose postings change."""
    before = {key for bucket in old.fields.values() for key in bucket}
    for key in before - codes.keys():
        docs, levels = kept.postings("w", key)
        at = bisect_left(docs, doc)
        del docs[at]
        del levels[at]  # type: ignore[union-attr]
    _relevel(kept, doc, {key: code for key, code in codes.items() if key in before})
    for key, code in codes.items():
        if key not in before:
            docs, levels = kept.postings("w", key, add=True)
            at = bisect_left(docs, doc)
            docs.insert(at, doc)
            levels.insert(at, code)  # type: ignore[union-attr]
    for space, was, now in (("e", old.exact, new.exact), ("p", old.pairs, new.pairs)):
        for key in was - now:
            docs, _ = kept.postings(space, key)
            del docs[bisect_left(docs, doc)]
        for key in now - was:
            docs, _ = kept.postings(space, key, add=True)
            docs.insert(bisect_left(docs, doc), doc)


def _relevel(kept: Kept, doc: int, codes: dict[str, int]) -> None:
    """Set the levels of an unchanged page computed again."""
    words = kept.words
    for key, code in codes.items():
        value = words[key]
        docs = value[0] if isinstance(value[0], array) else memoryview(value[0]).cast("I")
        at = bisect_left(docs, doc)
        if value[1][at] != code:
            kept.postings("w", key)[1][at] = code  # type: ignore[index]


def _fields(entry: PageEntry) -> list[tuple[str, tuple[str, ...], array[float]]]:
    return [(name, tuple(bucket), array("d", bucket.values())) for name, bucket in entry.fields.items()]


def _levels(kept: Kept, doc: int, entry: PageEntry, averages: dict[str, float]) -> dict[str, int]:
    codes, margin = page_levels(entry.lengths, _fields(entry), averages)
    lengths = entry.lengths
    kept.levelled[doc] = (lengths.get("title", 0), lengths.get("body", 0), *references(lengths, averages), margin)
    return codes


def _refragment(kept: Kept, pages: int) -> None:
    """Serialise again the keys whose postings changed (and drop those no page has now)."""
    for space, keys in kept.touched.items():
        table = {"w": kept.words, "e": kept.exact, "p": kept.pairs}[space]
        fragments = kept.fragments[space]
        for key in keys:
            docs, levels = table[key]
            if not docs:
                del table[key]
                fragments.pop(key, None)
            elif space == "w":
                fragments[key] = word_fragment(key, docs, levels, pages)
            else:
                fragments[key] = pages_fragment(key, docs, pages)
        keys.clear()


class Pages:
    """What :func:`patch` reads of the pages: their analyses, this build's and the cache's."""

    def __init__(self, cache: Any, fresh: dict[str, PageEntry | None]) -> None:
        self.cache = cache
        self.fresh = fresh

    def entry(self, key: str) -> tuple[bool, PageEntry | None]:
        if key in self.fresh:
            return True, self.fresh[key]
        return self.cache.get(key)  # type: ignore[no-any-return]

    def texts(self, key: str) -> list[str]:
        """The texts of a page, without unpacking the rest of its entry."""
        if key in self.fresh:
            entry = self.fresh[key]
            assert entry is not None
            return entry.texts
        return self.cache.packed(key)[2]  # type: ignore[no-any-return]


def _changes(kept: Kept, keys: list[str], pages: Pages) -> tuple[dict[int, PageEntry], dict[int, PageEntry]] | None:
    """The old and new analyses of the searched pages that changed, by page number; None when
    a page is searched now and was not, or the other way round (the pages are numbered anew)."""
    docs = {i: doc for doc, i in enumerate(i for i, s in enumerate(kept.searched) if s)}
    olds, news = {}, {}
    for i, key in enumerate(keys):
        if key == kept.keys[i]:
            continue
        (was_found, old), (found, new) = pages.entry(kept.keys[i]), pages.entry(key)
        if not (was_found and found) or (old is None) == bool(kept.searched[i]) or (old is None) != (new is None):
            return None
        if old is not None and new is not None:
            olds[docs[i]], news[docs[i]] = old, new
    return olds, news


def patch(kept: Kept, rels: list[str], keys: list[str], pages: Pages, lang: str, memo: Any) -> Patched | None:
    """Patch ``kept`` into the index of the pages ``rels`` with analyses ``keys``, or None when
    it should be built anew (``memo``: the record of the files the last build wrote)."""
    searched = [i for i, s in enumerate(kept.searched) if s]
    if rels != kept.rels or sum(a != b for a, b in zip(keys, kept.keys, strict=True)) * MAX_SHARE > len(searched):
        return None
    changes = _changes(kept, keys, pages)
    if changes is None or not searched:
        return None
    olds, news = changes
    levelled = kept.levelled
    for doc, new in news.items():
        levelled[doc] = (new.lengths.get("title", 0), new.lengths.get("body", 0), *levelled[doc][2:])
        m = new.meta
        kept.metas[doc] = (m.url, m.title, m.snippet, m.kind, new.kind_keys)
    averages = averages_of(sum(p[0] for p in levelled), sum(p[1] for p in levelled), len(levelled))
    for doc, new in news.items():
        _replace(kept, doc, olds[doc], new, _levels(kept, doc, new, averages))
    for doc, (title, body, *was, margin) in enumerate(levelled):
        now = references({"title": title, "body": body}, averages)
        if doc not in news and margin <= moved((was[0], was[1]), now) + SAFETY:
            found, entry = pages.entry(keys[searched[doc]])
            if not found or entry is None:
                return None
            _relevel(kept, doc, _levels(kept, doc, entry, averages))
    _refragment(kept, len(searched))
    kept.keys = keys
    return _patched(kept, keys, searched, news, pages, lang, memo)


def _patched(
    kept: Kept, keys: list[str], searched: list[int], news: dict[int, PageEntry], pages: Pages, lang: str, memo: Any
) -> Patched:
    from phobien.core.memo import MISSING
    from phobien.search.extract import excerpt_blocks

    index = LanguageIndex(lang=lang)
    same: dict[str, Later] = {}
    for doc, i in enumerate(searched):
        *fields, kind_keys = kept.metas[doc]
        meta = PageMeta(*fields)
        index.pages.append(meta)
        if kind_keys is not None and meta.kind not in index.kind_names:
            index.kind_names[meta.kind] = tuple(kind_keys)
        if doc in news:
            index.texts.append(excerpt_blocks(news[doc].texts))
            continue
        index.texts.append(None)  # type: ignore[arg-type]
        name = f"t{doc:x}"
        was = memo.get(name) if memo is not None else MISSING
        make = lambda doc=doc, key=keys[i]: text_file(doc, excerpt_blocks(pages.texts(key)))  # noqa: E731
        same[name] = (was[0], make) if was is not MISSING else (_sha(make()), make)
    return Patched(index, same)


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


__all__ = ["Kept", "Pages", "Patched", "fragments_of", "kept_of", "load", "patch", "save"]
