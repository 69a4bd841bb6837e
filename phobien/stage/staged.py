"""A page of one language, decided before any engine runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from phobien.model.legal import LegalDocument

LAYOUT_FLAGS = frozenset({"no-menu", "no-toc", "no-footer", "no-path"})
"""phobien's own layout names: no site menu, no table of contents, no footer, no breadcrumb path."""
NO_MENU = frozenset({"no-menu"})
NO_MENU_TOC = frozenset({"no-menu", "no-toc"})

EDITOR_HIDE = {"navigation": "no-menu", "toc": "no-toc", "footer": "no-footer", "path": "no-path"}
"""The values editors write in a hand-written page's ``hide:`` front matter, and their layout flag."""


def editor_layout(hide: list[str]) -> frozenset[str]:
    """The layout flags of a docs/ page's ``hide:`` list (validated by the schema)."""
    return frozenset(EDITOR_HIDE[h] for h in hide)


@dataclass
class Staged:
    """One page of one language, ready for an engine."""

    path: str
    title: str
    body: str
    description: str | None = None
    layout: frozenset[str] = frozenset()
    """Parts of the page layout left out (:data:`LAYOUT_FLAGS`); the engine maps them to its theme."""
    kind: str = "page"
    data: dict[str, Any] = field(default_factory=dict)
    fallback: bool = False
    """True when the page shows the default language's text (not translated yet)."""
    source: str | None = None
    """The content file it was made from, for messages about it."""
    aliases: list[str] = field(default_factory=list)
    """Old addresses of the page (front matter 'aliases')."""


def legal_label(doc_id: str, doc: LegalDocument) -> str:
    name = doc.short_title or doc.title
    return f"{doc.number} — {name}" if doc.number else name
