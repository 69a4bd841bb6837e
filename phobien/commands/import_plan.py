"""``phobien import``: a draft plan (content/plans/<id>.yml) from a .txt, .docx or text PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from phobien.commands.args import path
from phobien.errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, UserError
from phobien.importer import import_file, render, validate


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="draft a plan (content/plans/<id>.yml) or, with 'report FILE --plan ID', a report on a plan "
        "(content/reports/<plan>/<period>.yml) from a .txt, .docx or text PDF",
    )
    p.add_argument("file", help="the plan as .txt (UTF-8, TCVN3 or VNI), .docx or .pdf; or 'plan' or 'report'")
    p.add_argument("more", nargs="?", type=path, help="after 'plan' or 'report': the document")
    p.add_argument("--plan", default=None, help="with 'report': the id of the plan the report answers")
    p.add_argument("--period", default=None, help="with 'report': 2025 or 2025-q3, when the title does not say")
    p.add_argument(
        "--by", default=None, help="with 'report': agency id of the reporting body, when the header does not say"
    )
    p.add_argument("--out", type=path, default=None, help="where to write the draft (default: content/plans/<id>.yml)")
    p.add_argument("--issuer", default=None, help="agency id of the issuing body, when the text does not make it clear")
    p.add_argument("--province", default=None, help="province id (e.g. ha-noi) the plan's bodies belong to")
    p.add_argument(
        "--agencies-out",
        type=path,
        default=None,
        help="also write proposed content/agencies.yml entries for the bodies it does not have to this file",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    what, document = args.file, args.more
    if document is None or what not in ("plan", "report"):
        if document is not None:
            raise UserError(
                f"'{what}' is not something to import; use 'phobien import plan FILE' or "
                "'phobien import report FILE --plan ID'",
                EXIT_USAGE,
            )
        document, what = path(args.file), "plan"
    if what == "report":
        from phobien.commands.import_report import run_report

        return run_report(document, args.root, args.plan, args.period, args.by, args.out, args.force)
    return run_import(
        document, args.root, args.out, args.issuer, args.province, args.force, agencies_out=args.agencies_out
    )


def run_import(
    source: Path,
    root: Path,
    out: Path | None = None,
    issuer: str | None = None,
    province: str | None = None,
    force: bool = False,
    stream: TextIO = sys.stderr,
    agencies_out: Path | None = None,
) -> int:
    """Write the draft and report everything to ``stream``; the exit code."""
    if not source.is_file():
        raise UserError(f"{source}: there is no such file; give the path of a .txt, .docx or .pdf", EXIT_USAGE)
    draft = import_file(source, root, issuer, province)
    target = out or root / "content" / "plans" / f"{draft.plan_id}.yml"
    if target.exists() and not force:
        raise UserError(f"{target} exists; choose another --out or add --force to replace it")
    name = source.name
    for note in draft.notes:
        print(f"{name}: note: {note}", file=stream)
    for line, text in draft.unparsed:
        print(f"{name}:{line}: not placed (kept at the end of the draft): {text[:100]}", file=stream)
    for unknown in draft.unknown:
        print(f"{name}:{unknown.line}: unknown agency '{unknown.name}' ({unknown.where})", file=stream)
    for cite in draft.new_legal:
        print(f"{name}:{cite.line}: legal document not in content/legal/: {cite.text[:100]}", file=stream)
    for line, text in draft.dropped:
        print(f"{name}:{line}: left out as a duplicate: {text}", file=stream)
    errors = validate(draft)
    for error in errors:
        print(f"phobien import: the draft does not fit the Plan schema: {error}", file=stream)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(draft, name), encoding="utf-8")
    proposals = draft.proposals.entries if draft.proposals else {}
    if agencies_out is not None and draft.proposals is not None:
        if agencies_out.exists() and not force:
            raise UserError(f"{agencies_out} exists; choose another --agencies-out or add --force to replace it")
        agencies_out.parent.mkdir(parents=True, exist_ok=True)
        agencies_out.write_text(draft.proposals.render(name), encoding="utf-8")
        print(f"phobien import: wrote {len(proposals)} proposed agencies to {agencies_out}", file=stream)
    elif proposals:
        print(
            f"phobien import: {len(proposals)} agencies are not in content/agencies.yml; the draft names them by "
            "proposed ids: add --agencies-out FILE to write their entries for review",
            file=stream,
        )
    try:
        shown = target.resolve().relative_to(root.resolve())
    except ValueError:
        shown = target
    print(f"phobien import: wrote {shown}: {draft.summary()}", file=stream)
    return EXIT_CONTENT if errors else EXIT_OK
