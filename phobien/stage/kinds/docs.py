"""Hand-written pages from docs/ (about, safety and privacy, accessibility, …), the home text aside."""

from __future__ import annotations

from phobien.stage.context import StageContext
from phobien.stage.staged import Staged, editor_layout


def stage(ctx: StageContext) -> list[Staged]:
    pages = []
    for slug, (page, fallback, source) in ctx.pick([p for p in ctx.content.docs if p.slug != "index"]).items():
        meta = page.meta
        notice_html = ctx.notice_html(f"{slug}.md", ctx.notices(page, fallback, source))
        pages.append(
            Staged(
                f"{slug}.md",
                meta.title,
                notice_html + "\n" + ctx.linked(ctx.body_of(page, fallback), f"{slug}.md"),
                description=meta.summary,
                layout=editor_layout(getattr(meta, "hide", [])),
                kind="doc",
                data={"order": getattr(meta, "order", 100)},
                fallback=fallback,
                source=page.rel,
                aliases=list(page.meta.aliases),
            )
        )
    return pages
