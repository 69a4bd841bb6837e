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

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from phobien.search.extract import PageText
from phobien.search.tokens import (
    MAX_WORD,
    PHRASE_SEPARATOR,
    cluster_bigrams,
    khmer_parts,
    normalise,
    phrase_key,
    plain_runs,
    run_words,
    runs,
)
from phobien.search.tokens import key as word_key

MAX_BODY_LEVEL = 5
TITLE_LEVEL = 4


def level(count: int, in_title: bool) -> int:
    """How much a page is about a word, 1 … 9: 1 + floor(log2(count)) in the text, at most
    :data:`MAX_BODY_LEVEL` (long lists do not win by repetition), plus :data:`TITLE_LEVEL`
    when the word is in the title."""
    return max(1, min(MAX_BODY_LEVEL, count.bit_length()) + (TITLE_LEVEL if in_title else 0))


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


@dataclass
class LanguageIndex:
    pages: list[PageMeta] = field(default_factory=list)
    words: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    exact: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    pairs: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, page: PageText) -> int:
        """Add one page; returns its number."""
        doc = len(self.pages)
        self.pages.append(PageMeta(page.url, page.title, page.snippet))
        counts: dict[str, int] = defaultdict(int)
        in_title: set[str] = set()
        for title, texts in ((True, [page.title]), (False, page.blocks)):
            for text in texts:
                previous: str | None = None
                plain = plain_runs(normalise(text))
                if plain is not None:  # the same as below for text without Khmer, faster
                    for run in plain:
                        if len(run) > MAX_WORD:
                            previous = None
                            continue
                        key = word_key(run)
                        if title:
                            in_title.add(key)
                        else:
                            counts[key] += 1
                        if run != key:
                            self.exact[run].add(doc)
                        if previous is not None:
                            self.pairs[previous + PHRASE_SEPARATOR + key].add(doc)
                        previous = key
                    continue
                for run, khmer in runs(text):
                    if khmer:
                        previous = None
                        bigrams, keys_of_words = _khmer_run(run)
                        for bigram in bigrams:
                            self.pairs[bigram].add(doc)
                        for key in keys_of_words:
                            if title:
                                in_title.add(key)
                            else:
                                counts[key] += 1
                        continue
                    found = run_words(run, khmer)
                    if not found:
                        previous = None
                    for word in found:
                        if title:
                            in_title.add(word.key)
                        else:
                            counts[word.key] += 1
                        if word.exact != word.key:
                            self.exact[word.exact].add(doc)
                        if previous is not None:
                            self.pairs[phrase_key(previous, word.key)].add(doc)
                        previous = word.key
        for key in counts.keys() | in_title:
            self.words[key][doc] = level(counts.get(key, 0), key in in_title)
        return doc


def build_index(pages: list[PageText]) -> LanguageIndex:
    """Index ``pages`` in the given order (the order is the page number used by the files)."""
    index = LanguageIndex()
    for page in pages:
        index.add(page)
    return index
