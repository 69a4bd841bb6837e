"""Legal documents: what replaced or amended them must exist."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.load.lookup import References
from phobien.load.tree import Content


def check_legal_documents(content: Content, refs: References, diags: Diagnostics) -> None:
    for doc in content.legal.values():
        if doc.superseded_by:
            refs.legal(diags, content.pos(doc, "superseded_by"), doc.superseded_by)
        for i, ref in enumerate(doc.amended_by):
            refs.legal(diags, content.pos(doc, "amended_by", i), ref)
