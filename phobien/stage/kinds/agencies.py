"""A page per agency (its tasks as lead and as partner, its successors) and their list by level."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from phobien.core.text import anchor
from phobien.stage.closed import closed_view, event_view, successor_views
from phobien.stage.context import StageContext
from phobien.stage.lists import paged
from phobien.stage.progress_views import ProgressViews
from phobien.stage.staged import NO_MENU, Staged

Roles = dict[str, dict[str, list[dict[str, Any]]]]


def _roles(ctx: StageContext) -> Roles:
    """For each agency: the tasks it leads and those it is a partner in."""
    roles: Roles = defaultdict(lambda: {"lead": [], "partners": []})
    for pid, plan in sorted(ctx.content.plans.items()):
        for task in plan.tasks:
            for role in ("lead", "partners"):
                for a in getattr(task, role):
                    roles[a.agency][role].append(
                        {
                            "path": f"plans/{pid}.md",
                            "anchor": f"t-{anchor(task.id)}",
                            "plan": plan.number or plan.title,
                            "task_id": task.id,
                            "text": task.text if len(task.text) < 240 else task.text[:237] + "…",
                            "deadline": task.deadline.as_written if task.deadline else "",
                        }
                    )
    return roles


def stage(ctx: StageContext) -> list[Staged]:
    roles = _roles(ctx)
    progress = ProgressViews(ctx.content, ctx.options.today, ctx.lang, ctx.t, ctx.agency_name)
    pages = []
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for agency in ctx.content.agencies:
        path = f"agencies/{agency.id}.md"
        closure = ctx.closures.get(agency.id)
        mine = roles.get(agency.id, {"lead": [], "partners": []})
        body = ctx.render(
            "agency.md.j2",
            path,
            agency=agency,
            closed=closed_view(ctx, agency.id),
            successors=successor_views(ctx, closure) if closure else [],
            event=event_view(ctx, closure) if closure else None,
            progress=progress.agency(agency.id),
            roles=[
                {"id": "lead", "title": ctx.t("as_lead"), "tasks": mine["lead"]},
                {"id": "partner", "title": ctx.t("as_partner"), "tasks": mine["partners"]},
            ],
        )
        pages.append(Staged(path, ctx.agency_name(agency.id), body, kind="agency", layout=NO_MENU))
        n = len(mine["lead"]) + len(mine["partners"])
        note = ctx.t("tasks_count", n=n) if n else ""
        item = {"path": path, "title": ctx.agency_name(agency.id), "note": note, "summary": ""}
        groups[agency.level].append({**item, "closed": closed_view(ctx, agency.id)})
    list_groups = [
        {"title": ctx.t("level_" + level), "anchor": level, "items": groups[level]}
        for level in ("central", "province", "district", "commune")
        if groups.get(level)
    ]
    intro = ctx.t("agencies_intro")
    return pages + paged(ctx, "agencies/index.md", ctx.t("agencies"), "list.md.j2", list_groups, intro=intro)
