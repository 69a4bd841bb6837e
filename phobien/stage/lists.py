"""List pages (materials, plans, legal documents, agencies, deadlines, schools), cut into pages
by the rules of :mod:`phobien.core.pagination`."""

from __future__ import annotations

from typing import Any

from phobien.core.pagination import LIST_PER_PAGE, page_path, pager, split_groups
from phobien.stage.context import StageContext
from phobien.stage.staged import NO_MENU, Staged


def paged(
    ctx: StageContext,
    path: str,
    title: str,
    template: str,
    groups: list[dict[str, Any]],
    kind: str = "list",
    data: dict[str, Any] | None = None,
    per_page: int = 0,
    layout: frozenset[str] | None = None,
    description: str | None = None,
    **values: Any,
) -> list[Staged]:
    """The list page of ``groups`` (each with "items") at ``path``; beyond :data:`LIST_PER_PAGE`
    items (or ``per_page``) it continues on further pages (:func:`page_path`), so that a
    national list stays light on a phone."""
    chunks = split_groups(groups, per_page or LIST_PER_PAGE)
    total = len(chunks)
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        here = page_path(path, n)
        body = ctx.render(template, here, groups=chunk, pager=pager(path, n, total), **values)
        pages.append(
            Staged(
                here,
                title if n == 1 else f"{title} · {ctx.t('pager_page', n=n, total=total)}",
                body,
                kind=kind if n == 1 else "list",
                layout=layout or NO_MENU,
                data=dict(data or {}) if n == 1 else {},
                description=description,
            )
        )
    return pages


def section_list(ctx: StageContext, folder: str, items: list[dict[str, Any]]) -> list[Staged]:
    """The index page of a section (``materials``, ``plans``): its intro and one list."""
    groups = [{"title": "", "anchor": "", "items": items}]
    return paged(ctx, f"{folder}/index.md", ctx.t(folder), "list.md.j2", groups, intro=ctx.t(f"{folder}_intro"))
