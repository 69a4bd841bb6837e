"""Closed bodies: every body that no longer exists says so, with dates that come from the data.

An agency with ``succeeded_by`` but neither ``valid_until`` nor an event of
content/reorganisations.yml would be shown as if it still existed: an error. The events file's
links must name real agencies, events and successors, agree with agencies.yml, and give the
same last day as a ``valid_until`` typed in agencies.yml.
"""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.load.lookup import Index, References
from phobien.load.tree import Content
from phobien.load.validity import ONE_DAY
from phobien.model.agency import Agency
from phobien.model.reorganisation import AgencyChange, Event

REORG = "content/reorganisations.yml"


def check_closed_agencies(content: Content, refs: References, diags: Diagnostics) -> None:
    if "agencies" in content.broken or "reorganisations" in content.broken:
        return
    reorg = content.reorganisations
    changes = {c.agency: c for c in reorg.agencies} if reorg else {}
    events = {e.id: e for e in reorg.events} if reorg else {}
    for agency in content.agencies:
        change = changes.get(agency.id)
        if change is None:
            if agency.succeeded_by and agency.valid_until is None:
                diags.error(
                    content.pos(agency, "succeeded_by", key=True),
                    f"'{agency.id}' has succeeded_by but no valid_until, so its page would read as if it "
                    f"still existed; link it to the event that closed it in {REORG} "
                    f"(under 'agencies:', '- {{agency: {agency.id}, event: <event id>, succeeded_by: ...}}') "
                    "or add 'valid_until: YYYY-MM-DD' (its last day)",
                )
            continue
        _agree(content, agency, change, events.get(change.event or ""), diags)
    if reorg is not None:
        _references(content, refs, reorg.agencies, list(events), diags)


def _agree(content: Content, agency: Agency, change: AgencyChange, event: Event | None, diags: Diagnostics) -> None:
    """agencies.yml and reorganisations.yml say the same of one body."""
    if event is not None and event.date is not None and agency.valid_until is not None:
        derived = event.date - ONE_DAY
        if agency.valid_until != derived:
            diags.error(
                content.pos(agency, "valid_until"),
                f"valid_until {agency.valid_until:%Y-%m-%d} differs from the day before the event "
                f"'{event.id}' of {REORG} ({derived:%Y-%m-%d}); correct one of them, or delete valid_until "
                "here (the event gives it)",
            )
    if change.succeeded_by and agency.succeeded_by and sorted(change.succeeded_by) != sorted(agency.succeeded_by):
        diags.error(
            content.pos(change, "succeeded_by"),
            f"succeeded_by ({', '.join(change.succeeded_by)}) differs from that of '{agency.id}' in "
            f"content/agencies.yml ({', '.join(agency.succeeded_by)}); make them the same",
        )


def _references(
    content: Content, refs: References, changes: list[AgencyChange], event_ids: list[str], diags: Diagnostics
) -> None:
    events = Index("event", event_ids, f"the 'events:' of {REORG}")
    seen: set[str] = set()
    for change in changes:
        refs.agencies.check(diags, content.pos(change, "agency"), change.agency)
        if change.agency in seen:
            diags.error(content.pos(change, "agency"), f"'{change.agency}' is listed twice; keep one entry")
        seen.add(change.agency)
        if change.event is not None:
            events.check(diags, content.pos(change, "event"), change.event)
        for i, sid in enumerate(change.succeeded_by):
            refs.agencies.check(diags, content.pos(change, "succeeded_by", i), sid, extra=["unknown"])
