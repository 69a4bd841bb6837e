"""What ``search.js`` does with a query, in Python: the reference for tests and the benchmark.

A query is parsed into *terms* (its words, each with its key as the index has it: folded, and
stemmed in English), the *phrases* it may match (each pair of adjacent words, except pairs of
two words without meaning) and the pairs it must match (quoted text). Every page with at least
one meaningful word of the query is a candidate; :mod:`phobien.search.rank` orders them. Pages
with less than half the coverage of the best are left out, and the words the first result lacks
are reported, so that a reader sees why it was chosen ("no dead ends").
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from phobien.search.files import CALLBACK
from phobien.search.lang import optional, stem
from phobien.search.rank import (
    COMMON,
    COVERAGE,
    FOLDED,
    IDF_CAP,
    KEEP,
    LEVEL_CHARS,
    NAMED_LONG,
    NAMED_MIN_WORDS,
    NAMED_SHARE,
    OPTIONAL,
    PHRASE,
    idf,
    in_short_title,
    in_title,
    kind_weight,
    strength,
    title_bonus,
)
from phobien.search.shards import chunk_name, shard_name, shard_of, title_name
from phobien.search.tokens import cluster_bigrams, khmer_words, normalise, phrase_key, run_words, runs
from phobien.search.tokens import key as word_key

QUOTES = re.compile('["“”„]')  # straight and typographic quotes
PAGE_SIZE = 10
"""Results shown at once (the metadata of these is fetched)."""
VISIBLE = 2
"""Results whose page text is fetched at once for the excerpts (``EXCERPTS`` in search.js); the
others' when the reader scrolls them into view."""


@dataclass(frozen=True)
class Term:
    key: str
    exact: str
    pairs: tuple[str, ...] = ()
    """For a Khmer word of two clusters or more: its cluster bigrams, which decide the match."""
    optional: bool = False
    """A word without meaning in a question: it never keeps a page out (:mod:`.lang`)."""

    @property
    def marked(self) -> bool:
        return not self.pairs and word_key(self.exact) != self.exact


@dataclass
class Query:
    terms: list[Term] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)
    """Phrase bigrams of quoted text: a page must have them."""
    phrases: list[tuple[int, int]] = field(default_factory=list)
    """Adjacent meaningful words (indices into ``terms``) that rank a page higher when adjacent
    there too."""


def _words(text: str, lang: str) -> list[tuple[str, str, tuple[str, ...], bool, int]]:
    """(key, exact, khmer pairs, quoted, group) of every word of the query, in order; words of
    one group are adjacent (a Khmer run or a quote boundary starts a new group)."""
    out: list[tuple[str, str, tuple[str, ...], bool, int]] = []
    group = 0
    for i, part in enumerate(QUOTES.split(normalise(text))):
        group += 1
        for run, khmer in runs(part):
            if khmer:
                group += 1
                out += [(w, w, tuple(cluster_bigrams(w)), i % 2 == 1, group) for w in khmer_words(run)]
                group += 1
                continue
            found = run_words(run, False)
            if not found:
                group += 1
            out += [(stem(lang, w.key), w.exact, (), i % 2 == 1, group) for w in found]
    return out


def parse(text: str, lang: str = "") -> Query:
    query = Query()
    found = _words(text, lang)
    folded = [key if not pairs else "" for key, _, pairs, _, _ in found]
    stops = optional(lang, [(w[0], w[1]) if w[2] else (word_key(w[1]), w[1]) for w in found])
    if all(stops):
        stops = [False] * len(found)
    index: dict[tuple[str, str], int] = {}
    positions: list[int] = []
    for (key, exact, pairs, _, _), stop in zip(found, stops, strict=True):
        if (key, exact) not in index:
            index[(key, exact)] = len(query.terms)
            query.terms.append(Term(key, exact, pairs, stop))
        elif not stop and query.terms[index[(key, exact)]].optional:
            term = query.terms[index[(key, exact)]]
            query.terms[index[(key, exact)]] = Term(term.key, term.exact, term.pairs, False)
        positions.append(index[(key, exact)])
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a[4] != b[4] or a[2] or b[2]:
            continue
        if a[3] and b[3]:
            query.pairs.append(phrase_key(folded[i - 1], folded[i]))
        if not (stops[i - 1] or stops[i]) and positions[i - 1] != positions[i]:
            query.phrases.append((positions[i - 1], positions[i]))
    for _, _, pairs, quoted, _ in found:
        if quoted and pairs:
            query.pairs += pairs
    query.pairs = list(dict.fromkeys(query.pairs))
    query.phrases = list(dict.fromkeys(query.phrases))
    return query


