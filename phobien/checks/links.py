"""Links between pages (``[…](../materials/x.vi.md)``, ``[…](material:x)``) must lead to a page."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.tree import Content
from phobien.stage.links import KINDS, broken_links, targets_of

_PUBLISHED = {"material": "materials/{}.md", "article": "news/{}.md", "doc": "{}.md"}
"""Where each kind of page is staged: links in it are relative to that page."""


def check_page_links(content: Content, refs: References, diags: Diagnostics) -> None:
    """Each link to a page of the site names a page that exists (in some language)."""
    if "site" in content.broken:
        return
    targets = targets_of(content)
    forms = ", ".join(f"{k}:" for k in KINDS)
    for page in [*content.materials, *content.articles, *content.docs]:
        here = _PUBLISHED[page.kind].format(page.slug)
        for offset, target in broken_links(page.body, here, targets):
            line = page.body_line + page.body.count("\n", 0, offset)
            col = offset - page.body.rfind("\n", 0, offset)
            diags.error(
                Position(page.rel, line, col),
                f"the link '{target}' leads to no page; link to a page's source file "
                f"(../materials/<slug>.vi.md) or write {forms} followed by an existing slug",
            )
