"""Decide every page of every language before any engine runs.

The result is a list of :class:`Staged` pages per language: a Markdown path, front matter
and body. Engines (MkDocs today) only render them. Untranslated pages fall back to the
default language's text under a notice in the reader's language. What each kind of page
shows is in :mod:`phobien.stage.kinds` (the table :data:`~phobien.stage.kinds.KINDS`).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from phobien.core.heap import shared_heap
from phobien.load import Content
from phobien.stage.context import Options, StageContext
from phobien.stage.kinds import KINDS
from phobien.stage.staged import Staged

__all__ = ["Options", "StageContext", "stage_all", "stage_language", "without_drafts"]


def stage_language(content: Content, lang: str, options: Options) -> list[Staged]:
    """All pages of ``lang``, kind by kind."""
    ctx = StageContext(content, lang, options)
    return [page for kind in KINDS.values() for page in kind.stage(ctx)]


def without_drafts(content: Content, serve: bool) -> None:
    """Drafts are shown by 'phobien serve' only (articles: stage.news): drop draft materials
    from ``content`` before a build stages, prints or publishes anything."""
    if not serve:
        content.materials = [p for p in content.materials if not getattr(p.meta, "draft", False)]


_FORKED: dict[str, Any] = {}
"""What forked staging workers inherit instead of receiving it pickled (the whole content)."""


def _stage_forked(lang: str) -> list[Staged]:
    return stage_language(_FORKED["content"], lang, _FORKED["options"])


def stage_all(content: Content, options: Options, workers: int) -> dict[str, list[Staged]]:
    """Stage every language; in parallel where processes can be forked (Linux), as the
    workers then share the loaded content without copying it."""
    codes = content.site.codes
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {lang: stage_language(content, lang, options) for lang in codes}
    _FORKED.update(content=content, options=options)
    try:
        with shared_heap(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return dict(zip(codes, pool.map(_stage_forked, codes), strict=True))
    finally:
        _FORKED.clear()