@dataclass
class WordEntry:
    docs: list[int]
    levels: list[int]


def decode_positions(raw: list[int] | str, size: int) -> list[int]:
    """Sorted numbers from their coding (see :func:`phobien.search.files._positions`)."""
    if isinstance(raw, str):
        bits = base64.b64decode(raw)
        return [i for i in range(size) if bits[i >> 3] >> (i & 7) & 1]
    complement = bool(raw) and raw[0] == -1
    out: list[int] = []
    last = 0
    for d in raw[1:] if complement else raw:
        last += d
        out.append(last)
    if complement:
        listed = set(out)
        return [i for i in range(size) if i not in listed]
    return out


def decode_word(raw: list[Any], pages: int) -> WordEntry:
    docs = decode_positions(raw[0], pages)
    if isinstance(raw[1], int):
        return WordEntry(docs, [raw[1]] * len(docs))
    return WordEntry(docs, [LEVEL_CHARS.index(c) for c in raw[1]])


def parse_script(text: str) -> tuple[str, Any]:
    """Name and data of one index file (``__phobienSearch(name, data)``)."""
    assert text.startswith(CALLBACK + "(") and text.rstrip().endswith(")"), text[:60]
    body = text[len(CALLBACK) + 1 : text.rstrip().rfind(")")]
    name, data = json.loads(f"[{body}]")
    return name, data


def kinds_of(manifest: dict[str, Any]) -> str:
    """The kind code of every page, from the manifest's runs."""
    return "".join(code * count for code, count in manifest.get("kinds", []))


@dataclass
class Found:
    """The pages found, best first, and, when no page has every meaningful word, the words the
    first of them lacks (shown above the results)."""

    docs: list[int]
    missing: list[str]


@dataclass
class _Scored:
    term: Term
    levels: dict[int, int]
    docs: set[int]
    exact: set[int]
    idf: float


