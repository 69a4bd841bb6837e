"""Decide every page of every language before any engine runs.

The result is a list of :class:`Staged` pages per language: a Markdown path, front matter
and body. Engines (MkDocs today) only render them. Untranslated pages fall back to the
default language's text under a notice in the reader's language. What each kind of page
shows is in :mod:`phobien.stage.kinds` (the table :data:`~phobien.stage.kinds.KINDS`).
"""

from __future__ import annotations

from phobien.load import Content
from phobien.stage.context import Options, StageContext
from phobien.stage.kinds import KINDS
from phobien.stage.staged import Staged

__all__ = ["Options", "StageContext", "stage_language"]


def stage_language(content: Content, lang: str, options: Options) -> list[Staged]:
    """All pages of ``lang``, kind by kind."""
    ctx = StageContext(content, lang, options)
    return [page for kind in KINDS.values() for page in kind.stage(ctx)]
