"""Long lists continue on further pages, so that no page outgrows a phone.

The further pages of a list staged at ``<folder>/index.md`` are ``<folder>/page-2.md``,
``<folder>/page-3.md`` …; those of a list not named index (``news/topic-x.md``) are
``news/topic-x-2.md`` … The names ``page-<n>`` are therefore reserved in every section: the
checks refuse a material or article that takes one (:func:`is_list_page_name`).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any, TypeVar

LIST_PER_PAGE = 200
"""Items on one page of a list (materials, plans, legal documents, agencies, deadlines)."""

_LIST_PAGE = re.compile(r"^page-\d+$")

T = TypeVar("T")


def is_list_page_name(slug: str) -> bool:
    """True for ``page-2``, ``page-3`` …: the names of a section's further list pages."""
    return bool(_LIST_PAGE.match(slug))


def page_path(path: str, n: int) -> str:
    """Where page ``n`` (from 1) of the list staged at ``path`` is staged."""
    if n == 1:
        return path
    folder, name = posixpath.split(path)
    name = f"page-{n}.md" if name == "index.md" else f"{name.removesuffix('.md')}-{n}.md"
    return posixpath.join(folder, name)


def split(items: list[T], size: int) -> list[list[T]]:
    """``items`` cut into pages of at most ``size`` (at least one page, maybe empty)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def split_groups(groups: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    """The groups of a list (each with "items") cut into pages of at most ``size`` items (at
    least one page). A group split across pages keeps its full "count" and is marked
    "continued" on the pages after its first."""
    pages: list[list[dict[str, Any]]] = [[]]
    room = size
    for group in groups:
        items = list(group["items"])
        first = True
        while items or first:
            if room == 0:
                pages.append([])
                room = size
            part, items = items[:room], items[room:]
            pages[-1].append({**group, "items": part, "count": len(group["items"]), "continued": not first})
            room -= len(part)
            first = False
    return pages


def pager(path: str, n: int, total: int) -> dict[str, Any] | None:
    """Page ``n`` of ``total`` of the list at ``path``: its number and its neighbours' paths."""
    if total < 2:
        return None
    return {
        "n": n,
        "total": total,
        "prev": page_path(path, n - 1) if n > 1 else None,
        "next": page_path(path, n + 1) if n < total else None,
    }
