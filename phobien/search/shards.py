"""Which file holds a key: FNV-1a (32 bit) of its UTF-8 bytes, modulo a power of two.

``search.js`` has the same function (``fnv1a``); a browser test checks that both agree.
"""

from __future__ import annotations

import os

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


def title_name(number: int) -> str:
    """File stem of a file of page titles."""
    return f"h{number:x}"


def front_coded(rows: list[tuple[str, str]]) -> list[int | str]:
    """``[(url, title), …]`` as one flat list ``[shared, rest, title, …]``, each url written as
    the length of the start it shares with the url before it and the rest: pages in a section
    share their folder, and gzip alone keeps a tenth more of them (:func:`title_rows` undoes
    it; so does ``titleRows`` in ``search.js``)."""
    flat: list[int | str] = []
    before = ""
    for url, title in rows:
        shared = len(os.path.commonprefix((url, before)))  # noqa: RUF071 (characters, on purpose)
        flat += [shared, url[shared:], title]
        before = url
    return flat


def title_rows(flat: list[int | str]) -> list[list[str]]:
    """``[[url, title], …]`` of a titles file written by :func:`front_coded`."""
    rows: list[list[str]] = []
    url = ""
    for i in range(0, len(flat), 3):
        url = url[: int(flat[i])] + str(flat[i + 1])
        rows.append([url, str(flat[i + 2])])
    return rows


def next_power_of_two(n: float) -> int:
    count = 1
    while count < n:
        count *= 2
    return count
