"""A page per report (plan and period) and the overview of late tasks of every plan, by
province and lead agency. Report texts stay in Vietnamese in every language."""

from __future__ import annotations

from typing import Any

from phobien.core.text import anchor
from phobien.model.report import Report
from phobien.stage.context import StageContext
from phobien.stage.progress import TaskProgress
from phobien.stage.progress_views import ProgressViews, bar, period_label
from phobien.stage.staged import NO_MENU, Staged
from phobien.stage.urls import report_pdf_path


def report_entries(views: ProgressViews, key: str, report: Report) -> list[dict[str, Any]]:
    """The tasks a report names, in the plan's order, each with what the report says of it."""
    plan = views.content.plans[report.plan]
    order = {task.id: n for n, task in enumerate(plan.tasks)}
    tasks = {task.id: task for task in plan.tasks}
    entries = []
    for entry in sorted((e for e in report.tasks if e.task in tasks), key=lambda e: order[e.task]):
        task = tasks[entry.task]
        targets = {t.id: t for t in task.targets}
        row = TaskProgress(task, status=entry.status, report=key, done=entry.done, example=report.example)
        view = views.task(row, report.plan)
        view["category"] = entry.status  # what the report says, as it says it
        view["done"] = entry.done or ""
        view["agency"] = views.agency_name(entry.agency or report.reported_by)
        view["figures"] = [
            views.figure(_Figure(targets[f.target].text, targets[f.target].value, f.value, f.unit))
            for f in entry.figures
            if f.target in targets
        ]
        view["evidence"] = [e.model_dump() for e in entry.evidence]
        entries.append(view)
    return entries


class _Figure:
    def __init__(self, text: str, planned: float, reached: float, unit: str) -> None:
        self.text, self.planned, self.reached, self.unit = text, planned, reached, unit


def report_view(views: ProgressViews, key: str, report: Report) -> dict[str, Any]:
    """Everything a report's page and its PDF show."""
    plan = views.content.plans[report.plan]
    entries = report_entries(views, key, report)
    rows = [TaskProgress(t, status=e.status, report=key) for e in report.tasks for t in plan.tasks if t.id == e.task]
    return {
        "key": key,
        "report": report,
        "plan": plan,
        "plan_id": report.plan,
        "period": period_label(views.t, report.period),
        "by": views.agency_name(report.reported_by),
        "entries": entries,
        "bar": bar(rows),
        "sections": {s.id: s.title for s in plan.sections},
    }


def _report_pages(ctx: StageContext, views: ProgressViews) -> list[Staged]:
    pages = []
    for key, report in sorted(ctx.content.reports.items()):
        if report.plan not in ctx.content.plans:
            continue
        path = f"reports/{key}.md"
        view = report_view(views, key, report)
        pdf = ctx.up(path) + f"../{ctx.default}/" + report_pdf_path(key) if ctx.options.print_ else None
        body = ctx.render("report.md.j2", path, v=view, pdf=pdf)
        plan = view["plan"]
        title = f"{ctx.t('report')} {view['period'].lower() if ctx.lang == 'vi' else view['period']} · "
        title += plan.number or plan.title[:60]
        pages.append(Staged(path, title, body, kind="report", layout=NO_MENU))
    return pages


def _province_name(ctx: StageContext) -> Any:
    names = {p.id: p.name for p in ctx.content.provinces}
    return lambda pid: names.get(pid, pid)


def stage(ctx: StageContext) -> list[Staged]:
    views = ProgressViews(ctx.content, ctx.options.today, ctx.lang, ctx.t, ctx.agency_name)
    places = views.late_by_place(_province_name(ctx))
    path = "plans/late.md"
    body = ctx.render("late.md.j2", path, places=places, anchor=anchor)
    overview = Staged(path, ctx.t("late_overview"), body, kind="late", layout=NO_MENU, data={"order": 2})
    return [overview, *_report_pages(ctx, views)]
