"""Tasks of every plan by deadline: dated ones in time order, then yearly, tied to a decision, other."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from phobien.core.text import anchor
from phobien.model.plan import Deadline
from phobien.stage.context import StageContext
from phobien.stage.lists import paged
from phobien.stage.staged import Staged

_ORDER = (
    ("dated", "deadlines_dated"),
    ("yearly", "deadlines_yearly"),
    ("decision", "deadlines_decision"),
    ("other", "deadlines_other"),
)


def _group(d: Deadline | None) -> tuple[str, dt.date | None]:
    """The group of a deadline and, for a dated one, the day it is due."""
    kind = d.kind if d else "unspecified"
    if d is not None and kind in ("date", "year", "range"):
        return "dated", d.date if d.date else dt.date(d.end_year or 9999, 12, 31)
    if kind in ("yearly", "decision"):
        return kind, None
    return "other", None


def stage(ctx: StageContext) -> list[Staged]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pid, plan in sorted(ctx.content.plans.items()):
        for task in plan.tasks:
            d = task.deadline
            group, due = _group(d)
            groups[group].append(
                {
                    "deadline": d.as_written if d else ctx.t("no_deadline"),
                    "due": due,
                    "past": due is not None and due < ctx.options.today,
                    "path": f"plans/{pid}.md",
                    "anchor": f"t-{anchor(task.id)}",
                    "plan": plan.number or plan.title[:60],
                    "task_id": task.id,
                    "text": task.text if len(task.text) < 200 else task.text[:197] + "…",
                    "lead": "; ".join(ctx.agency_name(a.agency) for a in task.lead),
                }
            )
    groups["dated"].sort(key=lambda x: x["due"])
    view = [{"id": gid, "title": ctx.t(key), "items": groups[gid]} for gid, key in _ORDER if groups.get(gid)]
    title = ctx.t("deadlines")
    return paged(ctx, "plans/deadlines.md", title, "deadlines.md.j2", view, kind="deadlines", data={"order": 1})
