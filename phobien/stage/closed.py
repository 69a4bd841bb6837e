"""Bodies that no longer exist, as every page that names one shows them: the date (or the
latest date it can have existed to, or that the sources give none) and links to its successors.
Derived by :mod:`phobien.load.validity` from content/agencies.yml, reorganisations.yml and
provinces.yml."""

from __future__ import annotations

from typing import Any

from phobien.load.validity import Closure
from phobien.stage import views
from phobien.stage.context import StageContext


def closure_of(ctx: StageContext, agency_id: str) -> Closure | None:
    return ctx.closures.get(agency_id)


def closed_view(ctx: StageContext, agency_id: str) -> dict[str, Any] | None:
    """What a page says next to the name of a closed body; None for a body that exists."""
    c = closure_of(ctx, agency_id)
    if c is None:
        return None
    if c.until is not None:
        when = ctx.t("agency_closed_on", date=views.vndate(c.until))
    elif c.latest is not None:
        when = ctx.t("agency_closed_by", date=views.vndate(c.latest))
    else:
        when = ctx.t("agency_closed_undated")
    return {"when": when, "successors": successor_views(ctx, c)}


def successor_views(ctx: StageContext, c: Closure) -> list[dict[str, Any]]:
    """The successors with a link where the body has a page; 'not known' when none is sourced."""
    known = [
        {"name": ctx.agency_name(s), "path": f"agencies/{s}.md" if s in ctx.agencies else None}
        for s in c.known_successors
    ]
    return known or [{"name": ctx.t("unknown"), "path": None}]


def agency_ref(ctx: StageContext, agency_id: str, **extra: Any) -> dict[str, Any]:
    """A body as a page names it: id, name and, when it is closed, what to say about it."""
    return {"agency": agency_id, "name": ctx.agency_name(agency_id), "closed": closed_view(ctx, agency_id), **extra}


def event_view(ctx: StageContext, c: Closure) -> dict[str, Any] | None:
    """The event that closed a body: what changed, when, and the text that set it."""
    if c.event is None:
        return None
    source = views.source_citation(c.event.source)
    return {"text": ctx.loc_html(c.event.what), "date": c.event.date, "source": source}
