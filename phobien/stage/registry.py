"""Pages for officials and journalists: plans, the deadlines view, agencies, legal documents.

Plan texts stay in Vietnamese in every language; labels and summaries are translated.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from phobien.core.text import anchor
from phobien.stage.staged import NO_MENU, Staged, legal_label

if TYPE_CHECKING:
    from phobien.model.plan import Task
    from phobien.stage.pages import Stager


def stage_plans(stager: Stager) -> None:
    items = []
    for pid, plan in sorted(stager.content.plans.items()):
        path = f"plans/{pid}.md"
        sections = {s.id: s for s in plan.sections}
        by_section: dict[str, dict[str, Any]] = {}
        for task in plan.tasks:
            sid = task.section or ""
            if sid not in by_section:  # one fold per part, even when its tasks are not in a row
                sec = sections.get(sid)
                by_section[sid] = {
                    "id": sid,
                    "title": sec.title if sec else "",
                    "anchor": anchor(sid or "x"),
                    "tasks": [],
                }
            by_section[sid]["tasks"].append(_task_view(stager, task))
        groups = list(by_section.values())
        legal = []
        for ref in plan.legal_basis:
            found = stager.legal_ref(ref)
            if found:
                legal.append({"id": found[0], "label": legal_label(*found)})
        period = plan.period.as_written or "–".join(str(y) for y in (plan.period.start_year, plan.period.end_year) if y)
        status = stager.plan_status(plan)
        body = stager.render(
            "plan.md.j2",
            path,
            plan=plan,
            summary=stager.loc_html(plan.summary),
            issuer_name=stager.agency_name(plan.issuer),
            period=period,
            status=status,
            legal=legal,
            groups=groups,
            by_agency=_by_lead(groups),
        )
        stager.pages.append(
            Staged(path, plan.title, body, kind="plan", layout=NO_MENU, description=stager.loc(plan.summary) or None)
        )
        items.append(
            {"path": path, "title": plan.title, "note": stager.t("plan_" + status), "summary": stager.loc(plan.summary)}
        )
    stager.section_list("plans", items)


def _task_view(stager: Stager, task: Task) -> dict[str, Any]:
    """One task of a plan as the plan page shows it."""
    return {
        "id": task.id,
        "anchor": anchor(task.id),
        "text": task.text,
        "output": task.output,
        "deadline": task.deadline,
        "lead": [
            {"agency": a.agency, "name": stager.agency_name(a.agency), "requested": a.requested} for a in task.lead
        ],
        "partners": [
            {"agency": a.agency, "name": stager.agency_name(a.agency), "requested": a.requested} for a in task.partners
        ],
    }


def _by_lead(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each lead agency of a plan with its tasks (most tasks first): one agency's share at a glance."""
    leads: dict[str, dict[str, Any]] = {}
    for group in groups:
        for task in group["tasks"]:
            for a in task["lead"]:
                entry = leads.setdefault(a["agency"], {"agency": a["agency"], "name": a["name"], "tasks": []})
                entry["tasks"].append({"id": task["id"], "anchor": task["anchor"]})
    return sorted(leads.values(), key=lambda e: (-len(e["tasks"]), e["name"]))


