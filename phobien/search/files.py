"""The index of one language as small JavaScript files under ``<lang>/search/``.

Every file is one call ``window.__phobienSearch(name, data)``: a ``<script>`` element loads
it from http:// and from file:// alike (``fetch()`` is refused from file://), and a Content
Security Policy ``script-src 'self'`` allows it.

- ``manifest.js``: the build id, the number of pages, of shards of each kind, and the
  number of pages per metadata chunk;
- ``w<hex>.js``: word shards, ``{key: [pages, levels]}``; *levels* has one character per page
  (:func:`phobien.search.rank.level`, coded by ``LEVEL_CHARS``), or is one number when all
  pages have that level, or :data:`COMMON` when the key is in more than half of the pages (such
  words barely rank, and never keep a page from being named);
- ``e<hex>.js``: exact-form shards, ``{form: pages}`` for forms with marks or "đ";
- ``p<hex>.js``: pair shards (phrase and Khmer cluster bigrams), ``{key: pages}``;
- ``m<hex>.js``: page metadata, ``[[url, title, snippet], …]`` for pages ``i*chunk …``;
- ``h<hex>.js``: the titles, ``[shared, rest, title, …]`` (urls front-coded) for pages
  ``i*titles …``, when all of them together are small enough (:attr:`Sizes.titles_max`): the
  browser fetches them (at a low priority) when the first query of a visit fetches the
  manifest, so that results are shown as soon as the shards of the last word typed are in: one
  round trip after the last key instead of two (shards, then the metadata of the first
  results). Snippets still come from ``m<hex>.js``, once typing stops;
- ``t<hex>.js``: the text of page *hex* (its first blocks, at most
  :data:`~phobien.search.extract.TEXT_CHARS` characters), fetched when its result is shown, for
  the excerpt around the words found.

The manifest also has the kind of every page (``kinds``: runs ``[code, count]`` in page order,
codes of :data:`phobien.search.rank.KIND_CODES`), which ranking needs for every candidate.

*pages* is a set of page numbers in one of three codings, by density (:func:`_positions`): a
list of deltas, a base64 bitmap, or ``-1`` followed by the deltas of the pages *without* it.

The number of shards of each kind is a power of two chosen so that a shard is about the
gzipped size set in :class:`Sizes`, and so is the number of pages per chunk: a query downloads
a few shards and a few chunks, never the index.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import itertools
import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phobien.core.memo import MISSING, Memo
from phobien.search.extract import excerpt_blocks
from phobien.search.index import LanguageIndex
from phobien.search.lang import STEMMED, STOP_PHRASES, STOP_WORDS
from phobien.search.rank import COMMON, LEVEL_CHARS, TITLE_FLAG, constants, kind_code
from phobien.search.shards import chunk_name, fnv1a, front_coded, next_power_of_two, shard_name, title_name

CALLBACK = "__phobienSearch"
DENSE = 16
"""Pages listed as a bitmap when a key is in more than 1/DENSE of them …"""
ALMOST_ALL = 16
"""… and as the pages without it when it is in more than (ALMOST_ALL-1)/ALMOST_ALL of them."""
FORMAT = 2
COARSE_SHARE = 8
"""Keys in more than 1/8 of the pages (common syllables) send coarse levels: one strength, and
the title class. Their idf is low, so little ranking is lost, and gzip packs them 3x smaller …"""
COARSE_STEPS = 5
COARSE_MIN = 400
"""… when they are in more than this many pages (smaller postings cost little as they are)."""
COMMON_SHARE = (9, 10)
"""A key in more than this share of the pages is sent without levels (it barely ranks)."""


@dataclass(frozen=True)
class Sizes:
    """Target mean gzipped sizes (bytes). Smaller files mean fewer bytes per query and more files."""

    word_bytes: int = 500
    """Word and exact-form shards: every query fetches one or two per word."""
    pair_bytes: int = 700
    """Pair shards: only quoted phrases and Khmer words fetch them."""
    chunk_bytes: int = 450
    """Metadata chunks: one per result shown, at most."""
    max_chunk: int = 100
    title_bytes: int = 32_000
    """Titles files: all of them are fetched on the first query of a visit, a few in parallel."""
    titles_max: int = 100_000
    """Above this (all titles, gzipped: some 6,000 pages of Vietnamese titles), no titles files
    are written: the first query of a visit would cost more than its budget (150 KB), and each
    query fetches the metadata of its first results instead."""


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""``json.dumps`` with these options, without making a new encoder for every value."""


