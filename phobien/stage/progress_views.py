"""Progress as the pages show it, on the web and on paper: bars, parts, late tasks first, what an
agency leads and partners on, and the late tasks of every plan by province and agency.

A task is in exactly one category of a bar: done, dropped, late (its deadline has passed and no
report says done or dropped), in progress, not started (a report says so) or not reported (no
report names it). "Not reported" is kept apart from "not started" because no report is not a
statement that nothing was done."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cached_property
from typing import Any

from phobien.core.text import anchor, fold
from phobien.load import Content
from phobien.model.report import period_bounds
from phobien.stage.progress import TaskProgress, plan_progress, reports_of

CATEGORIES = ("done", "in_progress", "late", "not_started", "not_reported", "dropped")
"""The parts of a bar, in the order they are drawn and named."""

DUE_NEXT = 10
"""How many tasks a 'due next' list shows."""


def category(row: TaskProgress) -> str:
    """The one part of a bar a task counts in."""
    if row.status in ("done", "dropped"):
        return row.status
    if row.late:
        return "late"
    if row.report is None:
        return "not_reported"
    return row.status


def bar(rows: list[TaskProgress]) -> dict[str, Any]:
    """How many tasks fall in each category, with the place of each part of the bar (0-100)."""
    total = len(rows)
    tally = {c: 0 for c in CATEGORIES}
    for row in rows:
        tally[category(row)] += 1
    parts, x = [], 0.0
    for c in CATEGORIES:
        width = 100.0 * tally[c] / total if total else 0.0
        if tally[c]:
            parts.append({"key": c, "n": tally[c], "x": round(x, 3), "width": round(width, 3)})
        x += width
    done_pct = round(100 * tally["done"] / total) if total else 0
    return {"total": total, "counts": tally, "parts": parts, "done_pct": done_pct}


def period_label(t: Any, period: str) -> str:
    """'Năm 2024' / 'Quý 3 năm 2024' in the reader's language."""
    first, _ = period_bounds(period)
    if "-q" in period:
        return str(t("report_period_quarter", n=period[-1], year=first.year))
    return str(t("report_period_year", year=first.year))


def number(value: float, lang: str) -> str:
    """``3200.0`` as '3.200' in Vietnamese, '3,200' in other languages."""
    whole = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return whole.replace(",", "\x00").replace(".", ",").replace("\x00", ".") if lang == "vi" else whole


