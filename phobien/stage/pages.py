"""Decide every page of every language before any engine runs.

The result is a list of :class:`Staged` pages per language: a Markdown path, front matter
and body. Engines (MkDocs today) only render them. Untranslated pages fall back to the
default language's text under a notice in the reader's language. What each kind of page
shows is in :mod:`phobien.stage.kinds` (the table :data:`~phobien.stage.kinds.KINDS`). With a
:class:`Kept` folder, what the last build staged is taken again where nothing it was made from
changed (:mod:`phobien.stage.memo`).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from phobien.core.heap import shared_heap
from phobien.load import Content
from phobien.stage.context import Options, StageContext
from phobien.stage.kinds import KINDS
from phobien.stage.memo import StageMemo, content_key, send, unpack
from phobien.stage.staged import Staged

__all__ = ["Kept", "Options", "StageContext", "stage_all", "stage_language", "without_drafts"]


@dataclass(frozen=True)
class Kept:
    """Where staging results are kept between builds (a folder per project), under the digest
    of the code that made them; ``fresh``: take none of the last build's (``--clean``)."""

    folder: Path
    code: str
    fresh: bool = False


def stage_language(content: Content, lang: str, options: Options, memo: StageMemo | None = None) -> list[Staged]:
    """All pages of ``lang``, kind by kind (each taken from ``memo`` when still right)."""
    ctx = StageContext(content, lang, options, memo)
    if memo is None:
        return [page for kind in KINDS.values() for page in kind.stage(ctx)]
    pages = [page for kind in KINDS.values() for page in memo.staged(kind.name, "", partial(kind.stage, ctx))]
    memo.save()
    return pages


def _memo(content: Content, lang: str, key: str, kept: Kept | None) -> StageMemo | None:
    if kept is None:
        return None
    return StageMemo(kept.folder / f"{lang}.bin", kept.code, f"{key}:{lang}", content, kept.fresh)


def without_drafts(content: Content, serve: bool) -> None:
    """Drafts are shown by 'phobien serve' only (articles: stage.news): drop draft materials
    from ``content`` before a build stages, prints or publishes anything."""
    if not serve:
        content.materials = [p for p in content.materials if not getattr(p.meta, "draft", False)]


_FORKED: dict[str, Any] = {}
"""What forked staging workers inherit instead of receiving it pickled (the whole content)."""


def _stage_forked(lang: str) -> list[Staged] | bytes:
    """One language's pages, staged in a worker: packed as kept where there is a memo (sent
    back with marshal, many times cheaper than pickling the pages)."""
    content, key, kept, options = _FORKED["content"], _FORKED["key"], _FORKED["kept"], _FORKED["options"]
    memo = _memo(content, lang, key, kept)
    if memo is None:
        return stage_language(content, lang, options)
    ctx = StageContext(content, lang, options, memo)
    try:
        packed = [fields for kind in KINDS.values() for fields in memo.packed(kind.name, "", partial(kind.stage, ctx))]
    except TypeError:
        return stage_language(content, lang, options)
    memo.save()
    return send(packed)


def stage_all(content: Content, options: Options, workers: int, kept: Kept | None = None) -> dict[str, list[Staged]]:
    """Stage every language; in parallel where processes can be forked (Linux), as the
    workers then share the loaded content without copying it."""
    codes = content.site.codes
    key = content_key(content, repr((options, kept.code))) if kept is not None else ""
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {lang: stage_language(content, lang, options, _memo(content, lang, key, kept)) for lang in codes}
    _FORKED.update(content=content, options=options, key=key, kept=kept)
    try:
        with shared_heap(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            sent = dict(zip(codes, pool.map(_stage_forked, codes), strict=True))
    finally:
        _FORKED.clear()
    return {lang: unpack(pages) if isinstance(pages, bytes) else pages for lang, pages in sent.items()}
