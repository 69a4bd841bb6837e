"""content/reorganisations.yml: the events (2025 mergers, the end of the district level) that
closed bodies of content/agencies.yml, each with the text that set it.

An agency closed by an event is listed under ``agencies`` with the event's id: its last day is
the day before the event's ``date``, derived, never typed per agency (:mod:`phobien.load.validity`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from phobien.model.common import ListOf, Localized, Model, Slug, Source


class ReorganisationSource(Source):
    """A page read to establish the events, cited by the comments of the file."""

    id: Slug = Field(description="Id of the page, e.g. 'laodong-176'.")


class Event(Model):
    """One reorganisation: a merger, a transfer of duties or an abolition."""

    id: Slug = Field(description="Stable id, e.g. 'tinh-sap-xep-2025'.")
    date: dt.date | None = Field(
        description="First day the old bodies no longer existed; null when no source read gives that day."
    )
    what: Localized = Field(description="What changed, in plain words, per language.")
    kind: Literal["merger", "transfer", "abolition"] = Field(description="merger, transfer or abolition.")
    source: Source = Field(description="The text that set the event (law, resolution, decision).")


class AgencyChange(Model):
    """An agency of content/agencies.yml closed (or changed) by an event."""

    agency: Slug = Field(description="Agency id in content/agencies.yml.")
    event: Slug | None = Field(description="Id of the event that closed it; null when no event was found.")
    succeeded_by: ListOf(Slug) = Field(
        default_factory=list, description="Ids of the bodies that took over its duties, or 'unknown'."
    )


class ReorganisationFile(Model):
    """The whole of content/reorganisations.yml."""

    sources: list[ReorganisationSource] = Field(default_factory=list, description="Every page read.")
    events: list[Event] = Field(default_factory=list, description="The events.")
    agencies: list[AgencyChange] = Field(default_factory=list, description="The agencies each event closed.")
