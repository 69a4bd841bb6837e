"""A page per plan (tasks grouped as in the document) and their list.

Plan texts stay in Vietnamese in every language; labels and summaries are translated.
"""

from __future__ import annotations

from typing import Any

from phobien.core.text import anchor
from phobien.model.plan import Plan
from phobien.stage import views
from phobien.stage.context import StageContext
from phobien.stage.lists import section_list
from phobien.stage.staged import NO_MENU, Staged


def _groups(ctx: StageContext, plan: Plan) -> list[dict[str, Any]]:
    """The plan's tasks, one group per run of tasks in the same section."""
    sections = {s.id: s for s in plan.sections}
    groups: list[dict[str, Any]] = []
    for task in plan.tasks:
        sid = task.section or ""
        if not groups or groups[-1]["id"] != sid:
            sec = sections.get(sid)
            groups.append({"id": sid, "title": sec.title if sec else "", "anchor": anchor(sid or "x"), "tasks": []})
        groups[-1]["tasks"].append(
            {
                "id": task.id,
                "anchor": anchor(task.id),
                "text": task.text,
                "output": task.output,
                "deadline": task.deadline,
                "lead": [
                    {"agency": a.agency, "name": ctx.agency_name(a.agency), "requested": a.requested} for a in task.lead
                ],
                "partners": [
                    {"agency": a.agency, "name": ctx.agency_name(a.agency), "requested": a.requested}
                    for a in task.partners
                ],
            }
        )
    return groups


def stage(ctx: StageContext) -> list[Staged]:
    pages = []
    items = []
    for pid, plan in sorted(ctx.content.plans.items()):
        path = f"plans/{pid}.md"
        legal = [views.legal_status(*found) for found in map(ctx.legal_ref, plan.legal_basis) if found]
        period = plan.period.as_written or "–".join(str(y) for y in (plan.period.start_year, plan.period.end_year) if y)
        status = views.plan_status(plan, ctx.options.today)
        body = ctx.render(
            "plan.md.j2",
            path,
            plan=plan,
            summary=ctx.loc_html(plan.summary),
            issuer_name=ctx.agency_name(plan.issuer),
            period=period,
            status=status,
            legal=legal,
            groups=_groups(ctx, plan),
        )
        summary = ctx.loc(plan.summary)
        pages.append(Staged(path, plan.title, body, kind="plan", layout=NO_MENU, description=summary or None))
        items.append({"path": path, "title": plan.title, "note": ctx.t("plan_" + status), "summary": summary})
    return pages + section_list(ctx, "plans", items)
