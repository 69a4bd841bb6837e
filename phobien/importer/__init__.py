"""`phobien import`: a draft plan (content/plans/<id>.yml) from a .txt, .docx or text-based .pdf file.

Modules by role: reading (files and encodings), legacy (TCVN3 and VNI), docx_reader, textlines
(repairing extraction), layout (header, title, closing, appendix), outline (numbering structure),
tables (appendix tables), mentions and assign (agencies and their roles), facts (deadlines, targets),
citations (legal documents), tasks (the plan's tasks) and draft (assembling and writing the YAML).
"""

from __future__ import annotations

from pathlib import Path

from phobien.importer.draft import Draft, build_draft, render, validate
from phobien.importer.reading import read_source

__all__ = ["Draft", "build_draft", "import_file", "read_source", "render", "validate"]


def import_file(path: Path, root: Path, issuer: str | None = None, province: str | None = None) -> Draft:
    """The draft plan of ``path``, with the agencies and legal documents of ``root``/content."""
    from phobien.load import load_content

    content, _ = load_content(root)
    source = read_source(path)
    try:
        label = str(path.resolve().relative_to(root.resolve().parent))
    except ValueError:
        label = path.name
    return build_draft(source, content.agencies, content.legal, issuer, province, label, content.provinces)
