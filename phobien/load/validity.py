"""Whether a body of content/agencies.yml still exists, derived from the data, never typed per page.

A body is closed when it has ``valid_until``, or when content/reorganisations.yml links it to
the event that closed it: its last day is then the day before the event's date. When no source
gives that day, a body of a province that no longer exists closed at the latest with its
province (content/provinces.yml); otherwise the date is unknown and pages say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from phobien.model.agency import Agency
from phobien.model.reorganisation import Event

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Closure:
    """How a body came to an end, as far as the sources go."""

    until: dt.date | None
    """Its last day, when a source gives it."""
    latest: dt.date | None
    """When ``until`` is unknown: the last day of its province, which it cannot have outlived."""
    event: Event | None
    """The event that closed it, if content/reorganisations.yml names one."""
    successors: list[str] = field(default_factory=list)
    """Ids of the bodies that took over, 'unknown' where not sourced."""

    @property
    def known_successors(self) -> list[str]:
        return [s for s in self.successors if s != "unknown"]


def closures(content: object) -> dict[str, Closure]:
    """Every closed body of the content, by agency id."""
    reorg = getattr(content, "reorganisations", None)
    events = {e.id: e for e in reorg.events} if reorg else {}
    linked = {c.agency: c for c in reorg.agencies} if reorg else {}
    province_end = {p.id: p.valid_until for p in getattr(content, "provinces", []) if p.valid_until}
    result: dict[str, Closure] = {}
    for agency in getattr(content, "agencies", []):
        change = linked.get(agency.id)
        if agency.valid_until is None and change is None:
            continue
        event = events.get(change.event or "") if change else None
        result[agency.id] = _closure(agency, event, province_end)
    return result


def _closure(agency: Agency, event: Event | None, province_end: dict[str, dt.date | None]) -> Closure:
    until = agency.valid_until
    if until is None and event is not None and event.date is not None:
        until = event.date - ONE_DAY
    latest = None if until is not None else province_end.get(agency.province or "")
    return Closure(until, latest, event, list(agency.succeeded_by))
