"""Reports on plans: the plan and its tasks exist, the period lies in the plan's, figures count
against targets the task has, in the same unit, and the reporting body has a part in the task."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.load.lookup import Index, References
from phobien.load.tree import Content
from phobien.model.plan import Plan, Task
from phobien.model.report import Report, TaskReport, period_bounds


def _period_fits(plan: Plan, period: str) -> bool:
    first, last = period_bounds(period)
    start, end = plan.period.start_year, plan.period.end_year
    return (start is None or last.year >= start) and (end is None or first.year <= end)


def _check_task(
    content: Content, report: Report, t: int, entry: TaskReport, task: Task, refs: References, diags: Diagnostics
) -> None:
    if entry.status == "done" and not entry.done:
        diags.error(
            content.pos(report, "tasks", t, "status"),
            f"task {task.id} is reported 'done' but nothing says what was done; add 'done:' with a sentence",
        )
    targets = {target.id: target for target in task.targets}
    for f, figure in enumerate(entry.figures):
        target = targets.get(figure.target)
        if target is None:
            have = ", ".join(targets) or "none"
            diags.error(
                content.pos(report, "tasks", t, "figures", f, "target"),
                f"task {task.id} has no target '{figure.target}' (its targets: {have}); name one of its targets "
                "or add the target to the task in the plan",
            )
        elif figure.unit.casefold() != target.unit.casefold():
            diags.error(
                content.pos(report, "tasks", t, "figures", f, "unit"),
                f"target '{target.id}' of task {task.id} is counted in '{target.unit}', not '{figure.unit}'; "
                f"give the figure in '{target.unit}'",
            )
    agency = entry.agency or report.reported_by
    if entry.agency:
        refs.agencies.check(diags, content.pos(report, "tasks", t, "agency"), entry.agency)
    involved = {a.agency for a in [*task.lead, *task.partners]}
    if involved and agency not in involved and agency in refs.agencies.known:
        field = ("tasks", t, "agency") if entry.agency else ("reported_by",)
        diags.warning(
            content.pos(report, *field),
            f"'{agency}' is neither lead nor partner of task {task.id} ({', '.join(sorted(involved))}); "
            "check the task or name the agency that did it with 'agency:'",
        )


def _check_report(content: Content, key: str, report: Report, refs: References, diags: Diagnostics) -> None:
    folder, _, period = key.partition("/")
    if report.plan != folder:
        diags.error(
            content.pos(report, "plan"),
            f"the report is in content/reports/{folder}/ but names plan '{report.plan}'; "
            "move the file or correct 'plan'",
        )
    if report.period != period:
        diags.error(
            content.pos(report, "period"),
            f"the file is named {period}.yml but its period is '{report.period}'; rename the file or correct 'period'",
        )
    refs.agencies.check(diags, content.pos(report, "reported_by"), report.reported_by)
    plan = content.plans.get(report.plan)
    if plan is None:
        if f"plans/{report.plan}" not in content.broken:
            Index("plan", content.plans, "content/plans/").check(diags, content.pos(report, "plan"), report.plan)
        return
    if not _period_fits(plan, report.period):
        years = f"{plan.period.start_year or '…'}–{plan.period.end_year or '…'}"
        diags.error(
            content.pos(report, "period"),
            f"the period '{report.period}' is outside the plan's years ({years}); correct 'period'",
        )
    tasks = {task.id: task for task in plan.tasks}
    index = Index("task", list(tasks), f"the tasks of content/plans/{report.plan}.yml")
    seen: dict[str, int] = {}
    for t, entry in enumerate(report.tasks):
        if entry.task in seen:
            diags.error(
                content.pos(report, "tasks", t, "task"),
                f"task {entry.task} is reported twice (also entry {seen[entry.task] + 1}); keep one entry per task",
            )
        seen.setdefault(entry.task, t)
        task = tasks.get(entry.task)
        if task is None:
            index.check(diags, content.pos(report, "tasks", t, "task"), entry.task)
        else:
            _check_task(content, report, t, entry, task, refs, diags)


def check_reports(content: Content, refs: References, diags: Diagnostics) -> None:
    for key, report in content.reports.items():
        _check_report(content, key, report, refs, diags)