def _dumps(value: Any) -> str:
    text = _ENCODE(value)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")  # not allowed in older JavaScript


def script(name: str, data: Any) -> str:
    return f"{CALLBACK}({_dumps(name)},{_dumps(data)})\n"


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))


class GzipSizes:
    """:func:`gzip_size` of texts, remembered by a digest of the text between builds: the rules
    that choose the number of shards and chunks measure every file, most of which an edit
    leaves as they were."""

    def __init__(self, before: dict[bytes, int] | None = None) -> None:
        self.before = before or {}
        self.now: dict[bytes, int] = {}

    def __call__(self, text: str) -> int:
        data = text.encode("utf-8")
        key = hashlib.blake2b(data, digest_size=16).digest()
        size = self.now.get(key) or self.before.get(key)
        if size is None:
            size = len(gzip.compress(data, compresslevel=6, mtime=0))
        self.now[key] = size
        return size


def _deltas(values: Iterable[int]) -> list[int]:
    return [b - a for a, b in itertools.pairwise([0, *values])]


def _positions(which: Sequence[int], size: int) -> list[int] | str:
    """Sorted numbers in 0 … size-1, coded by density: deltas (few), a base64 bitmap (many), or
    ``-1`` and the deltas of the numbers *not* listed (almost all)."""
    if len(which) * DENSE <= size:
        return _deltas(which)
    if len(which) * ALMOST_ALL >= size * (ALMOST_ALL - 1):
        inside = set(which)
        return [-1, *_deltas(i for i in range(size) if i not in inside)]
    bits = bytearray((size + 7) // 8)
    for i in which:
        bits[i >> 3] |= 1 << (i & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def _coarse(code: int) -> int:
    """A level with its strength set to :data:`COARSE_STEPS` (its title class kept)."""
    return code // TITLE_FLAG * TITLE_FLAG + COARSE_STEPS


def word_entry(docs: Sequence[int], levels: Sequence[int], pages: int) -> list[Any]:
    """``[pages, levels]`` of one word key (see the module docstring), from the pages that have
    it, in increasing order, and its level in each."""
    if len(docs) * COMMON_SHARE[1] > pages * COMMON_SHARE[0] and pages > 8:
        return [_positions(docs, pages), COMMON]
    if len(docs) > COARSE_MIN and len(docs) * COARSE_SHARE > pages:
        levels = [_coarse(v) for v in levels]
    values = set(levels)
    if len(values) == 1:
        return [_positions(docs, pages), values.pop()]
    return [_positions(docs, pages), "".join([LEVEL_CHARS[code] for code in levels])]


Fragments = dict[str, dict[str, tuple[int, str]]]
"""Space → key → (:func:`~phobien.search.shards.fnv1a` of the key, serialised ``"key":entry``)."""


def word_fragment(key: str, docs: Sequence[int], levels: Sequence[int], pages: int) -> tuple[int, str]:
    return fnv1a(key), f"{_dumps(key)}:{_dumps(word_entry(docs, levels, pages))}"


def pages_fragment(key: str, docs: Sequence[int], pages: int) -> tuple[int, str]:
    return fnv1a(key), f"{_dumps(key)}:{_dumps(_positions(docs, pages))}"


def fragments_of(index: LanguageIndex) -> Fragments:
    """The fragments of every key of every space."""
    pages = len(index.pages)
    return {
        "w": {k: word_fragment(k, d, c, pages) for k, (d, c) in index.words.items()},
        "e": {k: pages_fragment(k, d, pages) for k, d in index.exact.items()},
        "p": {k: pages_fragment(k, d, pages) for k, d in index.pairs.items()},
    }


def _shard_files(space: str, hashed: list[tuple[int, str]], count: int) -> dict[str, str]:
    """The ``count`` shard files of a space from its (FNV-1a hash of the key, fragment) in the
    order of the keys; the shard of a key is :func:`~phobien.search.shards.shard_of`."""
    assert count > 0 and count & (count - 1) == 0, count
    groups: dict[int, list[str]] = defaultdict(list)
    last = count - 1
    for h, fragment in hashed:
        groups[h & last].append(fragment)
    files = {}
    for number in range(count):
        name = shard_name(space, number)
        files[name] = f"{CALLBACK}({_dumps(name)},{{{','.join(groups.get(number, []))}}})\n"
    return files


def choose_shards(
    space: str, fragments: dict[str, str] | dict[str, tuple[int, str]], target: int, measure: Any = gzip_size
) -> dict[str, str]:
    """The shard files of one space, with the fewest shards whose mean gzipped size ≤ ``target``
    (``fragments``: key → fragment, or key → (its hash, fragment); ``measure``: :func:`gzip_size`
    or a :class:`GzipSizes`)."""
    if not fragments:
        return _shard_files(space, [], 1)
    hashed = [(v[0], v[1]) if isinstance(v, tuple) else (fnv1a(k), v) for k, v in sorted(fragments.items())]
    whole = measure("{" + ",".join(fragment for _, fragment in hashed) + "}")
    count = next_power_of_two(max(1.0, whole / target))
    while True:
        files = _shard_files(space, hashed, count)
        mean = sum(map(measure, files.values())) / count
        if mean <= target * 1.15 or count >= len(fragments):
            return files
        count *= 2


def _chunk_files(rows: list[str], size: int) -> dict[str, str]:
    """The chunks of ``size`` pages, from each page's serialised row: :func:`script` of the rows."""
    count = math.ceil(len(rows) / size)
    return {
        chunk_name(i): f"{CALLBACK}({_dumps(chunk_name(i))},[{','.join(rows[i * size : (i + 1) * size])}])\n"
        for i in range(count)
    }


def choose_chunks(index: LanguageIndex, sizes: Sizes, measure: Any = gzip_size) -> tuple[int, dict[str, str]]:
    """The largest chunk size (pages per chunk) whose mean gzipped chunk ≤ ``sizes.chunk_bytes``."""
    rows = [_dumps([p.url, p.title, p.snippet]) for p in index.pages]
    for size in (100, 64, 48, 32, 24, 16, 12, 8, 6, 4, 3, 2, 1):
        if size > sizes.max_chunk:
            continue
        files = _chunk_files(rows, size)
        if not files or sum(map(measure, files.values())) / len(files) <= sizes.chunk_bytes:
            return size, files
    return 1, _chunk_files(rows, 1)


def choose_titles(index: LanguageIndex, sizes: Sizes, measure: Any = gzip_size) -> tuple[int, dict[str, str]]:
    """Pages per titles file and the files (``h<hex>``, :func:`~phobien.search.shards.front_coded`),
    or ``(0, {})`` when all the titles together are over :attr:`Sizes.titles_max`."""
    rows = [(p.url, p.title) for p in index.pages]
    whole = measure(_dumps(front_coded(rows)))
    if not rows or whole > sizes.titles_max:
        return 0, {}
    size = math.ceil(len(rows) / max(1, round(whole / sizes.title_bytes)))
    return size, {
        title_name(i): script(title_name(i), front_coded(rows[i * size : (i + 1) * size]))
        for i in range(math.ceil(len(rows) / size))
    }


def text_file(doc: int, blocks: list[str]) -> str:
    """The file of a page's text (``blocks``: what :meth:`LanguageIndex.add_entry` keeps)."""
    return script(f"t{doc:x}", excerpt_blocks(blocks))


def _text_files(index: LanguageIndex) -> dict[str, str]:
    return {f"t{doc:x}": text_file(doc, blocks) for doc, blocks in enumerate(index.texts) if blocks is not None}


def kind_runs(index: LanguageIndex) -> list[list[Any]]:
    runs: list[list[Any]] = []
    for page in index.pages:
        code = kind_code(page.kind)
        if runs and runs[-1][0] == code:
            runs[-1][1] += 1
        else:
            runs.append([code, 1])
    return runs


Later = tuple[str, Callable[[], str]]
"""A file an incremental build knows to be the one the last build wrote: the SHA-256 of its
text, and how to make the text if that file cannot be linked (:func:`write_files`)."""


@dataclass
class IndexFiles:
    files: dict[str, str | Later]
    """File stem → text (without the manifest), or :data:`Later`."""
    manifest: dict[str, Any]

    def all(self) -> dict[str, str | Later]:
        return {"manifest": script("manifest", self.manifest), **self.files}


def _digest(text: str | Later) -> str:
    return text[0] if isinstance(text, tuple) else hashlib.sha256(text.encode("utf-8")).hexdigest()


def index_files(
    index: LanguageIndex,
    lang: str,
    sizes: Sizes | None = None,
    fragments: Fragments | None = None,
    measure: Any = gzip_size,
    same: dict[str, Later] | None = None,
) -> IndexFiles:
    """The files of ``index``. An incremental build gives the ``fragments`` it patched, a
    :class:`GzipSizes` to ``measure`` with and the text files of the pages it did not change
    (``same``: ``index.texts`` has None for them)."""
    sizes = sizes or Sizes()
    files: dict[str, str | Later] = {}
    counts: dict[str, int] = {}
    for space, kept in (fragments or fragments_of(index)).items():
        shards = choose_shards(space, kept, sizes.pair_bytes if space == "p" else sizes.word_bytes, measure)
        counts[space] = len(shards)
        files.update(shards)
    chunk, chunks = choose_chunks(index, sizes, measure)
    files.update(chunks)
    titles, heads = choose_titles(index, sizes, measure)
    files.update(heads)
    files.update(same or {})
    files.update(_text_files(index))
    digest = hashlib.sha256()  # of each file's digest: the same whether it was made or kept
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + _digest(files[name]).encode() + b"\0")
    manifest = {"v": FORMAT, "id": digest.hexdigest()[:10], "lang": lang, "pages": len(index.pages), **counts}
    manifest["chunk"] = chunk
    manifest["titles"] = titles
    manifest["kinds"] = kind_runs(index)
    manifest["kindNames"] = {kind_code(k): list(keys) for k, keys in sorted(index.kind_names.items())}
    manifest["rank"] = constants()
    manifest["stem"] = STEMMED.get(lang, "")
    manifest["stop"] = sorted(STOP_WORDS.get(lang, ()))
    manifest["stopPhrases"] = [list(p) for p in STOP_PHRASES.get(lang, ())]
    return IndexFiles(files, manifest)


def write_files(folder: Path, built: IndexFiles, previous: Path | None = None, kept: Memo | None = None) -> None:
    """Write the files into ``folder``. With ``kept`` (what the last build wrote: name → digest,
    size, time and inode of its file), a file whose text is the same as the one the last build
    left in ``previous``, still as it left it, is hard-linked from there instead of written
    (an incremental build changes a few of some 14,000 files per language at 5,000 pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    into = os.fspath(folder)  # plain strings: some 14,000 files per language
    before = os.fspath(previous) if previous is not None else None
    for name, text in built.all().items():
        target = f"{into}/{name}.js"
        if kept is None:
            Path(target).write_bytes((text if isinstance(text, str) else text[1]()).encode("utf-8"))
            continue
        digest = _digest(text)
        was = kept.get(name)
        if before is not None and was is not MISSING and was[0] == digest and _left(f"{before}/{name}.js", was):
            try:
                os.link(f"{before}/{name}.js", target)
                continue
            except OSError:
                pass  # another disk, or no hard links: write it
        data = (text if isinstance(text, str) else text[1]()).encode("utf-8")
        with open(target, "wb") as f:
            f.write(data)
        st = os.stat(target)
        kept.put(name, (digest, st.st_size, st.st_mtime_ns, st.st_ino))


def _left(path: str, was: tuple[str, int, int, int]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns, st.st_ino) == tuple(was[1:])