def late_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Late tasks, the longest late first."""
    return sorted((r for r in rows if r["category"] == "late"), key=lambda r: (-r["days_late"], r["plan"], r["id"]))


def due_next(rows: list[dict[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """Open tasks with a deadline still ahead, the nearest first."""
    ahead = [r for r in rows if r["due"] and r["due"] >= today and r["category"] not in ("done", "dropped")]
    return sorted(ahead, key=lambda r: (r["due"], r["plan"], r["id"]))[:DUE_NEXT]


class ProgressViews:
    """The progress views of one language on one day."""

    def __init__(self, content: Content, today: dt.date, lang: str, t: Any, agency_name: Any) -> None:
        self.content = content
        self.today = today
        self.lang = lang
        self.t = t
        self.agency_name = agency_name
        self._rows: dict[str, list[TaskProgress]] = {}

    @cached_property
    def _by_agency(self) -> dict[str, dict[str, list[tuple[str, TaskProgress]]]]:
        """The tasks each agency leads and partners on, (plan, row) in the order of the plans and
        their tasks: read once for all agency pages (rather than every task for each agency)."""
        found: dict[str, dict[str, list[tuple[str, TaskProgress]]]] = {}
        for pid in sorted(self.content.plans):
            for row in self.rows(pid):
                for role in ("lead", "partners"):
                    for agency in dict.fromkeys(a.agency for a in getattr(row.task, role)):
                        found.setdefault(agency, {"lead": [], "partners": []})[role].append((pid, row))
        return found

    def rows(self, plan_id: str) -> list[TaskProgress]:
        if plan_id not in self._rows:
            self._rows[plan_id] = plan_progress(self.content, plan_id, self.today)
        return self._rows[plan_id]

    def figure(self, f: Any) -> dict[str, Any]:
        pct = min(100.0, 100.0 * f.reached / f.planned) if f.planned else 0.0
        return {
            "text": f.text,
            "reached": number(f.reached, self.lang),
            "planned": number(f.planned, self.lang),
            "unit": f.unit,
            "pct": round(pct, 1),
        }

    def task(self, row: TaskProgress, plan_id: str) -> dict[str, Any]:
        """One task with its state, for the lists of a plan, an agency and the overview."""
        plan = self.content.plans[plan_id]
        text = row.task.text
        return {
            "plan": plan_id,
            "plan_label": plan.number or plan.title[:60],
            "id": row.task.id,
            "path": f"plans/{plan_id}.md",
            "anchor": f"t-{anchor(row.task.id)}",
            "text": text if len(text) < 200 else text[:197] + "…",
            "category": category(row),
            "due": row.due,
            "deadline": row.task.deadline.as_written if row.task.deadline else "",
            "days_late": (self.today - row.due).days if row.late and row.due else 0,
            "lead": [self.agency_name(a.agency) for a in row.task.lead],
            "reported_on": row.reported_on,
            "report": row.report,
            "example": row.example,
            "figures": [self.figure(f) for f in row.figures],
        }

    def report_link(self, key: str, report: Any) -> dict[str, Any]:
        return {
            "path": f"reports/{key}.md",
            "label": period_label(self.t, report.period),
            "date": report.date,
            "example": report.example,
            "by": self.agency_name(report.reported_by),
            "number": report.number,
        }

    def plan(self, plan_id: str) -> dict[str, Any]:
        """A plan's progress: overall, per part, late tasks first, due next, its reports."""
        rows = self.rows(plan_id)
        titles = {s.id: s.title for s in self.content.plans[plan_id].sections}
        parts: dict[str, list[TaskProgress]] = {}
        for row in rows:
            parts.setdefault(row.task.section or "", []).append(row)
        views = [self.task(r, plan_id) for r in rows]
        reports = reports_of(self.content, plan_id)
        return {
            "bar": bar(rows),
            "parts": [
                {"id": sid, "title": titles.get(sid, ""), "anchor": anchor(sid or "x"), "bar": bar(part)}
                for sid, part in parts.items()
            ],
            "late": late_first(views),
            "due_next": due_next(views, self.today),
            "reports": [self.report_link(key, r) for key, r in reversed(reports)],
            "examples": any(r.example for _, r in reports),
            "with_figures": [v for v in views if v["figures"]],
        }

    def agency(self, agency_id: str) -> list[dict[str, Any]]:
        """What an agency leads and what it partners on: a bar, late tasks, due next, done."""
        mine = self._by_agency.get(agency_id) or {"lead": [], "partners": []}
        result = []
        for role, found in mine.items():
            views = [self.task(r, pid) for pid, r in found]
            result.append(
                {
                    "role": role,
                    "bar": bar([r for _, r in found]),
                    "late": late_first(views),
                    "due_next": due_next(views, self.today),
                    "done": [v for v in views if v["category"] == "done"],
                    "examples": any(v["example"] for v in views),
                }
            )
        return result

    def late_by_place(self, province_name: Any) -> list[dict[str, Any]]:
        """Late tasks of every plan, by the province of the plan's issuer, then by lead agency."""
        agencies = {a.id: a for a in self.content.agencies}
        tree: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for pid, plan in sorted(self.content.plans.items()):
            issuer = agencies.get(plan.issuer)
            province = issuer.province if issuer and issuer.province else ""
            for row in self.rows(pid):
                if row.late:
                    view = self.task(row, pid)
                    for lead in row.task.lead or [None]:
                        tree[province][lead.agency if lead else ""].append(view)
        places = []
        for province in sorted(tree, key=lambda p: (p == "", fold(province_name(p)) if p else "")):
            groups = [
                {"agency": aid, "name": self.agency_name(aid) if aid else "", "tasks": late_first(tasks)}
                for aid, tasks in sorted(
                    tree[province].items(), key=lambda kv: (kv[0] == "", fold(self.agency_name(kv[0])))
                )
            ]
            places.append(
                {
                    "id": province,
                    "name": province_name(province) if province else "",
                    "anchor": f"p-{province or 'central'}",
                    "agencies": groups,
                    "count": len({(x["plan"], x["id"]) for g in groups for x in g["tasks"]}),
                    "examples": any(x["example"] for g in groups for x in g["tasks"]),
                }
            )
        return places
