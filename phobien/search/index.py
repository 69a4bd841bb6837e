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
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from phobien.search.extract import PageText, excerpt_blocks
from phobien.search.lang import STEMMED, stem
from phobien.search.levels import averages_of, page_levels, references
from phobien.search.rank import SYNONYM_WEIGHT
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


def synonym_marks(groups: list[list[str]], lang: str) -> dict[tuple[str, ...], frozenset[str]]:
    """The words written with marks of each phrase of the synonym table, by the phrase's keys: a
    page that gets a phrase from its synonym has its words with the marks the table gives them
    ("luật sư" from "trợ giúp pháp lý"), so words typed with those marks find it in the first tier."""
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for phrase in (p for group in groups for p in group):
        keys = phrase_keys(phrase, lang)
        runs = plain_runs(normalise(phrase)) or []
        out[keys] = out.get(keys, frozenset()) | {run for run in runs if word_key(run) != run}
    return out


def language_index(lang: str, groups: list[list[str]] | None) -> LanguageIndex:
    """An empty index of ``lang`` with the synonym table's ``groups`` of that language."""
    groups = groups or []
    return LanguageIndex(lang=lang, synonyms=synonym_groups(groups, lang), marks=synonym_marks(groups, lang))


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

FIELD_OF_ROLE = {"1": "title", "n": "title", "h": "heading", "b": "body", "t": "body", "d": "body", "o": "listed"}


@dataclass
class _Counts:
    fields: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    """Field → key → count."""
    lengths: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Words in each field."""
    exact: set[str] = field(default_factory=set)
    """Exact forms in the page (:attr:`LanguageIndex.exact`)."""
    pairs: set[str] = field(default_factory=set)
    """Pair keys in the page (:attr:`LanguageIndex.pairs`)."""


@dataclass(slots=True)
class PageEntry:
    """One page's share of the index (:meth:`LanguageIndex.analyse`): plain data, picklable."""

    meta: PageMeta
    kind_keys: tuple[str, ...] | None
    """The keys of the name of the page's kind, when the page names it."""
    texts: list[str]
    fields: dict[str, dict[str, float]]
    lengths: dict[str, int]
    exact: set[str]
    pairs: set[str]


@dataclass(frozen=True, slots=True, eq=False)
class _Run:
    """One distinct run of a language, as :meth:`LanguageIndex._plain` uses it."""

    key: str
    key_digits: bool
    digits: bool
    """The run is digits (its key then too)."""
    marked: bool
    """Written with marks or "đ" (its folded form differs)."""
    joinable: str
    """The folded form when it is ASCII letters (it may be one syllable of a word written
    together), else empty."""
    size: int
    """Its length."""


@dataclass(slots=True)
class _Analysis:
    """What one block of text adds to a page (:meth:`LanguageIndex._analyse`)."""

    keys: tuple[str, ...] = ()
    """Each key found, once per occurrence, in order: each counts 1."""
    weak: tuple[str, ...] = ()
    """Keys of words written together and of synonyms: each counts SYNONYM_WEIGHT."""
    exact: set[str] = field(default_factory=set)
    pairs: set[str] = field(default_factory=set)


def _postings() -> tuple[array[int], bytearray]:
    return array("I"), bytearray()


