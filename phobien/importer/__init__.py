"""`phobien import`: a draft plan (content/plans/<id>.yml) from a .txt, .docx or text-based .pdf file.

Modules by role: reading (files and encodings), legacy (TCVN3 and VNI), docx_reader, textlines
(repairing extraction), layout (header, title, closing, appendix), outline (numbering structure),
tables (appendix tables), mentions and assign (agencies and their roles), facts (deadlines, targets),
citations (legal documents), tasks (the plan's tasks) and draft (assembling and writing the YAML).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from phobien.importer.draft import Draft, build_draft, render, validate
from phobien.importer.reading import SourceError, read_source

__all__ = ["Draft", "build_draft", "import_file", "read_source", "render", "run_import", "validate"]


def import_file(path: Path, root: Path, issuer: str | None = None, province: str | None = None) -> Draft:
    """The draft plan of ``path``, with the agencies and legal documents of ``root``/content."""
    from phobien.load import load_content

    content, _ = load_content(root)
    source = read_source(path)
    try:
        label = str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        label = path.name
    return build_draft(source, content.agencies, content.legal, issuer, province, label)


def run_import(
    path: Path,
    root: Path,
    out: Path | None = None,
    issuer: str | None = None,
    province: str | None = None,
    force: bool = False,
    stream: TextIO = sys.stderr,
) -> int:
    """The `phobien import` command: write the draft, report everything to ``stream``; the exit code."""
    try:
        draft = import_file(path, root, issuer, province)
    except SourceError as exc:
        print(f"phobien import: {exc}", file=stream)
        return 2
    target = out or root / "content" / "plans" / f"{draft.plan_id}.yml"
    if target.exists() and not force:
        print(f"phobien import: {target} exists; choose another --out or add --force to replace it", file=stream)
        return 1
    name = path.name
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
    try:
        shown = target.resolve().relative_to(root.resolve())
    except ValueError:
        shown = target
    print(f"phobien import: wrote {shown}: {draft.summary()}", file=stream)
    return 1 if errors else 0
