"""Where a plan stands: the latest reported status of each task, and which tasks are late.

"Late" is never typed by an editor: a task is late when its deadline has passed on the day of
the build and no report says it is done or dropped. Only deadlines that name a day or a year
can pass; recurring duties (yearly, quarterly, ongoing) are never late as a whole."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from phobien.load import Content
from phobien.model.plan import Deadline, Plan, Task
from phobien.model.report import Report, TaskReport, period_bounds

STATUSES = ("done", "in_progress", "not_started", "dropped")


def due_date(deadline: Deadline | None) -> dt.date | None:
    """The last day a task may be done, when its deadline has one."""
    if deadline is None:
        return None
    if deadline.kind == "date":
        return deadline.date
    if deadline.kind in ("year", "range") and deadline.end_year:
        return dt.date(deadline.end_year, 12, 31)
    return None


@dataclass
class Figure:
    target: str
    text: str
    planned: float
    reached: float
    unit: str


@dataclass
class TaskProgress:
    """One task as its latest report leaves it."""

    task: Task
    status: str = "not_started"
    late: bool = False
    due: dt.date | None = None
    done: str | None = None
    report: str | None = None
    """Key of the latest report that mentions it ('<plan>/<period>'), if any."""
    reported_on: dt.date | None = None
    reported_by: str | None = None
    example: bool = False
    figures: list[Figure] = field(default_factory=list)


def reports_of(content: Content, plan_id: str, examples: bool = True) -> list[tuple[str, Report]]:
    """The reports on a plan, oldest period first (then by date)."""
    found = [(key, r) for key, r in content.reports.items() if r.plan == plan_id and (examples or not r.example)]
    return sorted(found, key=lambda kr: (period_bounds(kr[1].period)[1], kr[1].date))


def _apply(progress: TaskProgress, key: str, report: Report, entry: TaskReport) -> None:
    progress.status = entry.status
    progress.done = entry.done
    progress.report = key
    progress.reported_on = report.date
    progress.reported_by = entry.agency or report.reported_by
    progress.example = report.example
    targets = {t.id: t for t in progress.task.targets}
    progress.figures = [
        Figure(f.target, targets[f.target].text, targets[f.target].value, f.value, f.unit)
        for f in entry.figures
        if f.target in targets
    ]


def plan_progress(content: Content, plan_id: str, today: dt.date, examples: bool = True) -> list[TaskProgress]:
    """Every task of the plan with its latest reported state, in the plan's order."""
    plan: Plan = content.plans[plan_id]
    rows = {task.id: TaskProgress(task, due=due_date(task.deadline)) for task in plan.tasks}
    for key, report in reports_of(content, plan_id, examples):
        for entry in report.tasks:
            if entry.task in rows:
                _apply(rows[entry.task], key, report, entry)
    for row in rows.values():
        row.late = row.due is not None and row.due < today and row.status not in ("done", "dropped")
    return list(rows.values())


def counts(rows: list[TaskProgress]) -> dict[str, int]:
    """How many tasks have each status, and how many are late."""
    tally = Counter(r.status for r in rows)
    return {**{s: tally.get(s, 0) for s in STATUSES}, "late": sum(r.late for r in rows), "total": len(rows)}
