"""A page per material (in this language, else the default one's under a notice) and their list."""

from __future__ import annotations

from functools import partial
from typing import Any

from phobien.load import Page
from phobien.stage import views
from phobien.stage.context import StageContext
from phobien.stage.lists import section_list
from phobien.stage.staged import NO_MENU_TOC, Staged


def _material(ctx: StageContext, slug: str, page: Page, fallback: bool, source: Page | None) -> Staged:
    meta: Any = page.meta
    path = f"materials/{slug}.md"
    hotline_ids = views.material_hotline_ids(ctx.content, meta)
    legal = [views.legal_status(*found) for found in map(ctx.legal_ref, meta.legal_refs) if found]
    body = ctx.render(
        "material.md.j2",
        path,
        meta=meta,
        body=ctx.body_of(page, fallback),
        review_text=views.review_text(ctx.t, meta.review, ctx.site),
        notices=ctx.notices(page, fallback, source),
        hotlines=ctx.hotline_views(hotline_ids),
        sources=meta.sources,
        citations=[views.source_citation(s) for s in meta.sources],
        legal=legal,
        leaflet=ctx.leaflet_href(path, slug, fallback),
    )
    return Staged(
        path,
        meta.title,
        body,
        description=meta.summary,
        kind="material",
        layout=NO_MENU_TOC,
        fallback=fallback,
        source=page.rel,
        aliases=list(meta.aliases),
        data={"audiences": list(meta.audiences), "order": meta.order, "hotlines": hotline_ids, "slug": slug},
    )


def _one(ctx: StageContext, slug: str, page: Page, fallback: bool, source: Page | None) -> list[Staged]:
    return [_material(ctx, slug, page, fallback, source)]


def stage(ctx: StageContext) -> list[Staged]:
    pages = []
    items = []
    for slug, (page, fallback, source) in ctx.pick(ctx.content.materials).items():
        staged = ctx.each("materials", slug, partial(_one, ctx, slug, page, fallback, source))[0]
        pages.append(staged)
        items.append(
            {
                "path": staged.path,
                "title": staged.title,
                "summary": staged.description,
                "order": staged.data["order"],
                "lang": page.lang if fallback else None,  # another language's title: say which
            }
        )
    items.sort(key=lambda x: (x["order"], x["title"]))
    return pages + section_list(ctx, "materials", items)
