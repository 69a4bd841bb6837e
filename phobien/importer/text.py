"""Folding text without changing its length, so that positions found in the folded text hold."""

from __future__ import annotations

import functools

from phobien.core.text import fold


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    out = fold(ch)
    return out if len(out) == 1 else ch.lower()[:1] or ch


def fold_same_length(text: str) -> str:
    """``fold`` one character at a time, so that positions in the result are positions in ``text``."""
    return "".join(_fold_char(ch) for ch in text)