class Searcher:
    """Runs queries against index files given by ``load(name) -> data``; records what it loads."""

    def __init__(self, load: Callable[[str], Any]) -> None:
        self._load = load
        self.loaded: list[str] = []
        self._cache: dict[str, Any] = {}
        self.manifest: dict[str, Any] = self.file("manifest")
        self.lang: str = self.manifest.get("lang", "")
        self.kinds = kinds_of(self.manifest)
        per = self.manifest.get("titles") or 0
        self.titles = [title_name(i) for i in range(math.ceil(self.manifest["pages"] / per) if per else 0)]
        for name in self.titles:
            self.file(name)  # as search.js does, with the manifest

    def file(self, name: str) -> Any:
        if name not in self._cache:
            self.loaded.append(name)
            self._cache[name] = self._load(name)
        return self._cache[name]

    def _name(self, space: str, key: str) -> str:
        return shard_name(space, shard_of(key, self.manifest[space]))

    def files_for(self, query: Query) -> list[str]:
        """The shards a query needs: its words, the exact forms it has, its pairs and phrases."""
        names = [self._name("w", t.key) for t in query.terms]
        names += [self._name("e", t.exact) for t in query.terms if t.marked]
        names += [self._name("p", p) for t in query.terms for p in t.pairs]
        names += [self._name("p", p) for p in query.pairs]
        names += [self._name("p", self._phrase(query, ab)) for ab in query.phrases]
        return list(dict.fromkeys(names))

    @staticmethod
    def _phrase(query: Query, ab: tuple[int, int]) -> str:
        return phrase_key(query.terms[ab[0]].key, query.terms[ab[1]].key)

    def word(self, key: str) -> WordEntry | None:
        raw = self.file(self._name("w", key)).get(key)
        return decode_word(raw, self.manifest["pages"]) if raw is not None else None

    def pages(self, space: str, key: str) -> set[int]:
        raw = self.file(self._name(space, key)).get(key)
        return set(decode_positions(raw, self.manifest["pages"])) if raw is not None else set()

    def _score_terms(self, query: Query) -> list[_Scored]:
        total = self.manifest["pages"]
        out = []
        for term in query.terms:
            entry = self.word(term.key)
            levels = dict(zip(entry.docs, entry.levels, strict=True)) if entry else {}
            # Khmer: every cluster bigram of the word decides (no marks: no exact tier)
            docs = set.intersection(*(self.pages("p", p) for p in term.pairs)) if term.pairs else set(levels)
            exact = self.pages("e", term.exact) if term.marked else set()
            out.append(_Scored(term, levels, docs, exact, idf(len(docs), total)))
        return out

    def find(self, text: str) -> Found:
        """The pages matching ``text``, best first (see :mod:`phobien.search.rank`)."""
        query = parse(text, self.lang)
        if not query.terms:
            return Found([], [])
        for name in self.files_for(query):
            self.file(name)
        scored = self._score_terms(query)
        required = [s for s in scored if not s.term.optional]
        candidates = set().union(*(s.docs for s in required))
        for p in query.pairs:
            candidates &= self.pages("p", p)
        total = self.manifest["pages"]
        phrases = []
        for a, b in query.phrases:
            docs = self.pages("p", self._phrase(query, (a, b)))
            phrases.append((a, b, docs, idf(len(docs), total)))
        total_idf = sum(min(s.idf, IDF_CAP) for s in required) or 1.0
        numbered = any(any(c.isdigit() for c in s.term.key) for s in required)
        asked = {s.term.key for s in required}
        wanted = "".join(c for c, keys in self.manifest.get("kindNames", {}).items() if keys and set(keys) <= asked)
        ranked = []
        for doc in candidates:
            rank, coverage = _rank(doc, scored, phrases, total_idf, numbered, self.kinds, wanted)
            ranked.append((rank, coverage, doc))
        if not ranked:
            return Found([], [])
        best = max(c for _, c, _ in ranked)
        ranked = sorted((r for r in ranked if r[1] >= KEEP * best), key=lambda r: (r[0], r[2]))
        first = ranked[0][2]
        docs = [d for _, _, d in ranked]
        if set.intersection(*(s.docs for s in required)) & candidates:  # a page has every word
            return Found(docs, [])
        return Found(docs, [s.term.exact for s in required if first not in s.docs])

    def search(self, text: str) -> list[int]:
        """Page numbers matching ``text``, best first."""
        return self.find(text).docs

    def texts(self, text: str, visible: int = VISIBLE) -> list[list[str]]:
        """The page texts the browser fetches for the excerpts of the results in view."""
        return [self.file(f"t{doc:x}") for doc in self.search(text)[:visible]]

    def results(self, text: str, shown: int = PAGE_SIZE) -> list[tuple[str, str]]:
        """(url, title) of the pages found, best first; loads the metadata of the first ``shown``."""
        chunk = self.manifest["chunk"]
        out = []
        for doc in self.search(text)[:shown]:
            row = self.file(chunk_name(doc // chunk))[doc % chunk]
            out.append((row[0], row[1]))
        return out


def _rank(
    doc: int,
    scored: list[_Scored],
    phrases: list[tuple[int, int, set[int], float]],
    total_idf: float,
    numbered: bool,
    kinds: str,
    wanted: str = "",
) -> tuple[tuple[int, int, int], float]:
    """Sort key of one page (named first, then fewest meaningful words typed with marks that it
    lacks with those marks, then score) and its coverage (:mod:`.rank`)."""
    strengths: list[float] = []
    score = covered = titled = short = 0.0
    count = folded = 0
    for s in scored:
        if doc not in s.docs:
            strengths.append(0.0)
            folded += 1 if s.term.marked and not s.term.optional else 0
            continue
        code = s.levels.get(doc, 1)
        strengths.append(strength(code))
        w = s.idf * (strength(code) + title_bonus(code))
        share = 1.0
        if s.term.marked and doc not in s.exact:
            w *= FOLDED
            share = 0.5
            folded += 0 if s.term.optional else 1
        if s.term.optional:
            w *= OPTIONAL
        else:
            covered += min(s.idf, IDF_CAP) * share
            count += 1
            titled += min(s.idf, IDF_CAP) if in_title(code) or code == COMMON else 0.0
            short += min(s.idf, IDF_CAP) if in_short_title(code) else 0.0
        score += w
    for a, b, docs, pair_idf in phrases:
        if doc in docs:
            score += PHRASE * pair_idf * (strengths[a] + strengths[b]) / 2
    coverage = covered / total_idf
    whole = NAMED_SHARE * total_idf
    named = titled >= whole and (numbered or count >= NAMED_LONG or (count >= NAMED_MIN_WORDS and short >= whole))
    power = 1.0
    for _ in range(COVERAGE):
        power *= coverage
    code = kinds[doc] if doc < len(kinds) else "z"
    value = score * power * (1.0 if named or code in wanted else kind_weight(code))
    return (0 if named else 1, folded, -int(value * 1e6)), coverage