@dataclass
class LanguageIndex:
    """The postings are kept as arrays, page numbers in increasing order (pages are added in
    order): a tenth of the memory of dictionaries and sets of numbers, at 5,000 pages."""

    lang: str = ""
    synonyms: Synonyms = field(default_factory=list)
    marks: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    """The marked words of each synonym phrase (:func:`synonym_marks`)."""
    pages: list[PageMeta] = field(default_factory=list)
    texts: list[list[str]] = field(default_factory=list)
    """The first blocks of each page, for excerpts (the title left out; :func:`.extract.excerpt_blocks`)."""
    words: dict[str, tuple[array[int], bytearray]] = field(default_factory=lambda: defaultdict(_postings))
    """Key → (the pages that have it, the :func:`level` of the key in each)."""
    exact: dict[str, array[int]] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    pairs: dict[str, array[int]] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    kind_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The keys of the name of each kind of page ("ke", "hoach" for plans)."""
    levelled: list[tuple[int, int, float, float, float]] = field(default_factory=list)
    """Per page, once finished: its title and body lengths, the title and body factors its levels
    were computed with and its margin (:mod:`.levels`; an incremental build starts from them)."""
    _counts: list[tuple[dict[str, int], list[tuple[str, tuple[str, ...], array[float]]]]] = field(default_factory=list)
    """Per page until :meth:`finish`: words in each field, and each field's keys and counts."""
    _runs: dict[str, _Run | None] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _analyses: dict[str, _Analysis] = field(default_factory=dict)

    def _learn(self, run: str) -> _Run | None:
        """What :meth:`_plain` needs of one run, worked out once per distinct run (None when the
        run is too long to index)."""
        if len(run) > MAX_WORD:
            return None
        folded = word_key(run)
        key = stem(self.lang, folded) if self.lang in STEMMED else folded
        joinable = folded if folded.isascii() and folded.isalpha() else ""
        self._runs[run] = found = _Run(key, key.isdigit(), run.isdigit(), folded != run, joinable, len(joinable))
        return found

    def _plain(self, run_list: list[str], out: _Analysis, joined: list[str]) -> list[str | None]:
        """Keys of the runs of a text without Khmer (None for a run too long to index, which
        also ends phrases); adds to ``out`` its exact forms and phrase pairs and to ``joined`` the
        two-syllable words written together (:meth:`_text`)."""
        known, learn = self._runs, self._learn
        infos = [known.get(run) or learn(run) for run in run_list]
        if None not in infos:
            return self._segment(run_list, infos, out, joined)
        keys: list[str | None] = []
        start = 0
        for end in [i for i, info in enumerate(infos) if info is None] + [len(infos)]:
            if start < end:
                keys += self._segment(run_list[start:end], infos[start:end], out, joined)  # type: ignore[arg-type]
            if end < len(infos):
                keys.append(None)
            start = end + 1
        return keys

    def _segment(self, run_list: list[str], infos: list[_Run], out: _Analysis, joined: list[str]) -> list[str | None]:
        """:meth:`_plain` of runs that are all indexed. Written as comprehensions over the
        whole text (a third of the time of one loop doing everything run by run)."""
        keys: list[str | None] = [info.key for info in infos]
        out.exact.update([run for run, info in zip(run_list, infos, strict=True) if info.marked])
        pairs = list(itertools.pairwise(infos))
        out.pairs.update([a.key + PHRASE_SEPARATOR + b.key for a, b in pairs])
        everywhere = self.lang == "vi"
        joined += [
            a.joinable + b.joinable
            for a, b in pairs
            if a.joinable and b.joinable and (everywhere or a.marked or b.marked) and a.size + b.size <= MAX_JOINED
        ]
        digits = [i for i, info in enumerate(infos) if info.digits and i and infos[i - 1].key_digits]
        for i in reversed(digits):
            keys.insert(i, infos[i - 1].key + run_list[i])  # "1800 1233" is found as "18001233" too
        return keys

    def _khmer(self, text: str, out: _Analysis) -> list[str | None]:
        keys: list[str | None] = []
        for run, khmer in runs(text):
            if khmer:
                bigrams, keys_of_words = _khmer_run(run)
                out.pairs.update(bigrams)
                keys.append(None)
                keys += keys_of_words
                keys.append(None)
                continue
            keys += self._plain([w.exact for w in run_words(run, False)] or [run], out, [])
        return keys

    def _analyse(self, text: str) -> _Analysis:
        """What a block of text adds to a page, whichever page and field it is in."""
        out = _Analysis()
        plain = plain_runs(normalise(text))
        joined: list[str] = []
        keys = self._plain(plain, out, joined) if plain is not None else self._khmer(text, out)
        out.keys = tuple(k for k in keys if k is not None)
        # Two adjacent syllables also count as one word written together, as people type them on
        # phones ("tamgiam", "Hanoi"): in Vietnamese, and elsewhere for syllables with Vietnamese
        # marks (names of places and bodies), at SYNONYM_WEIGHT.
        weak = joined
        if self.synonyms and plain is not None:
            weak += self._synonyms(keys, out)
        out.weak = tuple(weak)
        return out

    def _analysis(self, text: str) -> _Analysis:
        """:meth:`_analyse`, kept for a text seen a second time (headings, labels, the titles and
        summaries of lists repeat across pages; most paragraphs do not, and are not kept)."""
        found = self._analyses.get(text)
        if found is not None:
            return found
        analysis = self._analyse(text)
        if text in self._seen:
            self._analyses[text] = analysis
        else:
            self._seen.add(text)
        return analysis

    def _text(self, text: str, name: str, counts: _Counts) -> None:
        analysis = self._analysis(text)
        bucket = counts.fields[name]
        for key in analysis.keys:
            bucket[key] += 1
        counts.lengths[name] += len(analysis.keys)
        for key in analysis.weak:
            bucket[key] += SYNONYM_WEIGHT
        counts.exact.update(analysis.exact)
        counts.pairs.update(analysis.pairs)

    def _synonyms(self, keys: list[str | None], out: _Analysis) -> list[str]:
        """Where a phrase of a synonym group is in the text, the page also gets the other phrases
        of its group, at :data:`~phobien.search.rank.SYNONYM_WEIGHT` (once per text block):
        returns their keys and adds their pairs to ``out``."""
        starts = self._synonym_starts
        found: set[tuple[int, tuple[str, ...]]] = set()
        for i, key in enumerate(keys):
            for g, phrase in starts.get(key, ()) if key is not None else ():
                if tuple(keys[i : i + len(phrase)]) == phrase:
                    found.add((g, phrase))
        added: list[str] = []
        for g, phrase in found:
            for other in self.synonyms[g]:
                if other == phrase:
                    continue
                added += other
                out.exact.update(self.marks.get(other, ()))
                for a, b in itertools.pairwise(other):
                    out.pairs.add(a + PHRASE_SEPARATOR + b)
        return added

    @cached_property
    def _synonym_starts(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """The phrases of the synonym table by their first key, with their group's number."""
        starts: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        for g, group in enumerate(self.synonyms):
            for phrase in group:
                starts[phrase[0]].append((g, phrase))
        return starts

    def add(self, page: PageText) -> int:
        """Add one page; returns its number."""
        return self.add_entry(self.analyse(page))

    def analyse(self, page: PageText) -> PageEntry:
        """What one page adds to the index, on its own (an incremental build keeps it, keyed by
        the page's HTML: :mod:`phobien.search.cache`)."""
        counts = _Counts()
        self._text(page.title, "title", counts)
        if page.summary:
            self._text(page.summary, "summary", counts)
        roles = page.roles or ["b"] * len(page.blocks)
        text: list[str] = []
        for i, (block, role) in enumerate(zip(page.blocks, roles, strict=False)):
            if i == 0 and block == page.title:
                continue
            if role != "1":
                self._text(block, FIELD_OF_ROLE.get(role, "body"), counts)
                text.append(block)
        return PageEntry(
            PageMeta(page.url, page.title, page.snippet, page.kind),
            phrase_keys(page.kind_name, self.lang) if page.kind_name else None,
            text,
            {name: dict(bucket) for name, bucket in counts.fields.items()},
            dict(counts.lengths),
            counts.exact,
            counts.pairs,
        )

    def add_entry(self, entry: PageEntry) -> int:
        """Add a page analysed by :meth:`analyse` (in this build or an earlier one)."""
        doc = len(self.pages)
        self.pages.append(entry.meta)
        if entry.kind_keys is not None and entry.meta.kind not in self.kind_names:
            self.kind_names[entry.meta.kind] = entry.kind_keys
        self.texts.append(excerpt_blocks(entry.texts))
        exact, pairs = self.exact, self.pairs
        for form in entry.exact:
            exact[form].append(doc)
        for pair in entry.pairs:
            pairs[pair].append(doc)
        packed = [(name, tuple(bucket), array("d", bucket.values())) for name, bucket in entry.fields.items()]
        self._counts.append((entry.lengths, packed))
        return doc

    def finish(self) -> None:
        """Levels of every (word, page), once every page is in (the body lengths' mean is known)."""
        if not self._counts:
            return
        titles = sum(lengths.get("title", 0) for lengths, _ in self._counts)
        bodies = sum(lengths.get("body", 0) for lengths, _ in self._counts)
        averages = averages_of(titles, bodies, len(self._counts))
        words = self.words
        for doc, (lengths, fields) in enumerate(self._counts):
            codes, margin = page_levels(lengths, fields, averages)
            title, body = lengths.get("title", 0), lengths.get("body", 0)
            self.levelled.append((title, body, *references(lengths, averages), margin))
            for key, code in codes.items():
                docs, levels_of = words[key]
                docs.append(doc)
                levels_of.append(code)
        self._counts = []
        self._runs, self._seen, self._analyses = {}, set(), {}  # only adding pages needs them


def build_index(pages: list[PageText], lang: str = "", synonyms: list[list[str]] | None = None) -> LanguageIndex:
    """Index ``pages`` in the given order (the order is the page number used by the files)."""
    index = language_index(lang, synonyms)
    for page in pages:
        index.add(page)
    index.finish()
    return index
