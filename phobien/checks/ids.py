"""Ids that must be unique, and names the site's own addresses take."""

from __future__ import annotations

import re
from typing import Any

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.tree import Content

RESERVED_SLUGS = frozenset(
    {
        "materials",
        "plans",
        "agencies",
        "legal",
        "news",
        "hotlines",
        "search",
        "data",
        "assets",
        "l",
        "print",
        "deadlines",
        "reports",
        "about",
        "404",
    }
)
"""Folders of the built site: an audience (a top-level page) may not take their names."""

_LIST_PAGE = re.compile(r"^page-\d+$")


def _duplicates(diags: Diagnostics, content: Content, items: list[Any], what: str) -> None:
    seen: dict[str, Any] = {}
    for item in items:
        if item.id is None:
            continue  # its own error says why
        if item.id in seen:
            first = content.pos(seen[item.id], "id")
            diags.error(
                content.pos(item, "id"),
                f"duplicate {what} id '{item.id}' (also on line {first.line}); give each a different id",
            )
        else:
            seen[item.id] = item


def check_duplicate_ids(content: Content, refs: References, diags: Diagnostics) -> None:
    _duplicates(diags, content, content.audiences, "audience")
    _duplicates(diags, content, content.topics, "topic")
    _duplicates(diags, content, content.hotlines, "hotline")
    _duplicates(diags, content, content.agencies, "agency")
    for plan in content.plans.values():
        seen: dict[str, int] = {}
        for t, task in enumerate(plan.tasks):
            if task.id in seen:
                diags.error(
                    content.pos(plan, "tasks", t, "id"),
                    f"duplicate task id '{task.id}' (also task {seen[task.id] + 1}); "
                    "ids are the task's numbering and must be unique",
                )
            seen.setdefault(task.id, t)


def check_reserved_names(content: Content, refs: References, diags: Diagnostics) -> None:
    """Names that would take an address the site itself uses."""
    for audience in content.audiences:
        if audience.id in RESERVED_SLUGS:
            diags.error(
                content.pos(audience, "id"),
                f"'{audience.id}' is a reserved address of the site; choose another audience id",
            )
    for plan_id, plan in content.plans.items():
        if plan_id in ("index", "deadlines", "late"):
            diags.error(content.pos(plan), f"'{plan_id}' is a reserved address; rename the file")
    # page-2, page-3… of a section are its list's further pages: no page may take them.
    for page in [*content.materials, *content.articles]:
        if _LIST_PAGE.match(page.slug):
            diags.error(
                Position(page.rel),
                f"'{page.slug}' is the address of a further page of the list of this section; "
                "rename the file (e.g. add a word of its title)",
            )
