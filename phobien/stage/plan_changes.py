""" "Since this plan was written": what changed for a plan, derived from the data, never typed per
plan: its period ended, its province was merged, bodies it names were closed (each event with
the text that set it), each law it rests on was replaced or amended."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phobien.load.validity import ONE_DAY
from phobien.model.plan import Plan
from phobien.stage import views
from phobien.stage.closed import agency_ref, event_view
from phobien.stage.context import StageContext
from phobien.stage.staged import legal_label

Change = dict[str, Any]


def named_agencies(plan: Plan) -> list[str]:
    """Every body the plan names (issuer, leads, partners, reporting), in order, once each."""
    ids = [plan.issuer]
    for task in plan.tasks:
        ids += [a.agency for a in (*task.lead, *task.partners)]
    for duty in plan.reporting:
        ids += [*duty.by, *duty.to]
    return list(dict.fromkeys(ids))


def _written(plan: Plan) -> dt.date | None:
    """The plan's date; when the text gives none, the start of the year before its period (a plan
    is not written earlier than that), else unknown."""
    if plan.date is not None:
        return plan.date
    return dt.date(plan.period.start_year - 1, 1, 1) if plan.period.start_year else None


def _after(plan: Plan, day: dt.date | None) -> bool:
    """Whether something that happened on ``day`` came after the plan was written (unknown: yes)."""
    written = _written(plan)
    return written is None or day is None or day > written


def plan_changes(ctx: StageContext, plan: Plan) -> list[Change]:
    changes: list[Change] = []
    if views.plan_status(plan, ctx.options.today) == "ended":
        changes.append({"text": ctx.t("plan_change_ended", n=plan.period.end_year)})
    changes += _province(ctx, plan)
    changes += _closed_bodies(ctx, plan)
    changes += _laws(ctx, plan)
    return changes


def _province(ctx: StageContext, plan: Plan) -> list[Change]:
    issuer = ctx.agencies.get(plan.issuer)
    provinces = {p.id: p for p in ctx.content.provinces}
    province = provinces.get(issuer.province or "") if issuer else None
    if province is None or province.valid_until is None or not _after(plan, province.valid_until):
        return []
    into = provinces.get(province.merged_into or "")
    text = ctx.t(
        "plan_change_province",
        name=province.name,
        by=into.name if into else ctx.t("unknown"),
        date=views.vndate(province.valid_until + ONE_DAY),
    )
    return [{"text": text}]


def _closed_bodies(ctx: StageContext, plan: Plan) -> list[Change]:
    """One change per event that closed bodies the plan names, with those bodies; bodies closed
    without an event of content/reorganisations.yml come last, together."""
    by_event: dict[str, Change] = {}
    others: list[dict[str, Any]] = []
    for aid in named_agencies(plan):
        closure = ctx.closures.get(aid)
        if closure is None or not _after(plan, closure.until):
            continue
        event = closure.event
        if event is None:
            others.append(agency_ref(ctx, aid))
            continue
        if event.id not in by_event:
            if not _after(plan, event.date):
                continue
            by_event[event.id] = {**(event_view(ctx, closure) or {}), "bodies": []}
        by_event[event.id]["bodies"].append(agency_ref(ctx, aid))
    ordered = sorted(by_event.values(), key=lambda c: (c["date"] is None, c["date"] or dt.date.min))
    if others:
        ordered.append({"text": ctx.t("plan_change_closed_other"), "bodies": others})
    return ordered


def _laws(ctx: StageContext, plan: Plan) -> list[Change]:
    changes: list[Change] = []
    for ref in plan.legal_basis:
        found = ctx.legal_ref(ref)
        if found is None:
            continue
        doc_id, doc = found
        label = legal_label(doc_id, doc)
        link = {"path": f"legal/{doc_id}.md", "label": ctx.t("status_" + doc.status)}
        if doc.status in ("superseded", "expired") and _after(plan, doc.superseded_on):
            successor = ctx.legal_ref(doc.superseded_by) if doc.superseded_by else None
            by = legal_label(*successor) if successor else ctx.t("unknown")
            key = "plan_change_law_replaced" if successor else "plan_change_law_ended"
            changes.append({"text": ctx.t(key, law=label, by=by), "date": doc.superseded_on, "link": link})
        for amending_id in doc.amended_by:
            amending = ctx.legal_ref(amending_id)
            if amending is None or not _after(plan, amending[1].signed):
                continue
            text = ctx.t("plan_change_law_amended", law=label, by=legal_label(*amending))
            short = amending[1].number or amending[0]
            changes.append(
                {"text": text, "date": amending[1].signed, "link": {"path": f"legal/{amending[0]}.md", "label": short}}
            )
    return changes
