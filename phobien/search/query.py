"""What ``search.js`` does with a query, in Python: the reference for tests and the benchmark.

A query is parsed into *terms* (every one must be in a page) and *pairs* (phrase bigrams of
quoted text, which must be in the page too). Pages are ranked by the number of terms typed
with marks (or "đ") found with the same marks, then by a tf-idf score, then by page number.
"""

from __future__ import annotations

import base64
import bisect
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from phobien.search.files import CALLBACK
from phobien.search.shards import chunk_name, shard_name, shard_of
from phobien.search.tokens import cluster_bigrams, khmer_words, normalise, phrase_key, run_words, runs

QUOTES = re.compile('["“”„]')  # straight and typographic quotes
PAGE_SIZE = 10
"""Results shown at once (the metadata of these is fetched)."""


@dataclass(frozen=True)
class Term:
    key: str
    exact: str
    pairs: tuple[str, ...] = ()
    """For a Khmer word of two clusters or more: its cluster bigrams, which decide the match."""


@dataclass
class Query:
    terms: list[Term] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)


def parse(text: str) -> Query:
    query = Query()
    seen: set[tuple[str, str]] = set()
    for i, part in enumerate(QUOTES.split(normalise(text))):
        quoted = i % 2 == 1
        previous: str | None = None
        for run, khmer in runs(part):
            if khmer:
                previous = None
                if quoted:
                    query.pairs += cluster_bigrams(run)
                for word in khmer_words(run):
                    term = Term(word, word, tuple(cluster_bigrams(word)))
                    if (term.key, term.exact) not in seen:
                        seen.add((term.key, term.exact))
                        query.terms.append(term)
                continue
            found = run_words(run, False)
            if not found:
                previous = None
            for w in found:
                if (w.key, w.exact) not in seen:
                    seen.add((w.key, w.exact))
                    query.terms.append(Term(w.key, w.exact))
                if quoted and previous is not None:
                    query.pairs.append(phrase_key(previous, w.key))
                previous = w.key
    query.pairs = list(dict.fromkeys(query.pairs))
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
    return WordEntry(docs, [1] * len(docs) if raw[1] == 1 else [int(c) for c in raw[1]])


def parse_script(text: str) -> tuple[str, Any]:
    """Name and data of one index file (``__phobienSearch(name, data)``)."""
    assert text.startswith(CALLBACK + "(") and text.rstrip().endswith(")"), text[:60]
    body = text[len(CALLBACK) + 1 : text.rstrip().rfind(")")]
    name, data = json.loads(f"[{body}]")
    return name, data


class Searcher:
    """Runs queries against index files given by ``load(name) -> data``; records what it loads."""

    def __init__(self, load: Callable[[str], Any]) -> None:
        self._load = load
        self.loaded: list[str] = []
        self._cache: dict[str, Any] = {}
        self.manifest: dict[str, Any] = self.file("manifest")

    def file(self, name: str) -> Any:
        if name not in self._cache:
            self.loaded.append(name)
            self._cache[name] = self._load(name)
        return self._cache[name]

    def _name(self, space: str, key: str) -> str:
        return shard_name(space, shard_of(key, self.manifest[space]))

    def files_for(self, query: Query) -> list[str]:
        """The shards a query needs: its words, the exact forms it has, its pairs."""
        names = [self._name("w", t.key) for t in query.terms]
        names += [self._name("e", t.exact) for t in query.terms if t.exact != t.key]
        names += [self._name("p", p) for t in query.terms for p in t.pairs]
        names += [self._name("p", p) for p in query.pairs]
        return list(dict.fromkeys(names))

    def word(self, key: str) -> WordEntry | None:
        raw = self.file(self._name("w", key)).get(key)
        return decode_word(raw, self.manifest["pages"]) if raw is not None else None

    def pages(self, space: str, key: str) -> set[int]:
        raw = self.file(self._name(space, key)).get(key)
        return set(decode_positions(raw, self.manifest["pages"])) if raw is not None else set()

    def search(self, text: str) -> list[int]:
        """Page numbers matching ``text``, best first."""
        query = parse(text)
        if not query.terms:
            return []
        for name in self.files_for(query):
            self.file(name)
        total = self.manifest["pages"]
        candidates: set[int] | None = None
        scored: list[tuple[WordEntry | None, set[int], set[int], float]] = []
        for term in query.terms:
            entry = self.word(term.key)
            if term.pairs:  # Khmer: every cluster bigram of the word (no marks: no exact tier)
                docs = set.intersection(*(self.pages("p", p) for p in term.pairs))
                exact = set()
            else:
                docs = set(entry.docs) if entry else set()
                exact = self.pages("e", term.exact) if term.exact != term.key else set()
            scored.append((entry, docs, exact, math.log(1 + total / max(1, len(docs)))))
            candidates = docs if candidates is None else candidates & docs
        for p in query.pairs:
            candidates = (candidates or set()) & self.pages("p", p)
        if not candidates:
            return []

        def rank(doc: int) -> tuple[int, int, int]:
            exact_hits = sum(1 for _, _, exact, _ in scored if doc in exact)
            score = 0.0
            for entry, _, _, idf in scored:
                i = _index(entry.docs, doc) if entry else None
                if entry and i is not None:
                    score += idf * entry.levels[i]
            return (-exact_hits, -int(score * 1e6), doc)

        return sorted(candidates, key=rank)

    def results(self, text: str, shown: int = PAGE_SIZE) -> list[tuple[str, str]]:
        """(url, title) of the pages found, best first; loads the metadata of the first ``shown``."""
        chunk = self.manifest["chunk"]
        out = []
        for doc in self.search(text)[:shown]:
            row = self.file(chunk_name(doc // chunk))[doc % chunk]
            out.append((row[0], row[1]))
        return out


def _index(sorted_docs: list[int], doc: int) -> int | None:
    i = bisect.bisect_left(sorted_docs, doc)
    return i if i < len(sorted_docs) and sorted_docs[i] == doc else None
