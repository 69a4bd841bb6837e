"""A page per audience ("I am …"): its hotlines, its materials, and for officials the plans."""

from __future__ import annotations

from typing import Any

from phobien.stage.context import StageContext
from phobien.stage.staged import NO_MENU_TOC, Staged


def _official_tasks(ctx: StageContext) -> list[dict[str, str]]:
    return [
        {"path": f"plans/{pid}.md", "title": plan.title, "note": ctx.t("tasks_count", n=len(plan.tasks))}
        for pid, plan in sorted(ctx.content.plans.items())
    ]


def stage(ctx: StageContext) -> list[Staged]:
    materials: list[tuple[Any, dict[str, str]]] = []
    for slug, (page, _, _) in ctx.pick(ctx.content.materials).items():
        meta: Any = page.meta
        item = {"path": f"materials/{slug}.md", "title": meta.title, "summary": meta.summary}
        materials.append((meta, item))
    materials.sort(key=lambda mi: (mi[0].order, mi[0].title))
    pages = []
    for audience in ctx.content.audiences:
        path = f"{audience.id}.md"
        body = ctx.render(
            "audience.md.j2",
            path,
            intro=ctx.loc_html(audience.intro),
            hotlines=ctx.hotline_views(list(audience.hotlines)),
            materials=[item for meta, item in materials if audience.id in meta.audiences],
            tasks=_official_tasks(ctx) if not audience.citizen else [],
        )
        pages.append(
            Staged(
                path,
                ctx.loc(audience.name),
                body,
                kind="audience",
                layout=NO_MENU_TOC,
                description=ctx.loc(audience.intro),
                data={"hotlines": list(audience.hotlines)},
            )
        )
    return pages
