"""What each language changes in matching: English stems, and the words of a question that carry
no meaning of their own ("stop words").

- **Stems** (English only): the Snowball English stemmer (PyPI ``snowballstemmer``) at index and
  query time, so that "abused" finds "abuse" and "arrested" finds "arrest". ``search.js`` has a
  port of the same algorithm (``stemEnglish``); a browser test compares the two on every English
  word of the bundled content and on a list of inflected forms. Vietnamese and H'Mông are
  isolating languages (a syllable never changes form): no stemming. Khmer is matched by
  clusters (:mod:`.tokens`).
- **Stop words**: in a query they never block a match and never count as a word not found; they
  still score a little and still make phrases with their neighbours. Lists are of folded keys
  (tone marks dropped, "đ" as "d"), because that is how most people type: "co" is both "có"
  (a stop word) and "cô" (a teacher), so a stop word typed without marks is optional, never
  removed. Multi-word stop phrases ("o dau", "lam sao") are optional only as a sequence.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from phobien.core.text import fold


def _list(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "vi": _list(
        "à ạ ai ấy bị các có của đã đều được gì hay hoặc khi không là mà mình một nào nè nên nếu nhé nhỉ "
        "như những nhưng nữa ở ơi phải rồi sao sẽ thì tôi và vì với ko k kg j dc đc dk"
    ),
    "en": _list(
        "a about after am an and any are as at be been being but by can could did do does doing for from "
        "get got had has have he her hers him his how i if in into is it its me my no not now of on or "
        "our ours she should so some than that the their them then there these they this those to too "
        "us was we were what when where which who whom why will with would you your yours "
        "s t d ll m re ve"  # what an apostrophe leaves: daughter's, don't, I'd, we'll, I'm, they're, I've
    ),
    "km": _list("ខ្ញុំ តើ នៅ ក្នុង របស់ និង ជា បាន ត្រូវ អ្វី ដែល ទេ"),
    "hmn": _list("yog thiab los ntawm rau lub tus cov ib kuv koj nws peb lawv li cas dab tsi puas"),
}
"""Words that carry no meaning in a question, per language, as written. Vietnamese: question
and grammar words (thì, là, mà, của, có, không, gì, nào, ở, phải, …), the persons (tôi,
mình), and what phones type for them (ko, k, j, dc). A word typed with marks is a stop word
when it is in the list as typed ("có", not "cơ"); a word typed without marks when its folded
form is that of a listed word ("co" may be "có")."""

STOP_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "vi": (
        ("o", "dau"),
        ("lam", "sao"),
        ("the", "nao"),
        ("nhu", "the", "nao"),
        ("phai", "lam", "gi"),
        ("lam", "gi"),
        ("bao", "gio"),
        ("bao", "lau"),
        ("bao", "nhieu"),
        ("khi", "nao"),
        ("co", "phai"),
        ("phai", "khong"),
    ),
    "hmn": (("ua", "li", "cas"), ("dab", "tsi")),
}
"""Sequences of keys that are optional together ("ở đâu" = where, "làm sao" = how): "dau" and
"lam" alone carry meaning (đau = pain, làm = to do)."""

STEMMED = {"en": "english"}
"""Languages whose keys are stemmed, and the Snowball algorithm of each."""


@cache
def _stemmer(algorithm: str) -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=1 << 18)
def _stem(algorithm: str, key: str) -> str:
    return str(_stemmer(algorithm).stemWord(key))


def stem(lang: str, key: str) -> str:
    """The stem of a folded key in ``lang`` (the key itself where the language has no stemmer).
    Only words of ASCII letters are stemmed: numbers and names of other scripts stay as they are."""
    algorithm = STEMMED.get(lang)
    if algorithm is None or not key.isascii() or not key.isalpha():
        return key
    return _stem(algorithm, key)


@cache
def _folded_stops(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in STOP_WORDS.get(lang, ()))


def optional(lang: str, words: list[tuple[str, str]]) -> list[bool]:
    """For each word of a query, (folded key, form as typed) in order, whether it is a stop word
    or part of a stop phrase, that is: whether it may be missing from a page."""
    stops, folded = STOP_WORDS.get(lang, frozenset()), _folded_stops(lang)
    keys = [k for k, _ in words]
    out = [exact in stops or (exact == key and key in folded) for key, exact in words]
    for phrase in STOP_PHRASES.get(lang, ()):
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase:
                out[i : i + n] = [True] * n
    return out
