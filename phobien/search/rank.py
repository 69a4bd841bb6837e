"""How results are ordered: BM25F over four fields, who is asking, marks, phrases, coverage.

``search.js`` implements :func:`score` and :func:`order` with the same constants (``RANK`` in
the script, checked against :data:`CONSTANTS` by a browser test): change both together.

At build time (:func:`level`), each (word, page) gets one level, 1 … 35, sent as one character:
the BM25F saturation of the word's weighted, length-normalised frequency in the page's fields,
quantised to 1 … :data:`STEPS`, plus :data:`TITLE_FLAG` when the word is in a long title or
the names of the page, twice that in a short title (a page whose title is the query and little
else, an agency's name, ranks first). At query time, for a page *d*:

- each word *t* of the query found in *d* adds ``idf(t) · (level(t, d) / STEPS + TITLE_BONUS
  if in a short title, half of it in a long one)``, times
  :data:`FOLDED` when *t* was typed with marks and *d* has it only with other marks ("nông" for
  "nóng"), times :data:`OPTIONAL` for words that carry no meaning (:mod:`.lang`); pages
  lacking fewer of the meaningful words typed with marks *with those marks* come first,
  whatever their score: words typed with marks rank pages with the same marks first;
- each pair of adjacent query words that are adjacent in *d* too (a phrase) adds
  :data:`PHRASE` times the pair's own idf times the mean level of its two words: a phrase
  outranks the same words scattered, and in Vietnamese, whose words are mostly two
  syllables, the pair "bản thân" carries the meaning that "bản" and "thân" alone do not;
- the sum is multiplied by *coverage*², the share (by idf) of the meaningful words found, so
  that a page with most words still shows when no page has them all, below the pages that do;
- and by the weight of the page's kind (:data:`KIND_WEIGHTS`): a citizen asking finds
  materials, audience pages and hotlines before news, and news before plans, agencies, legal
  documents and the deadlines view;
- unless the query has the name of the page's kind in it ("kế hoạch", "plan": it asks for
  plans), or *names* the page: all of its meaningful words are in the title or names, and
  the query has a number in it ("126/KH-UBND"), or is most of a short title (three meaningful
  words or more, all in a title of at most SHORT_TITLE words: "Công an tỉnh Bắc Giang"), or
  is a long title typed out (NAMED_LONG meaningful words or more): such pages come first,
  whatever their kind. A topic a few words long that is *part* of an official page's long
  title ("xâm hại trẻ em" in "Kế hoạch phòng, chống tội phạm xâm hại trẻ em và …") does not
  name it: a citizen typing a topic asks about the topic, and the kind weights decide.
"""

from __future__ import annotations

import math

STEPS = 11
TITLE_FLAG = 12
"""Levels are ``steps + TITLE_FLAG · title`` with title 0 (not in the title), 1 (in a long title)
or 2 (in a title of at most SHORT_TITLE words): 1 … 35."""
SHORT_TITLE = 10
LEVEL_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"
"""Level n is sent as LEVEL_CHARS[n]."""

FIELD_WEIGHTS = {"title": 5.0, "summary": 2.5, "heading": 2.0, "body": 1.0, "listed": 0.25}
"""BM25F weights of the fields (:mod:`.extract`); names count as title; ``listed`` is the text
of lists of other pages (what they are about, not what the listing page is about)."""
SYNONYM_WEIGHT = 0.6
"""An occurrence added by the synonym table counts this much of one typed in the page."""
K1 = 1.2
BODY_B = 0.75
"""Length normalisation of the body: a long plan does not win by its length."""
TITLE_B = 0.9
"""… and of the title: a title that is the query and little else ranks first."""

TITLE_BONUS = 2.0
"""Added to a word's level at query time when it is in the title or a name: saturation makes a
word repeated in the body as strong as one in the title; a title says what the page is about."""
FOLDED = 0.3
OPTIONAL = 0.1
PHRASE = 1.0
KEEP = 0.5
"""Pages whose coverage is below this share of the best page's are not shown."""
IDF_CAP = 1.0
"""Coverage and naming weigh each word by its idf up to this: a word on a single page is one
word of the question, not most of it."""
NAMED_MIN_WORDS = 3
NAMED_LONG = 7
NAMED_SHARE = 0.999
"""A page is named by a query when every meaningful word of it (this share by idf, for float
sums) is in the page's title or names, and the query has a number, or NAMED_MIN_WORDS meaningful
words all in a short title, or NAMED_LONG meaningful words (Vietnamese words are mostly two
syllables: seven syllables are three or four words, more than a topic)."""
COVERAGE = 1
"""Exponent of coverage in the score (an integer: both sides multiply, for identical floats)."""