def stage_deadlines(stager: Stager) -> None:
    """Tasks by deadline: dated ones in time order, then yearly, tied to a decision, other."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    today = stager.options.today
    for pid, plan in sorted(stager.content.plans.items()):
        for task in plan.tasks:
            d = task.deadline
            kind = d.kind if d else "unspecified"
            if kind in ("date", "year", "range"):
                due = d.date if d and d.date else dt.date(d.end_year or 9999, 12, 31) if d else None
                group = "dated"
            elif kind == "yearly":
                group, due = "yearly", None
            elif kind == "decision":
                group, due = "decision", None
            else:
                group, due = "other", None
            groups[group].append(
                {
                    "deadline": d.as_written if d else stager.t("no_deadline"),
                    "due": due,
                    "past": due is not None and due < today,
                    "path": f"plans/{pid}.md",
                    "anchor": f"t-{anchor(task.id)}",
                    "plan": plan.number or plan.title[:60],
                    "task_id": task.id,
                    "text": task.text if len(task.text) < 200 else task.text[:197] + "…",
                    "lead": "; ".join(stager.agency_name(a.agency) for a in task.lead),
                }
            )
    groups["dated"].sort(key=lambda x: x["due"])
    order = [
        ("dated", "deadlines_dated"),
        ("yearly", "deadlines_yearly"),
        ("decision", "deadlines_decision"),
        ("other", "deadlines_other"),
    ]
    view = [{"id": gid, "title": stager.t(key), "items": groups[gid]} for gid, key in order if groups.get(gid)]
    path = "plans/deadlines.md"
    stager.paged(path, stager.t("deadlines"), "deadlines.md.j2", view, kind="deadlines", data={"order": 1})


def stage_agencies(stager: Stager) -> None:
    roles: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"lead": [], "partners": []})
    for pid, plan in sorted(stager.content.plans.items()):
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
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for agency in stager.content.agencies:
        path = f"agencies/{agency.id}.md"
        successors = [
            {
                "name": stager.agency_name(s) if s != "unknown" else stager.t("unknown"),
                "path": f"agencies/{s}.md" if s in stager.agencies else None,
            }
            for s in agency.succeeded_by
        ] or [{"name": stager.t("unknown"), "path": None}]
        mine = roles.get(agency.id, {"lead": [], "partners": []})
        body = stager.render(
            "agency.md.j2",
            path,
            agency=agency,
            successors=successors,
            roles=[
                {"id": "lead", "title": stager.t("as_lead"), "tasks": mine["lead"]},
                {"id": "partner", "title": stager.t("as_partner"), "tasks": mine["partners"]},
            ],
        )
        stager.pages.append(Staged(path, stager.agency_name(agency.id), body, kind="agency", layout=NO_MENU))
        n = len(mine["lead"]) + len(mine["partners"])
        groups[agency.level].append(
            {
                "path": path,
                "title": stager.agency_name(agency.id),
                "note": stager.t("tasks_count", n=n) if n else "",
                "summary": "",
            }
        )
    list_groups = [
        {"title": stager.t("level_" + level), "anchor": level, "items": groups[level]}
        for level in ("central", "province", "district", "commune")
        if groups.get(level)
    ]
    stager.paged("agencies/index.md", stager.t("agencies"), "list.md.j2", list_groups, intro=stager.t("agencies_intro"))


def stage_legal(stager: Stager) -> None:
    cited: dict[str, list[dict[str, str]]] = defaultdict(list)
    for pid, plan in sorted(stager.content.plans.items()):
        for ref in plan.legal_basis:
            found = stager.legal_ref(ref)
            if found:
                cited[found[0]].append({"path": f"plans/{pid}.md", "title": plan.title})
    for slug, (page, _, _) in stager.pick(stager.content.materials).items():
        for ref in page.meta.legal_refs:  # type: ignore[attr-defined]
            found = stager.legal_ref(ref)
            if found:
                cited[found[0]].append({"path": f"materials/{slug}.md", "title": page.meta.title})
    items: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc_id, doc in sorted(stager.content.legal.items()):
        path = f"legal/{doc_id}.md"
        successor = None
        if doc.superseded_by and doc.superseded_by in stager.content.legal:
            successor = {
                "path": f"legal/{doc.superseded_by}.md",
                "label": legal_label(doc.superseded_by, stager.content.legal[doc.superseded_by]),
            }
        body = stager.render("legal.md.j2", path, doc=doc, successor=successor, cited_by=cited.get(doc_id, []))
        stager.pages.append(Staged(path, legal_label(doc_id, doc), body, kind="legal", layout=NO_MENU))
        items[doc.status].append({"path": path, "title": legal_label(doc_id, doc), "note": "", "summary": ""})
    groups = [
        {"title": stager.t("status_" + s), "anchor": s, "items": items[s]}
        for s in ("in_force", "not_yet_in_force", "superseded", "expired", "unknown")
        if items.get(s)
    ]
    stager.paged("legal/index.md", stager.t("legal"), "list.md.j2", groups, intro=stager.t("legal_intro"))
