"""A page per plan (its tasks folded by part of the document, and listed by lead agency) and their list.

Plan texts stay in Vietnamese in every language; labels and summaries are translated.
"""

from __future__ import annotations

from typing import Any

from phobien.core.text import anchor
from phobien.model.plan import Plan, Task
from phobien.stage import views
from phobien.stage.closed import agency_ref
from phobien.stage.context import StageContext
from phobien.stage.lists import section_list
from phobien.stage.plan_changes import plan_changes
from phobien.stage.progress_views import ProgressViews
from phobien.stage.staged import NO_MENU, Staged


def _groups(ctx: StageContext, plan: Plan) -> list[dict[str, Any]]:
    """The plan's tasks, one group (one fold) per part of the plan, in the order the parts
    first appear, even when a part's tasks are not in a row."""
    sections = {s.id: s for s in plan.sections}
    by_section: dict[str, dict[str, Any]] = {}
    for task in plan.tasks:
        sid = task.section or ""
        if sid not in by_section:
            sec = sections.get(sid)
            by_section[sid] = {"id": sid, "title": sec.title if sec else "", "anchor": anchor(sid or "x"), "tasks": []}
        by_section[sid]["tasks"].append(_task_view(ctx, task))
    return list(by_section.values())


def _task_view(ctx: StageContext, task: Task) -> dict[str, Any]:
    """One task of a plan as the plan page shows it."""
    return {
        "id": task.id,
        "anchor": anchor(task.id),
        "text": task.text,
        "output": task.output,
        "deadline": task.deadline,
        "lead": [agency_ref(ctx, a.agency, requested=a.requested) for a in task.lead],
        "partners": [agency_ref(ctx, a.agency, requested=a.requested) for a in task.partners],
    }


def _by_lead(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each lead agency of a plan with its tasks (most tasks first): one agency's share at a glance."""
    leads: dict[str, dict[str, Any]] = {}
    for group in groups:
        for task in group["tasks"]:
            for a in task["lead"]:
                entry = leads.setdefault(a["agency"], {**a, "tasks": []})
                entry["tasks"].append({"id": task["id"], "anchor": task["anchor"]})
    return sorted(leads.values(), key=lambda e: (-len(e["tasks"]), e["name"]))


def stage(ctx: StageContext) -> list[Staged]:
    pages = []
    items = []
    progress = ProgressViews(ctx.content, ctx.options.today, ctx.lang, ctx.t, ctx.agency_name)
    for pid, plan in sorted(ctx.content.plans.items()):
        path = f"plans/{pid}.md"
        legal = [views.legal_status(*found) for found in map(ctx.legal_ref, plan.legal_basis) if found]
        period = plan.period.as_written or "–".join(str(y) for y in (plan.period.start_year, plan.period.end_year) if y)
        status = views.plan_status(plan, ctx.options.today)
        groups = _groups(ctx, plan)
        body = ctx.render(
            "plan.md.j2",
            path,
            plan=plan,
            summary=ctx.loc_html(plan.summary),
            issuer_name=ctx.agency_name(plan.issuer),
            issuer=agency_ref(ctx, plan.issuer),
            changes=plan_changes(ctx, plan),
            period=period,
            status=status,
            legal=legal,
            groups=groups,
            by_agency=_by_lead(groups),
            progress=progress.plan(pid),
            plan_id=pid,
        )
        summary = ctx.loc(plan.summary)
        pages.append(Staged(path, plan.title, body, kind="plan", layout=NO_MENU, description=summary or None))
        items.append({"path": path, "title": plan.title, "note": ctx.t("plan_" + status), "summary": summary})
    return pages + section_list(ctx, "plans", items)
