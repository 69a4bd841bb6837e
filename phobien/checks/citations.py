"""Sources at the claim: every ``[^id]`` names a source of the page, and a paragraph that names
an article, a clause or a point of a law carries a marker."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.salvage import invalid_fields
from phobien.load.tree import Content, Page
from phobien.stage.citations import MARKER, markers

ARTICLE = re.compile(
    r"\b[ĐđD]iều\s+\d+|\b[Kk]hoản\s+\d+|\b[Đđ]iểm\s+[a-zđ]\b(?=\s*(?:,|\)|khoản|[Đđ]iều))"
    r"|\b(?:Article|article|Art\.|art\.|Clause|clause)\s*\d+"
)
"""A provision cited by number: "Điều 58", "khoản 2", "điểm đ khoản 1", "Article 58", "art. 58".
A number is needed: "điều" alone is "a thing" and "khoản" alone "a sum" in everyday Vietnamese."""

_CODE_FENCE = re.compile(r"^\s*(```|~~~)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _claims(page: Page) -> Iterator[tuple[int, str]]:
    """The units a source marker belongs to, with their first line: paragraphs, list items and
    table rows of the body. Headings name a topic, not a claim, and code is not text."""
    unit: list[str] = []
    start = 0
    fenced = False
    for offset, line in enumerate(page.body.splitlines()):
        number = page.body_line + offset
        if _CODE_FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        new_unit = not line.strip() or line.lstrip().startswith(("#", "|")) or _ITEM.match(line)
        if new_unit and unit:
            yield start, " ".join(unit)
            unit = []
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.lstrip().startswith("|"):
            yield number, line
            continue
        if not unit:
            start = number
        unit.append(line)
    if unit:
        yield start, " ".join(unit)


def _check_page(page: Page, diags: Diagnostics) -> None:
    sources = getattr(page.meta, "sources", None)
    if sources is None or "sources" in invalid_fields(page.meta):
        return  # the sources could not be read: markers are not checked against them
    ids = [s.id for s in sources if s.id]
    for m in markers(page.body):
        if m.group(1) in ids:
            continue
        line = page.body.count("\n", 0, m.start())
        col = m.start() - (page.body.rfind("\n", 0, m.start()) + 1)
        close = difflib.get_close_matches(m.group(1), ids, n=1, cutoff=0.75)
        if close:
            fix = f"did you mean '[^{close[0]}]'?"
        else:
            listed = f" (the ids here: {', '.join(ids)})" if ids else ""
            fix = f"add 'id: {m.group(1)}' to its entry in 'sources:'{listed}"
        diags.error(
            Position(page.rel, page.body_line + line, col + 1),
            f"'[^{m.group(1)}]' names no source of this page; {fix}",
        )
    for number, text in _claims(page):
        found = ARTICLE.search(text)
        if found and not MARKER.search(text):
            diags.warning(
                Position(page.rel, number, 1),
                f"this text cites '{found.group(0).strip()}' but shows no source; end the sentence with "
                "[^id], the id of its entry in 'sources:'",
            )


def check_citations(content: Content, refs: References, diags: Diagnostics) -> None:
    for page in [*content.materials, *content.articles]:
        _check_page(page, diags)
