"""The search page of a language (the index itself is written after the engine ran)."""

from __future__ import annotations

from phobien.stage.context import StageContext
from phobien.stage.staged import NO_MENU_TOC, Staged


def stage(ctx: StageContext) -> list[Staged]:
    path = "search.md"
    up = ctx.up(path)
    body = ctx.render("search.md.j2", path, lang=ctx.lang, asset=lambda p: up + p)
    return [Staged(path, ctx.t("search"), body, kind="search", layout=NO_MENU_TOC)]
