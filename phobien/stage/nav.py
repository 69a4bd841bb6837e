"""The main sections every page links to (header menu), and where the language switcher leads.

Both are decided per staged page, before any engine runs: the menu is plain links in every
page's header (no script), and the switcher never sends a reader somewhere without a word.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any

from phobien.stage.urls import relative

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("nav_audiences", "index.md", "i-am"),
    ("materials", "materials/index.md", ""),
    ("hotlines", "hotlines.md", ""),
    ("news", "news/index.md", ""),
    ("plans", "plans/index.md", ""),
    ("legal", "legal/index.md", ""),
    ("for_schools", "nha-truong-va-doi-tac.md", ""),
    ("search", "search.md", ""),
    ("nav_safety", "", ""),
)
"""(UI key of the label, staged page, anchor); the safety page's path comes from site.yml."""

ELSEWHERE = "pb-only-"
"""Anchor prefix of the line "the page you chose exists only in <language>" that every page
carries hidden, one per other language; the switcher links to it (``#pb-only-vi``) when it
cannot lead to the same page, and CSS shows it (``:target``)."""


def section_links(path: str, paths: set[str], safety: str, directory_urls: bool) -> list[dict[str, Any]]:
    """The main sections as links from the page at ``path`` (only those the language has)."""
    present = tuple((target or safety) in paths for _, target, _ in SECTIONS)
    return [
        {"key": key, "href": href, "current": current}
        for key, href, current in _section_links(path, present, safety, directory_urls)
    ]


@functools.lru_cache(maxsize=16384)
def _section_links(
    path: str, present: tuple[bool, ...], safety: str, directory_urls: bool
) -> tuple[tuple[str, str, bool], ...]:
    """The links of :func:`section_links`, the same for a page in every language that has the
    same sections: worked out once for all languages (a build asks for every page of each)."""
    result = []
    for (key, target, anchor), here_too in zip(SECTIONS, present, strict=True):
        target = target or safety
        if not here_too:
            continue
        folder = posixpath.dirname(target)
        here = path == target if not folder else path.startswith(folder + "/")
        result.append((key, relative(path, target, directory_urls, anchor), here and not anchor))
    return tuple(result)


def switch_target(path: str, other_paths: set[str]) -> str:
    """The page of another language the switcher leads to from ``path``: the same page, else
    the nearest parent section's index page, else that language's home."""
    if path in other_paths:
        return path
    folder = posixpath.dirname(path)
    while folder:
        if f"{folder}/index.md" in other_paths:
            return f"{folder}/index.md"
        folder = posixpath.dirname(folder)
    return "index.md"
