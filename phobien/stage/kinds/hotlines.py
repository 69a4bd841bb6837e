"""Every hotline, most important first."""

from __future__ import annotations

from phobien.stage.context import StageContext
from phobien.stage.staged import NO_MENU_TOC, Staged


def stage(ctx: StageContext) -> list[Staged]:
    hotlines = sorted(ctx.content.hotlines, key=lambda h: h.priority)
    body = ctx.render("hotlines.md.j2", "hotlines.md", hotlines=[ctx.hotline(h) for h in hotlines])
    return [
        Staged(
            "hotlines.md",
            ctx.t("hotlines"),
            body,
            kind="hotlines",
            layout=NO_MENU_TOC,
            description=ctx.t("hotlines_intro"),
        )
    ]
