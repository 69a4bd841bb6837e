"""``phobien import report FILE --plan ID``: a draft report (content/reports/<plan>/<period>.yml)
from the .docx, .txt or text PDF an agency sends, read as the plan importer reads plans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from phobien.importer.reading import Source, read_source
from phobien.importer.report_facts import evidence_of, figures_of, header_facts, reporting_body, status_of
from phobien.importer.report_match import ITEM, Paragraph, match
from phobien.load import Content
from phobien.model.plan import Plan
from phobien.model.report import PERIOD, Report

TITLE = re.compile(r"^\s*BÁO CÁO\b")
NATIONAL = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập)", re.IGNORECASE)
LEAD = re.compile(r"^(?:[-–+•*]\s*|\d{1,2}\s*[.)]\s*|[a-zđ]\s*\)\s*)")


@dataclass
class ReportDraft:
    plan: str
    source: Source
    number: str | None
    date: dt.date | None
    period: str | None
    reported_by: str | None
    paragraphs: list[Paragraph]
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def unmatched(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.task is None and not p.heading]

    def data(self) -> dict[str, Any]:
        """The report as content/reports/ holds it."""
        out: dict[str, Any] = {"plan": self.plan, "period": self.period or "", "reported_by": self.reported_by or ""}
        out["date"] = self.date or dt.date.today()
        if self.number:
            out["number"] = self.number
        out["tasks"] = list(self.entries.values())
        return out


def _split(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The header lines (up to the title 'BÁO CÁO' and its subject lines) and the numbered body."""
    start = next((i for i, ln in enumerate(lines) if TITLE.match(ln)), -1)
    body_from = start + 1
    while start >= 0 and body_from < len(lines) and body_from <= start + 3 and lines[body_from].strip():
        if ITEM.match(lines[body_from].strip()) or lines[body_from].strip().isupper():
            break
        body_from += 1
    body = [(n + 1, ln.strip()) for n, ln in enumerate(lines) if n >= body_from and ln.strip()]
    return lines[: max(start, 0) + 4], body


def _entries(plan: Plan, paragraphs: list[Paragraph], skip: set[str]) -> dict[str, dict[str, Any]]:
    texts: dict[str, list[str]] = {}
    for p in paragraphs:
        if p.task:
            texts.setdefault(p.task, []).append(LEAD.sub("", p.text))
    tasks = {t.id: t for t in plan.tasks}
    order = {t.id: n for n, t in enumerate(plan.tasks)}
    entries = {}
    for tid in sorted(texts, key=order.__getitem__):
        text = " ".join(texts[tid])
        entry: dict[str, Any] = {"task": tid, "status": status_of(text), "done": text}
        if figures := figures_of(text, tasks[tid]):
            entry["figures"] = figures
        if evidence := evidence_of(text, skip):
            entry["evidence"] = evidence
        entries[tid] = entry
    return entries


def draft_report(path: Path, content: Content, plan_id: str, period: str | None, by: str | None) -> ReportDraft:
    source = read_source(path)
    plan = content.plans[plan_id]
    lines = source.text.split("\n")
    head, body = _split(lines)
    number, date, found_period = header_facts(head)
    before_number = []
    for ln in head:
        if re.match(r"^\s*Số\s*[:.]", ln):
            break
        cell = ln.split("\t")[0].strip()
        if cell and not NATIONAL.match(cell):
            before_number.append(cell)
    reporter = by or reporting_body(before_number, content.agencies)
    paragraphs = match(plan, body)
    draft = ReportDraft(plan_id, source, number, date, period or found_period, reporter, paragraphs)
    draft.entries = _entries(plan, paragraphs, {n for n in (plan.number, number) if n})
    return draft


def problems(draft: ReportDraft) -> list[str]:
    """What keeps the draft from being a valid report (schema errors, a missing period)."""
    found = []
    if not draft.period or not PERIOD.match(draft.period):
        found.append("the period was not found in the title ('năm 2025', 'quý II năm 2025'); give --period")
    if not draft.reported_by:
        found.append("the reporting body was not recognised in the header; give --by AGENCY_ID")
    if not draft.entries:
        found.append("no paragraph was matched to a task of the plan")
    try:
        Report.model_validate(draft.data())
    except ValidationError as exc:
        found += [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors() if e["loc"][:1] != ("period",)]
    return found


def render(draft: ReportDraft, name: str) -> str:
    """The draft as YAML, with a header that says where it comes from and what to check."""
    head = (
        f"# Drafted by 'phobien import report' from {name}.\n"
        "# Check every entry against the document: status, figures and evidence are read from its words.\n"
        "# Paragraphs matched to no task are listed by 'phobien import report' with their line.\n"
    )
    text = yaml.safe_dump(draft.data(), allow_unicode=True, sort_keys=False, width=110)
    return head + text
