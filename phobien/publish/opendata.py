"""Open data: machine-readable copies of plans, agencies, legal documents and hotlines.

Written once per build (not per language) to ``site/data/``. The format is documented on the
site's open-data page (docs/du-lieu-mo.*.md) and versioned by ``schema_version``: fields are
only ever added within a version. No timestamps, so the same content gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from pathlib import Path
from typing import Any

from phobien.core.heap import collector_held
from phobien.core.text import slugify
from phobien.load import Content
from phobien.load.lookup import legal_index
from phobien.model.plan import Deadline
from phobien.stage.progress import counts, plan_progress, reports_of
from phobien.stage.views import plan_status

SCHEMA_VERSION = 1


def _deadline(d: Deadline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    out: dict[str, Any] = {"as_written": d.as_written, "kind": d.kind}
    for key in ("start_year", "end_year", "decision"):
        if getattr(d, key) is not None:
            out[key] = getattr(d, key)
    if d.date is not None:
        out["date"] = d.date.isoformat()
    return out


class OpenData:
    """Builds the open-data files from validated content."""

    def __init__(self, content: Content, today: dt.date) -> None:
        self.content = content
        self.today = today
        self.agencies = {a.id: a for a in content.agencies}
        self.legal_by_key = legal_index(content)

    def ref(self, agency_id: str) -> dict[str, str]:
        agency = self.agencies.get(agency_id)
        return {"id": agency_id, "name": agency.name if agency else agency_id}

    def legal_number(self, ref: str) -> str:
        doc_id = self.legal_by_key.get(slugify(ref))
        return (self.content.legal[doc_id].number or doc_id) if doc_id else ref

    def plans(self) -> dict[str, Any]:
        plans = []
        for pid, plan in sorted(self.content.plans.items()):
            plans.append(
                {
                    "id": pid,
                    "title": plan.title,
                    "issuer": self.ref(plan.issuer),
                    "number": plan.number,
                    "date": plan.date.isoformat() if plan.date else None,
                    "period": {
                        "start_year": plan.period.start_year,
                        "end_year": plan.period.end_year,
                        "as_written": plan.period.as_written,
                    },
                    "status": plan_status(plan, self.today),
                    "legal_refs": [self.legal_number(r) for r in plan.legal_basis],
                    "targets": [t.model_dump(exclude_none=True) for t in plan.targets],
                    "pilot_models": [m.model_dump(exclude_none=True) for m in plan.pilot_models],
                    "tasks": [
                        {
                            "id": t.id,
                            "section": t.section,
                            "text": t.text,
                            "lead": [{**self.ref(a.agency), "requested": a.requested} for a in t.lead],
                            "partners": [{**self.ref(a.agency), "requested": a.requested} for a in t.partners],
                            "output": t.output,
                            "deadline": _deadline(t.deadline),
                            "request": t.request,
                        }
                        for t in plan.tasks
                    ],
                }
            )
        return {"schema_version": SCHEMA_VERSION, "plans": plans}

    def agencies_data(self) -> dict[str, Any]:
        items = []
        for a in self.content.agencies:
            item = a.model_dump(mode="json", exclude_none=True, exclude={"sources"})
            item["sources"] = [s.model_dump(mode="json", exclude_none=True) for s in a.sources]
            items.append(item)
        return {"schema_version": SCHEMA_VERSION, "agencies": items}

    def legal(self) -> dict[str, Any]:
        docs = []
        for doc_id, doc in sorted(self.content.legal.items()):
            docs.append({"id": doc_id, **doc.model_dump(mode="json", exclude_none=True)})
        return {"schema_version": SCHEMA_VERSION, "legal": docs}

    def hotlines(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "hotlines": [h.model_dump(mode="json", exclude_none=True) for h in self.content.hotlines],
        }

    def tasks_csv(self, plans: dict[str, Any] | None = None) -> str:
        """The tasks of :meth:`plans` (``plans``: what it returned, not made again) as CSV rows."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            [
                "plan_id",
                "plan_number",
                "task_id",
                "section",
                "text",
                "lead_ids",
                "lead_names",
                "partner_ids",
                "partner_names",
                "output",
                "deadline",
                "deadline_kind",
                "deadline_start_year",
                "deadline_end_year",
                "deadline_date",
                "request",
            ]
        )
        for plan in (plans or self.plans())["plans"]:
            for t in plan["tasks"]:
                d = t["deadline"] or {}
                writer.writerow(
                    [
                        plan["id"],
                        plan["number"] or "",
                        t["id"],
                        t["section"] or "",
                        t["text"],
                        "; ".join(a["id"] for a in t["lead"]),
                        "; ".join(a["name"] for a in t["lead"]),
                        "; ".join(a["id"] for a in t["partners"]),
                        "; ".join(a["name"] for a in t["partners"]),
                        t["output"] or "",
                        d.get("as_written", ""),
                        d.get("kind", ""),
                        d.get("start_year", ""),
                        d.get("end_year", ""),
                        d.get("date", ""),
                        t["request"] or "",
                    ]
                )
        return out.getvalue()


