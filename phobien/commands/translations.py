"""``phobien translations``: what is translated, by whom, reviewed or not, and what is stale."""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from phobien.checks import check_content
from phobien.commands.args import path as path_arg
from phobien.core.text import content_hash
from phobien.errors import EXIT_CONTENT, EXIT_OK, UserError
from phobien.load import Content
from phobien.model.translation import by_key, is_outdated, original_of


def register(sub: Any) -> None:
    p = sub.add_parser("translations", help="report translated, reviewed, machine, outdated and missing pages")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--strict", action="store_true", help="exit 1 when a critical page's translation is outdated")
    p.add_argument(
        "--stamp",
        type=path_arg,
        nargs="*",
        default=[],
        metavar="FILE",
        help="record that these translations match their original as it is now",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    content, diags = check_content(args.root)
    if diags.errors:
        diags.write(sys.stderr)
        raise UserError(f"fix the errors first ({diags.summary()})")
    for path in args.stamp:
        print(f"{path}: source_hash set to {stamp(content, path)}", file=sys.stderr)
    if args.stamp:
        content, diags = check_content(args.root)
    reports = report(content)
    default = content.site.default_language
    if args.format == "json":
        print(as_json(reports, default))
    else:
        print_table(reports, default, sys.stdout)
    critical = [f for r in reports for f in r.critical_outdated]
    return EXIT_CONTENT if args.strict and critical else EXIT_OK


@dataclass
class LanguageReport:
    """Counts for one language, and the files behind them."""

    language: str
    pages: int = 0
    translated: int = 0
    reviewed: int = 0
    machine: int = 0
    outdated: int = 0
    missing: int = 0
    interface: str = "missing"
    outdated_files: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    critical_outdated: list[str] = field(default_factory=list)


def report(content: Content) -> list[LanguageReport]:
    default = content.site.default_language
    groups = [content.materials, content.articles, content.docs]
    result = []
    for code in content.site.codes:
        if code == default:
            continue
        rep = LanguageReport(code)
        ui = content.ui.get(code)
        if ui is not None:
            who = "machine" if ui.meta.by == "machine" else "human"
            rep.interface = f"{who}, {'reviewed' if ui.meta.reviewed_by else 'not reviewed'}"
        for pages in groups:
            keyed = by_key(pages)
            for source in (p for p in pages if p.lang == default):
                rep.pages += 1
                page = keyed.get((source.slug, code))
                if page is None:
                    rep.missing += 1
                    rep.missing_files.append(source.rel.replace(f".{default}.md", f".{code}.md"))
                    continue
                rep.translated += 1
                tr = page.meta.translation
                if tr and tr.reviewed_by:
                    rep.reviewed += 1
                if tr and tr.by == "machine":
                    rep.machine += 1
                if is_outdated(page, original_of(page, keyed)):
                    rep.outdated += 1
                    rep.outdated_files.append(page.rel)
                    if getattr(source.meta, "critical", False) or getattr(page.meta, "critical", False):
                        rep.critical_outdated.append(page.rel)
        result.append(rep)
    return result


def print_table(reports: list[LanguageReport], default: str, stream: TextIO) -> None:
    cols = ["language", "pages", "translated", "reviewed", "machine", "outdated", "missing", "interface"]
    rows = [[str(getattr(r, c)) for c in cols] for r in reports]
    widths = [max(len(c), *(len(row[i]) for row in rows)) if rows else len(c) for i, c in enumerate(cols)]
    print(f"Translations from '{default}' (the original language)", file=stream)
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(), file=stream)
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=stream)
    for r in reports:
        for f in r.outdated_files:
            mark = " (critical)" if f in r.critical_outdated else ""
            print(
                f"outdated{mark}: {f}: the original changed; update it, then run 'phobien translations --stamp {f}'",
                file=stream,
            )
    print(
        "Machine translations and unreviewed interface strings are labelled on every page; none is "
        "official until a named reviewer signs it off (translation.reviewed_by).",
        file=stream,
    )


def as_json(reports: list[LanguageReport], default: str) -> str:
    return json.dumps(
        {"source_language": default, "languages": [asdict(r) for r in reports]}, ensure_ascii=False, indent=2
    )


def stamp(content: Content, path: Path) -> str:
    """Record that the translation at ``path`` matches its source as it is now."""
    rel = path.resolve().relative_to(content.root.resolve()).as_posix()
    pages = [*content.materials, *content.articles, *content.docs]
    page = next((p for p in pages if p.rel == rel), None)
    if page is None or page.meta.translation is None:
        raise UserError(f"{rel}: not a translated page (it has no 'translation:' block)")
    group = [p for p in pages if p.kind == page.kind]
    source = original_of(page, by_key(group))
    if source is None:
        raise UserError(f"{rel}: its original does not exist")
    new = content_hash(source.body)
    text = page.path.read_text(encoding="utf-8")
    # Block style (``source_hash: sha256:…``) or flow style (``translation: {…, source_hash: "sha256:…", …}``).
    text, n = re.subn(r'(\bsource_hash:\s*)"?[^\s,}"]+"?', lambda m: f'{m.group(1)}"{new}"', text, count=1)
    if n != 1:
        raise UserError(f"{rel}: no 'source_hash:' line to update")
    page.path.write_text(text, encoding="utf-8")
    return new
