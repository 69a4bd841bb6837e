"""The main sections every page links to (header menu), and where the language switcher leads.

Both are decided per staged page, before any engine runs: the menu is plain links in every
page's header (no script), and the switcher never sends a reader somewhere without a word.
"""

from __future__ import annotations

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
    result = []
    for key, target, anchor in SECTIONS:
        target = target or safety
        if target not in paths:
            continue
        folder = posixpath.dirname(target)
        here = path == target if not folder else path.startswith(folder + "/")
        result.append(
            {
                "key": key,
                "href": relative(path, target, directory_urls, anchor),
                "current": here and not anchor,
            }
        )
    return result


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