KIND_WEIGHTS = {
    "material": 1.0, "audience": 1.0, "hotlines": 1.0, "doc": 0.9, "home": 0.7, "schools": 0.7,
    "article": 0.6, "news": 0.5, "list": 0.4,
    "plan": 0.3, "legal": 0.3, "agency": 0.25, "deadlines": 0.2,
}  # fmt: skip
"""Weight of a page kind (``data-kind``) for a citizen's question. Unknown kinds: 1."""
KIND_CODES = "".join(chr(ord("a") + i) for i in range(len(KIND_WEIGHTS)))
"""One letter per kind in the manifest, in the order of KIND_WEIGHTS; ``z`` for unknown kinds."""

COMMON = TITLE_FLAG + 1
"""The level sent for a key in nearly every page (:mod:`.files`): weak, and never keeps a page
from being named."""


def constants() -> dict[str, object]:
    """What ``search.js`` needs to rank as this module does (sent in the manifest)."""
    return {
        "STEPS": STEPS, "TITLE_FLAG": TITLE_FLAG, "COMMON": COMMON, "LEVEL_CHARS": LEVEL_CHARS,
        "FOLDED": FOLDED, "OPTIONAL": OPTIONAL, "PHRASE": PHRASE, "COVERAGE": COVERAGE, "TITLE_BONUS": TITLE_BONUS,
        "IDF_CAP": IDF_CAP, "KEEP": KEEP, "NAMED_MIN_WORDS": NAMED_MIN_WORDS, "NAMED_LONG": NAMED_LONG,
        "NAMED_SHARE": NAMED_SHARE,
        "KIND_CODES": KIND_CODES, "KINDS": list(KIND_WEIGHTS.values()),
    }  # fmt: skip


def kind_code(kind: str) -> str:
    names = list(KIND_WEIGHTS)
    return KIND_CODES[names.index(kind)] if kind in KIND_WEIGHTS else "z"


def kind_weight(code: str) -> float:
    i = KIND_CODES.find(code)
    return list(KIND_WEIGHTS.values())[i] if i >= 0 else 1.0


def level(weighted_tf: float, title: int) -> int:
    """The level of a word in a page from its BM25F weighted frequency and where it is in the
    title: 0 not, 1 in a long title, 2 in a short one (see :func:`title_class`)."""
    saturation = weighted_tf / (K1 + weighted_tf) if weighted_tf > 0 else 0.0
    steps = max(1, min(STEPS, math.ceil(saturation * STEPS)))
    return steps + TITLE_FLAG * title


def title_class(in_title: bool, title_words: int) -> int:
    return 0 if not in_title else 2 if title_words <= SHORT_TITLE else 1


def field_factors(lengths: dict[str, int], averages: dict[str, float]) -> dict[str, float]:
    """What one occurrence in each field of a page weighs: the field's weight, over its length
    normalisation for the body and the title (BM25F)."""
    out = {}
    for name, weight in FIELD_WEIGHTS.items():
        b = BODY_B if name == "body" else TITLE_B if name == "title" else 0.0
        out[name] = weight / (1 - b + b * lengths.get(name, 0) / (averages.get(name) or 1.0))
    return out


def weighted_tf(counts: dict[str, float], lengths: dict[str, int], averages: dict[str, float]) -> float:
    """BM25F pseudo-frequency: field counts times field weights, the body's and the title's
    normalised by their length."""
    factors = field_factors(lengths, averages)
    return sum(count * factors[name] for name, count in counts.items())


def idf(df: int, pages: int) -> float:
    return math.log(1 + (pages - df + 0.5) / (df + 0.5))


def strength(code: int) -> float:
    """Saturation 0 … 1 of a level."""
    return (code % TITLE_FLAG) / STEPS


def in_title(code: int) -> bool:
    return code >= TITLE_FLAG


def in_short_title(code: int) -> bool:
    """In a title of at most SHORT_TITLE words, or in nearly every page (:data:`COMMON`)."""
    return code >= 2 * TITLE_FLAG or code == COMMON


def title_bonus(code: int) -> float:
    """What the title adds to a word's level: the whole bonus in a short title, half in a long one."""
    return TITLE_BONUS * (code // TITLE_FLAG) / 2