def progress(content: Content, today: dt.date) -> dict[str, Any]:
    """Where every plan stands by its reports. Example reports (invented data) are left out."""
    plans = []
    for pid in sorted(content.plans):
        rows = plan_progress(content, pid, today, examples=False)
        plans.append(
            {
                "id": pid,
                "reports": [key for key, _ in reports_of(content, pid, examples=False)],
                "counts": counts(rows),
                "tasks": [
                    {
                        "id": r.task.id,
                        "status": r.status,
                        "late": r.late,
                        "due": r.due.isoformat() if r.due else None,
                        "done": r.done,
                        "report": r.report,
                        "reported_on": r.reported_on.isoformat() if r.reported_on else None,
                        "reported_by": r.reported_by,
                        "figures": [
                            {"target": f.target, "planned": f.planned, "reached": f.reached, "unit": f.unit}
                            for f in r.figures
                        ],
                    }
                    for r in rows
                ],
            }
        )
    return {"schema_version": SCHEMA_VERSION, "as_of": today.isoformat(), "plans": plans}


def progress_csv(data: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["plan_id", "task_id", "status", "late", "due", "done", "report", "reported_on", "reported_by", "figures"]
    )
    for plan in data["plans"]:
        for t in plan["tasks"]:
            writer.writerow(
                [
                    plan["id"],
                    t["id"],
                    t["status"],
                    "yes" if t["late"] else "no",
                    t["due"] or "",
                    t["done"] or "",
                    t["report"] or "",
                    t["reported_on"] or "",
                    t["reported_by"] or "",
                    "; ".join(f"{f['target']}: {f['reached']:g}/{f['planned']:g} {f['unit']}" for f in t["figures"]),
                ]
            )
    return out.getvalue()


class _NotJSONError(Exception):
    """A value :func:`_dumps` leaves to :func:`json.dumps`."""


def _dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``, the same text, written by a plain
    recursion instead of the library's pure-Python indenting encoder (several times slower on
    the plans and their tasks). Only JSON's own types are written here (str keys, finite
    numbers); anything else goes to :func:`json.dumps`, whose text it then is."""
    out: list[str] = []
    try:
        _emit(value, "\n", out)
    except _NotJSONError:
        return json.dumps(value, ensure_ascii=False, indent=1)
    return "".join(out)


def _emit(value: Any, indent: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif value is None or value is True or value is False:
        out.append("null" if value is None else "true" if value else "false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner, sep = indent + " ", "["
        for item in value:
            out.append(sep + inner)
            _emit(item, inner, out)
            sep = ","
        out.append(indent + "]")
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner, sep = indent + " ", "{"
        for key, item in value.items():
            if type(key) is not str:
                raise _NotJSONError
            out.append(f"{sep}{inner}{_string(key)}: ")
            _emit(item, inner, out)
            sep = ","
        out.append(indent + "}")
    else:
        raise _NotJSONError


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""A string as JSON writes it with ``ensure_ascii=False`` (the C function when there is one)."""


def write_open_data(content: Content, out: Path, today: dt.date) -> list[Path]:
    """Write site/data/*.json and tasks.csv. Returns the files written.

    The data are many small objects, none of them cyclic: the collector is held while they are
    made (in a large build's main process each of its full passes walks every loaded page)."""
    with collector_held():
        return _write_open_data(content, out, today)


def _write_open_data(content: Content, out: Path, today: dt.date) -> list[Path]:
    data = OpenData(content, today)
    folder = out / "data"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "plans.json": data.plans(),
        "agencies.json": data.agencies_data(),
        "legal.json": data.legal(),
        "hotlines.json": data.hotlines(),
        "progress.json": progress(content, today),
    }
    written = []
    for name, value in files.items():
        path = folder / name
        path.write_text(_dumps(value) + "\n", encoding="utf-8")
        written.append(path)
    # UTF-8 with a byte-order mark so that Excel shows Vietnamese correctly.
    path = folder / "tasks.csv"
    path.write_bytes(b"\xef\xbb\xbf" + data.tasks_csv(files["plans.json"]).encode("utf-8"))
    written.append(path)
    path = folder / "progress.csv"
    path.write_bytes(b"\xef\xbb\xbf" + progress_csv(files["progress.json"]).encode("utf-8"))
    written.append(path)
    return written
