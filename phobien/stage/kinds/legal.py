"""A page per legal document (its status today, its successor, what cites it) and their list by status."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from phobien.stage.context import StageContext
from phobien.stage.lists import paged
from phobien.stage.staged import NO_MENU, Staged, legal_label

_STATUSES = ("in_force", "not_yet_in_force", "superseded", "expired", "unknown")


def _cited(ctx: StageContext) -> dict[str, list[dict[str, str]]]:
    """For each legal document: the plans and materials that cite it."""
    cited: dict[str, list[dict[str, str]]] = defaultdict(list)
    for pid, plan in sorted(ctx.content.plans.items()):
        for found in filter(None, map(ctx.legal_ref, plan.legal_basis)):
            cited[found[0]].append({"path": f"plans/{pid}.md", "title": plan.title})
    for slug, (page, _, _) in ctx.pick(ctx.content.materials).items():
        for found in filter(None, map(ctx.legal_ref, page.meta.legal_refs)):  # type: ignore[attr-defined]
            cited[found[0]].append({"path": f"materials/{slug}.md", "title": page.meta.title})
    return cited


def stage(ctx: StageContext) -> list[Staged]:
    cited = _cited(ctx)
    legal = ctx.content.legal
    pages = []
    items: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc_id, doc in sorted(legal.items()):
        path = f"legal/{doc_id}.md"
        successor = None
        if doc.superseded_by and doc.superseded_by in legal:
            successor = {
                "path": f"legal/{doc.superseded_by}.md",
                "label": legal_label(doc.superseded_by, legal[doc.superseded_by]),
            }
        body = ctx.render("legal.md.j2", path, doc=doc, successor=successor, cited_by=cited.get(doc_id, []))
        pages.append(Staged(path, legal_label(doc_id, doc), body, kind="legal", layout=NO_MENU))
        items[doc.status].append({"path": path, "title": legal_label(doc_id, doc), "note": "", "summary": ""})
    groups = [{"title": ctx.t("status_" + s), "anchor": s, "items": items[s]} for s in _STATUSES if items.get(s)]
    return pages + paged(ctx, "legal/index.md", ctx.t("legal"), "list.md.j2", groups, intro=ctx.t("legal_intro"))
