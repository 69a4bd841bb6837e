"""Text that 'phobien new' wrote for the editor to replace, left in a page that is not a draft.

A new page starts as a draft with a sample summary, sample sentences and a source to name
(:data:`phobien.model.page.NEW_TEXTS`). A draft may keep them; a page that is published may not.
"""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.tree import Content, Page
from phobien.model.page import NEW_SOURCE_TITLE, NEW_SUMMARY, NEW_TEXTS

FIX = "write the page's own text, or set 'draft: true' until it is ready"


def is_draft(page: Page) -> bool:
    return bool(getattr(page.meta, "draft", False))


def _body(page: Page, diags: Diagnostics) -> None:
    for sample in NEW_TEXTS:
        start = page.body.find(sample)
        while start >= 0:
            line = page.body_line + page.body.count("\n", 0, start)
            col = start - (page.body.rfind("\n", 0, start) + 1) + 1
            diags.error(
                Position(page.rel, line, col),
                f"'{sample}' is the sample text 'phobien new' wrote and the page is not a draft; {FIX}",
            )
            start = page.body.find(sample, start + len(sample))


def check_placeholders(content: Content, refs: References, diags: Diagnostics) -> None:
    for page in [*content.materials, *content.articles]:
        if is_draft(page):
            continue
        _body(page, diags)
        if getattr(page.meta, "summary", None) == NEW_SUMMARY:
            diags.error(
                page.pos("summary"),
                f"the summary is still the sample 'phobien new' wrote and the page is not a draft; {FIX}",
            )
        for i, source in enumerate(getattr(page.meta, "sources", [])):
            if source.title.startswith(NEW_SOURCE_TITLE[:13]):
                mark = page.located.value_mark(("sources", i, "title"))
                diags.error(
                    Position(page.rel, mark.line, mark.col),
                    "the source is still the placeholder and the page is not a draft; name the document, its "
                    "number and article, or set 'draft: true' until it is ready",
                )
