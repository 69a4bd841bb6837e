"""Postings of one language, built from the text of its pages.

- ``words``: for each folded key (:mod:`phobien.search.tokens`), the pages that contain it and
  a :func:`level` of how much each is about it (title, then count). A Khmer dictionary word
  also counts for its cluster prefixes and suffixes: they rank Khmer results and match
  one-cluster query words (longer Khmer words match through ``pairs``);
- ``exact``: for each exact form that differs from its key (a form with marks or with "đ"),
  the pages that contain it, so that a query typed with marks ranks pages with the same
  marks first. Kept apart from ``words`` so that a query downloads the postings of the form
  it has, not of every form of the key (``đồng, động, dòng, đông, đóng…`` of ``dong``);
- ``pairs``: keys that must be present for a phrase or a Khmer word: the folded keys of two
  adjacent words in a block (``"tra tan"``) and the bigrams of Khmer clusters. A quoted
  phrase matches a page that has every word bigram of the phrase: an approximation (the
  bigrams are not checked to be in the same place), exact for two-word phrases.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from phobien.search.extract import PageText
from phobien.search.lang import STEMMED, stem
from phobien.search.rank import SYNONYM_WEIGHT, level, title_class, weighted_tf
from phobien.search.tokens import (
    MAX_WORD,
    PHRASE_SEPARATOR,
    cluster_bigrams,
    khmer_parts,
    normalise,
    plain_runs,
    run_words,
    runs,
    words,
)
from phobien.search.tokens import key as word_key

Synonyms = list[list[tuple[str, ...]]]
"""Groups of phrases that mean the same, each phrase as its keys (:func:`phrase_keys`)."""


def phrase_keys(text: str, lang: str) -> tuple[str, ...]:
    """The keys of a phrase of the synonym table, as the index sees them (folded, stemmed)."""
    return tuple(stem(lang, w.key) for w in words(text) if not w.khmer)


def synonym_groups(groups: list[list[str]], lang: str) -> Synonyms:
    out: Synonyms = []
    for group in groups:
        phrases = list(dict.fromkeys(k for k in (phrase_keys(p, lang) for p in group) if k))
        if len(phrases) > 1:
            out.append(phrases)
    return out


@lru_cache(maxsize=1 << 16)
def _khmer_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What one Khmer run adds: its cluster bigrams (``pairs``) and, for each of its dictionary
    words, the word and its cluster prefixes and suffixes (``words``; Khmer has no marks to
    fold, so no ``exact`` forms). Cached: runs repeat across pages."""
    keys: list[str] = []
    for word in run_words(run, True):
        keys += [word.key, *khmer_parts(word.key)]
    return cluster_bigrams(run), tuple(keys)


@dataclass(frozen=True)
class PageMeta:
    url: str
    title: str
    snippet: str
    kind: str = ""


MAX_JOINED = 14
"""Longest word written together from two syllables that is indexed (:meth:`LanguageIndex._joined`)."""

FIELD_OF_ROLE = {"1": "title", "n": "title", "h": "heading", "b": "body", "t": "body", "d": "body"}


