"""content/agencies.yml: every body named in plans, with the 2025 reorganisation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from phobien.model.common import ListOf, Model, Slug, Source, Text


class Agency(Model):
    """A state body, or a group of bodies a plan addresses at once ("các sở, ngành")."""

    id: Slug = Field(description="Stable id, e.g. 'ha-noi-cong-an'.")
    name: Text = Field(description="Canonical Vietnamese name, e.g. 'Công an thành phố Hà Nội'.")
    name_en: Text | None = Field(None, description="English name.")
    short_name: Text | None = Field(None, description="Short name or acronym, e.g. 'TANDTP'.")
    aliases: list[Text] = Field(
        default_factory=list, description="Other ways the plans write it, e.g. 'Công an Thành phố'."
    )
    level: Literal["central", "province", "district", "commune"] = Field(
        description="Level of government; 'district' bodies existed only until 30/6/2025."
    )
    kind: Literal["body", "group"] = Field(
        "body", description="'group' for a set of bodies addressed together, e.g. 'Các sở, ngành'."
    )
    province: Slug | None = Field(None, description="Province id for local bodies, e.g. 'ha-noi'.")
    parent: Slug | None = Field(None, description="Id of the body it belongs to.")
    valid_from: dt.date | None = Field(None, description="When it was created, if known.")
    valid_until: dt.date | None = Field(None, description="Last day it existed, if it no longer does.")
    succeeded_by: ListOf(Slug) = Field(
        default_factory=list,
        description="Ids of the bodies that took over its duties; 'unknown' when not sourced.",
    )
    sources: list[Source] = Field(default_factory=list, description="Sources for its status.")
    note: Text | None = Field(None, description="What an editor should know about it.")


class AgencyFile(Model):
    """The whole of content/agencies.yml."""

    agencies: list[Agency] = Field(description="All agencies.")
