"""Words of a text, as the index and the browser both see them.

The same rules are implemented in ``overrides/assets/javascripts/search.js`` (``runs``,
``fold``, ``clusters``); ``tests/test_search_browser.py`` checks that both agree.

- Text is NFC-normalised and lower-cased; a *run* is a maximal sequence of letters, marks and
  digits (Unicode categories L, M, N), Khmer and other scripts in separate runs.
- A word outside Khmer is one run. Its *key* is :func:`phobien.core.text.fold` of it (tone marks and
  other diacritics of Latin letters dropped, đ→d); its *exact form* is the run itself.
- Khmer is written without spaces: a Khmer run is split into words with ICU's dictionary
  (``icu4py.breakers.WordBreaker``) at build time, ``Intl.Segmenter`` in the browser. The two
  ICU versions do not always cut in the same places, so Khmer is matched by the *bigrams of
  orthographic clusters* of the query word (a cluster is a base letter with its subscripts
  and vowel signs); the dictionary words and their cluster prefixes and suffixes
  (:func:`khmer_parts`) serve ranking. See :mod:`phobien.search.index`.
"""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from phobien.core.text import fold

MAX_WORD = 40
"""Longer runs (identifiers, scraps of URLs) are not indexed; the browser ignores them too."""

KHMER_RANGES = ((0x1780, 0x17FF), (0x19E0, 0x19FF))
_KHMER_CLUSTER = re.compile(r"[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d1\u17d3\u17dd])*|.", re.S)
PHRASE_SEPARATOR = " "
"""Joins the keys of two adjacent words into a phrase bigram key."""
CLUSTER_SEPARATOR = "_"
"""Joins two Khmer clusters into a cluster bigram key (never inside a word: '_' is punctuation)."""


@dataclass(frozen=True)
class Word:
    exact: str
    """Lower-case NFC form as written."""
    key: str
    """Folded form: what matching uses."""
    khmer: bool = False


def _ranges(keep: list[bool]) -> str:
    out: list[str] = []
    start = None
    for code, ok in enumerate([*keep, False]):
        if ok and start is None:
            start = code
        elif not ok and start is not None:
            end = code - 1
            out.append(re.escape(chr(start)) if start == end else f"{re.escape(chr(start))}-{re.escape(chr(end))}")
            start = None
    return "".join(out)


@cache
def _classes(limit: int = sys.maxunicode) -> tuple[str, str]:
    """Character-class ranges of the letters, marks and digits outside Khmer, and of those in
    Khmer, among the code points up to ``limit``. Read once per process from every code point's
    category (half a second): both patterns below are made from it."""
    word = [unicodedata.category(chr(c))[0] in "LMN" for c in range(limit + 1)]
    khmer = [False] * len(word)
    for lo, hi in KHMER_RANGES:
        for c in range(lo, hi + 1):
            khmer[c] = word[c]
            word[c] = False
    return _ranges(word), _ranges(khmer)


BMP = 0xFFFF
"""Python's regular expressions test a character against a class that has code points beyond
the Basic Multilingual Plane range by range (thousands of ranges here), but look it up in a
table when the class has none: about 5x faster. Text without such characters (nearly all:
emoji are the usual ones) is split with the classes cut at BMP, which find the same runs."""
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _run_pattern(limit: int = sys.maxunicode) -> re.Pattern[str]:
    word, khmer = _classes(limit)
    return re.compile(f"([{khmer}]+)|[{word}]+")


@cache
def _plain_pattern(limit: int = sys.maxunicode) -> re.Pattern[str]:
    return re.compile(f"[{_classes(limit)[0]}]+")


def _limit(text: str) -> int:
    """The patterns that find the runs of ``text`` (see :data:`BMP`)."""
    return sys.maxunicode if _ASTRAL.search(text) else BMP


_KHMER_ANY = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in KHMER_RANGES) + "]")


def plain_runs(text: str) -> list[str] | None:
    """The runs of normalised ``text`` when it has no Khmer (all at once: the index's fast
    path); None when it has Khmer (use :func:`runs`)."""
    if _KHMER_ANY.search(text):
        return None
    return _plain_pattern(_limit(text)).findall(text)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def runs(text: str) -> Iterator[tuple[str, bool]]:
    """Runs of letters, marks and digits of ``text`` (normalised), each with whether it is Khmer."""
    text = normalise(text)
    for m in _run_pattern(_limit(text)).finditer(text):
        yield m.group(0), m.group(1) is not None


def clusters(run: str) -> list[str]:
    """Khmer orthographic clusters: a consonant or vowel letter with its coeng subscripts and signs."""
    return _KHMER_CLUSTER.findall(run)


@lru_cache(maxsize=1 << 16)
def cluster_bigrams(run: str) -> tuple[str, ...]:
    """(Cached, as every function here that Khmer text goes through: its words repeat.)"""
    cs = clusters(run)
    return tuple(a + CLUSTER_SEPARATOR + b for a, b in itertools.pairwise(cs))


@cache
def _khmer_breaker() -> type | None:
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:  # no wheel for this platform: Khmer still matches by cluster bigrams
        return None
    return WordBreaker  # type: ignore[no-any-return]


@lru_cache(maxsize=1 << 16)
def khmer_parts(word: str) -> tuple[str, ...]:
    """Cluster prefixes and suffixes of a Khmer dictionary word, so that a compound such as
    ធ្វើទារុណកម្ម also counts for ធ្វើ and ទារុណកម្ម, which another ICU may cut out of it."""
    cs = clusters(word)
    parts = ["".join(cs[:i]) for i in range(1, len(cs))] + ["".join(cs[i:]) for i in range(1, len(cs))]
    return tuple(dict.fromkeys(parts))


@lru_cache(maxsize=1 << 16)
def khmer_words(run: str) -> tuple[str, ...]:
    """Dictionary words of an unspaced Khmer run (the whole run when ICU is not available)."""
    breaker = _khmer_breaker()
    if breaker is None:
        return (run,)
    return tuple(w for w in breaker(run, "km") if w.strip())


@lru_cache(maxsize=1 << 16)
def _khmer_run_words(run: str) -> tuple[Word, ...]:
    return tuple(Word(w, w, True) for w in khmer_words(run) if len(w) <= MAX_WORD)


def run_words(run: str, khmer: bool) -> Sequence[Word]:
    """The words of one run (see :func:`runs`)."""
    if khmer:
        return _khmer_run_words(run)
    return [Word(run, key(run))] if len(run) <= MAX_WORD else []


def words(text: str) -> list[Word]:
    """The words of ``text`` in order."""
    return [word for run, khmer in runs(text) for word in run_words(run, khmer)]


@lru_cache(maxsize=1 << 18)
def key(run: str) -> str:
    """The folded key of a run outside Khmer (cached: words repeat)."""
    return fold(run)


def phrase_key(a: str, b: str) -> str:
    return a + PHRASE_SEPARATOR + b