@dataclass
class _Counts:
    fields: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    lengths: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Words in each field."""


@dataclass
class LanguageIndex:
    lang: str = ""
    synonyms: Synonyms = field(default_factory=list)
    pages: list[PageMeta] = field(default_factory=list)
    texts: list[list[str]] = field(default_factory=list)
    """The blocks of each page, for excerpts (the title left out)."""
    words: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    exact: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    pairs: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    _counts: list[_Counts] = field(default_factory=list)

    def _key(self, run: str) -> str:
        return stem(self.lang, word_key(run)) if self.lang in STEMMED else word_key(run)

    def _plain(self, doc: int, run_list: list[str]) -> list[str | None]:
        """Keys of the runs of a text without Khmer; records exact forms and phrase pairs."""
        keys: list[str | None] = []
        previous: str | None = None
        for run in run_list:
            if len(run) > MAX_WORD:
                keys.append(None)
                previous = None
                continue
            key = self._key(run)
            if run != key and word_key(run) != run:
                self.exact[run].add(doc)
            if previous is not None:
                self.pairs[previous + PHRASE_SEPARATOR + key].add(doc)
            keys.append(key)
            if previous is not None and run.isdigit() and previous.isdigit():
                keys.append(previous + run)  # "1800 1233" is found as "18001233" too
            previous = key
        return keys

    def _khmer(self, doc: int, text: str) -> list[str | None]:
        keys: list[str | None] = []
        for run, khmer in runs(text):
            if khmer:
                bigrams, keys_of_words = _khmer_run(run)
                for bigram in bigrams:
                    self.pairs[bigram].add(doc)
                keys.append(None)
                keys += keys_of_words
                keys.append(None)
                continue
            keys += self._plain(doc, [w.exact for w in run_words(run, False)] or [run])
        return keys

    def _text(self, doc: int, text: str, name: str, counts: _Counts) -> None:
        plain = plain_runs(normalise(text))
        keys = self._plain(doc, plain) if plain is not None else self._khmer(doc, text)
        bucket = counts.fields
        for key in keys:
            if key is not None:
                bucket[key][name] += 1
        counts.lengths[name] += sum(1 for k in keys if k is not None)
        if plain is not None:
            self._joined(plain, name, counts)
        if self.synonyms and plain is not None:
            self._synonyms(doc, keys, name, counts)

    def _joined(self, plain: list[str], name: str, counts: _Counts) -> None:
        """Two adjacent syllables also count as one word written together, as people type them on
        phones ("tamgiam", "Hanoi"): in Vietnamese, and elsewhere for syllables with Vietnamese
        marks (names of places and bodies), at :data:`~phobien.search.rank.SYNONYM_WEIGHT`."""
        for a, b in itertools.pairwise(plain):
            fa, fb = word_key(a), word_key(b)
            if not (fa.isascii() and fb.isascii() and fa.isalpha() and fb.isalpha()) or len(fa) + len(fb) > MAX_JOINED:
                continue
            if self.lang == "vi" or fa != a or fb != b:
                counts.fields[fa + fb][name] += SYNONYM_WEIGHT

    def _synonyms(self, doc: int, keys: list[str | None], name: str, counts: _Counts) -> None:
        """Where a phrase of a synonym group is in the text, the page also gets the other phrases
        of its group, at :data:`~phobien.search.rank.SYNONYM_WEIGHT`."""
        for group in self.synonyms:
            for phrase in group:
                n = len(phrase)
                if not any(tuple(keys[i : i + n]) == phrase for i in range(len(keys) - n + 1)):
                    continue
                for other in group:
                    if other == phrase:
                        continue
                    for key in other:
                        counts.fields[key][name] += SYNONYM_WEIGHT
                    for a, b in itertools.pairwise(other):
                        self.pairs[a + PHRASE_SEPARATOR + b].add(doc)

    def add(self, page: PageText) -> int:
        """Add one page; returns its number."""
        doc = len(self.pages)
        self.pages.append(PageMeta(page.url, page.title, page.snippet, page.kind))
        counts = _Counts()
        self._text(doc, page.title, "title", counts)
        if page.summary:
            self._text(doc, page.summary, "summary", counts)
        roles = page.roles or ["b"] * len(page.blocks)
        text: list[str] = []
        for i, (block, role) in enumerate(zip(page.blocks, roles, strict=False)):
            if i == 0 and block == page.title:
                continue
            if role != "1":
                self._text(doc, block, FIELD_OF_ROLE.get(role, "body"), counts)
                text.append(block)
        self.texts.append(text)
        self._counts.append(counts)
        return doc

    def finish(self) -> None:
        """Levels of every (word, page), once every page is in (the body lengths' mean is known)."""
        if not self._counts:
            return
        averages = {
            name: sum(c.lengths.get(name, 0) for c in self._counts) / len(self._counts) for name in ("title", "body")
        }
        for doc, counts in enumerate(self._counts):
            for key, fields in counts.fields.items():
                title = title_class("title" in fields, counts.lengths.get("title", 0))
                self.words[key][doc] = level(weighted_tf(fields, counts.lengths, averages), title)
        self._counts = []


def build_index(pages: list[PageText], lang: str = "", synonyms: list[list[str]] | None = None) -> LanguageIndex:
    """Index ``pages`` in the given order (the order is the page number used by the files)."""
    index = LanguageIndex(lang=lang, synonyms=synonym_groups(synonyms or [], lang))
    for page in pages:
        index.add(page)
    index.finish()
    return index
