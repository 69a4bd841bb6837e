"""The :func:`~phobien.search.rank.level` of every word of one page, and how far the page is from
any of them changing.

A page's levels depend on the mean length of the title and of the body of all pages (BM25F's
length norms, :func:`~phobien.search.rank.field_factors`), so one edited page moves them all a
little. Most do not change: a level is the weighted frequency quantised to
:data:`~phobien.search.rank.STEPS`, so it changes only when the frequency crosses one of the
:data:`BOUNDS`. :func:`page_levels` also gives the page's *margin*, the smallest relative
distance of its weighted frequencies to a bound: while the page's title and body factors stay
within that share of those its levels were computed with, none of its levels can change
(a weighted frequency is a sum of counts times factors, so it moves by at most the share its
factors move). An incremental build (:mod:`phobien.search.patch`) computes again only the
pages whose margin the new means use up, with this same code, so its levels are exactly a cold
build's.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

from phobien.search.rank import K1, STEPS, field_factors, level, title_class

BOUNDS = [K1 * s / (STEPS - s) for s in range(1, STEPS)]
"""The weighted frequencies at which the strength of a level steps up (saturation s / STEPS)."""
SAFETY = 1e-9
"""Added to the share the factors moved: float rounding in the sums and in :func:`level`."""

PageFields = list[tuple[str, tuple[str, ...], "array[float]"]]
"""Each field of a page: its name, its keys, their counts (:meth:`LanguageIndex.add_entry`)."""


def averages_of(titles: int, bodies: int, pages: int) -> dict[str, float]:
    """The mean title and body lengths, from their sums (integers: the same in any order)."""
    return {"title": titles / pages, "body": bodies / pages}


def references(lengths: dict[str, int], averages: dict[str, float]) -> tuple[float, float]:
    """The title and body factors of a page: the only ones that depend on other pages."""
    factors = field_factors(lengths, averages)
    return factors["title"], factors["body"]


def moved(before: tuple[float, float], now: tuple[float, float]) -> float:
    """The largest share by which a page's factors moved."""
    return max(abs(b / a - 1.0) if a else (0.0 if a == b else float("inf")) for a, b in zip(before, now, strict=True))


MOVING = ("title", "body")
"""The fields whose factors depend on other pages (a key only in the others never moves)."""


def _margin(values: set[float]) -> float:
    """The smallest relative distance of ``values`` to a bound: for each bound, that of the
    nearest value above it and below it."""
    ordered = sorted(values)
    best = 1.0
    for bound in BOUNDS:
        i = bisect_left(ordered, bound)
        if i < len(ordered):
            best = min(best, (ordered[i] - bound) / ordered[i])
        if i:
            best = min(best, (bound - ordered[i - 1]) / ordered[i - 1])
    return best


def page_levels(
    lengths: dict[str, int], fields: PageFields, averages: dict[str, float]
) -> tuple[dict[str, int], float]:
    """The level of each key of one page, and the page's margin (see the module docstring)."""
    factors = field_factors(lengths, averages)
    tf: dict[str, float] = {}
    title: tuple[str, ...] = ()
    moving: list[tuple[str, ...]] = []
    for name, keys, counts in fields:
        if name == "title":
            title = keys
        if name in MOVING:
            moving.append(keys)
        factor = factors[name]
        if not tf:  # the first field: 0.0 + x is x
            tf = {key: count * factor for key, count in zip(keys, counts, strict=True)}
            continue
        get = tf.get
        for key, count in zip(keys, counts, strict=True):
            tf[key] = get(key, 0.0) + count * factor
    levels = {value: level(value, 0) for value in set(tf.values())}
    margin = _margin({tf[key] for keys in moving for key in keys})
    codes = {key: levels[value] for key, value in tf.items()}
    if title:  # every key of the title is in tf: the title is one of its fields
        titled = title_class(True, lengths.get("title", 0))
        in_title: dict[float, int] = {}
        for key in title:
            value = tf[key]
            code = in_title.get(value)
            if code is None:
                code = in_title[value] = level(value, titled)
            codes[key] = code
    return codes, margin
