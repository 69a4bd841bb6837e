"""Which file holds a key: FNV-1a (32 bit) of its UTF-8 bytes, modulo a power of two.

``search.js`` has the same function (``fnv1a``); a browser test checks that both agree.
"""

from __future__ import annotations

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def fnv1a(text: str) -> int:
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def shard_of(key: str, count: int) -> int:
    """The shard (0 … count-1) of ``key``; ``count`` is a power of two."""
    assert count > 0 and count & (count - 1) == 0, count
    return fnv1a(key) & (count - 1)


def shard_name(space: str, number: int) -> str:
    """File stem of a shard: ``w1f`` (words) or ``p3`` (phrase and Khmer cluster bigrams), hex."""
    return f"{space}{number:x}"


def chunk_name(number: int) -> str:
    """File stem of a chunk of page metadata."""
    return f"m{number:x}"


def next_power_of_two(n: float) -> int:
    count = 1
    while count < n:
        count *= 2
    return count
