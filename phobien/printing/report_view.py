"""The printable báo cáo of a report: every value its PDF shows, as plain JSON-able data.

The PDF follows the layout of a Vietnamese official report (issuing body and number on the left,
national title and motto on the right, place and date, title, numbered sections, a task table)
and shows only what the report file says, with the plan's own wording of its tasks and targets.
It is made in the default language only: the form and the report's words are Vietnamese."""

from __future__ import annotations

from typing import Any

from phobien.load import Content
from phobien.model.report import Report, period_bounds
from phobien.stage.context import StageContext
from phobien.stage.kinds.reports import report_view
from phobien.stage.progress_views import ProgressViews

ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
STATUS_VI = {
    "done": "Đã hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_started": "Chưa bắt đầu",
    "dropped": "Không thực hiện nữa",
}


def period_vi(period: str) -> str:
    """'năm 2024', 'quý II năm 2025': as a báo cáo names its period."""
    year = period_bounds(period)[0].year
    return f"quý {ROMAN[period[-1]]} năm {year}" if "-q" in period else f"năm {year}"


def _place(content: Content, report: Report) -> str:
    if report.place:
        return report.place
    agency = next((a for a in content.agencies if a.id == report.reported_by), None)
    names = {p.id: p.name for p in content.provinces}
    return names.get(agency.province or "", "") if agency else ""


def print_view(content: Content, key: str, report: Report, url: str) -> dict[str, Any]:
    """Everything the báo cáo of ``report`` shows."""
    ctx = StageContext(content, content.site.default_language)
    views = ProgressViews(content, ctx.options.today, ctx.lang, ctx.t, ctx.agency_name)
    view = report_view(views, key, report)
    plan = view["plan"]
    entries = [
        {
            "id": e["id"],
            "text": e["text"],
            "status": STATUS_VI[e["category"]],
            "done": e["done"],
            "figures": [
                f"{f['text']}: {f['reached']}/{f['planned']} {f['unit']} ({round(f['pct'])} %)" for f in e["figures"]
            ],
            "evidence": [
                x["title"] + (f" ({x['number']})" if x["number"] and x["number"] not in x["title"] else "")
                for x in e["evidence"]
            ],
            "agency": e["agency"],
        }
        for e in view["entries"]
    ]
    counts = view["bar"]["counts"]
    return {
        "lang": ctx.lang,
        "dir": "ltr",
        "script": "Latn",
        "example": report.example,
        "issuer": ctx.agency_name(report.reported_by),
        "number": report.number or "",
        "place": _place(content, report),
        "date": {"d": f"{report.date.day:02d}", "m": f"{report.date.month:02d}", "y": str(report.date.year)},
        "period": period_vi(report.period),
        "plan": {
            "number": plan.number or "",
            "date": plan.date.strftime("%d/%m/%Y") if plan.date else "",
            "title": plan.title,
            "issuer": ctx.agency_name(plan.issuer),
        },
        "counts": {STATUS_VI[k]: counts[k] for k in STATUS_VI if counts.get(k)},
        "total": len(entries),
        "entries": entries,
        "open": [e for e in entries if e["status"] in (STATUS_VI["in_progress"], STATUS_VI["not_started"])],
        "url": url,
        "title": f"Báo cáo kết quả thực hiện {plan.number or plan.title[:60]} {period_vi(report.period)}",
    }
