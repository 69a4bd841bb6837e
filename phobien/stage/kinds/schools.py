"""For schools and partners: every material with its short link, QR code and leaflet; posters
per audience."""

from __future__ import annotations

from typing import Any

from phobien.stage.addresses import origin, short_code
from phobien.stage.context import StageContext
from phobien.stage.lists import paged
from phobien.stage.staged import NO_MENU_TOC, Staged
from phobien.stage.urls import poster_path

SCHOOLS_PER_PAGE = 50
"""Materials on one page for schools and partners (each with its QR code image)."""

PATH = "nha-truong-va-doi-tac.md"


def stage(ctx: StageContext) -> list[Staged]:
    up = ctx.up(PATH)
    base = ctx.site.base_url.rstrip("/")
    default_name = ctx.site.language(ctx.default).name
    materials = []
    for slug, (page, fallback, _) in ctx.pick(ctx.content.materials).items():
        meta: Any = page.meta
        code = short_code(origin(f"materials/{slug}.md", list(meta.aliases)))
        materials.append(
            {
                "path": f"materials/{slug}.md",
                "title": meta.title,
                "short_url": f"{base}/l/{code}/",
                "short_href": "../" + up + (f"l/{code}/" if ctx.options.directory_urls else f"l/{code}.html"),
                "leaflet": ctx.leaflet_href(PATH, slug, fallback),
                "leaflet_lang": ctx.default if fallback else None,
                "leaflet_lang_name": default_name,
                "order": meta.order,
            }
        )
    materials.sort(key=lambda m: (m["order"], m["title"]))
    posters = (
        [{"name": ctx.loc(a.name), "href": up + poster_path(a.id)} for a in ctx.content.audiences]
        if ctx.options.print_
        else []
    )
    return paged(
        ctx,
        PATH,
        ctx.t("for_schools"),
        "schools.md.j2",
        [{"title": "", "anchor": "", "items": materials}],
        kind="doc",
        data={"order": 80},
        per_page=SCHOOLS_PER_PAGE,
        layout=NO_MENU_TOC,
        description=ctx.t("for_schools_intro"),
        posters=posters,
        directory_urls=ctx.options.directory_urls,
    )
