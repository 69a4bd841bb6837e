"""A page of one language, decided before any engine runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from phobien.model.legal import LegalDocument


@dataclass
class Staged:
    """One page of one language, ready for an engine."""

    path: str
    title: str
    body: str
    description: str | None = None
    hide: list[str] = field(default_factory=list)
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
