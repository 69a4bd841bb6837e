"""``phobien import report FILE --plan ID``: a draft report (content/reports/<plan>/<period>.yml)
from the .docx, .txt or text PDF an agency sends."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from phobien.errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, UserError


def run_report(
    source: Path,
    root: Path,
    plan: str | None,
    period: str | None = None,
    by: str | None = None,
    out: Path | None = None,
    force: bool = False,
    stream: TextIO = sys.stderr,
) -> int:
    """Write the draft report and list what was matched and what was not; the exit code."""
    from phobien.importer.report_draft import draft_report, problems, render
    from phobien.load import load_content
    from phobien.load.validate import did_you_mean

    if not source.is_file():
        raise UserError(f"{source}: there is no such file; give the path of a .txt, .docx or .pdf", EXIT_USAGE)
    content, _ = load_content(root)
    if not plan:
        raise UserError("which plan does the report answer? add --plan ID (a file name of content/plans/)", EXIT_USAGE)
    if plan not in content.plans:
        raise UserError(f"unknown plan '{plan}'{did_you_mean(plan, list(content.plans))}", EXIT_USAGE)
    if by and by not in {a.id for a in content.agencies}:
        raise UserError(f"unknown agency '{by}'{did_you_mean(by, [a.id for a in content.agencies])}", EXIT_USAGE)
    draft = draft_report(source, content, plan, period, by)
    target = out or root / "content" / "reports" / plan / f"{draft.period or 'period'}.yml"
    if target.exists() and not force:
        raise UserError(f"{target} exists; choose another --out or add --force to replace it")
    name = source.name
    for note in draft.source.notes:
        print(f"{name}: note: {note}", file=stream)
    for p in draft.paragraphs:
        if p.task:
            print(f"{name}:{p.line}: task {p.task} (by {p.how}): {p.text[:80]}", file=stream)
    for p in draft.unmatched:
        print(f"{name}:{p.line}: not matched to a task of {plan}: {p.text[:100]}", file=stream)
    found = problems(draft)
    for problem in found:
        print(f"phobien import report: {problem}", file=stream)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(draft, name), encoding="utf-8")
    matched = sum(1 for p in draft.paragraphs if p.task)
    print(
        f"phobien import report: wrote {target}: {len(draft.entries)} tasks from {matched} paragraphs; "
        f"{len(draft.unmatched)} paragraphs matched to no task (listed above); run 'phobien check'",
        file=stream,
    )
    return EXIT_CONTENT if found else EXIT_OK
