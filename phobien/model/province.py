"""content/provinces.yml: the provinces and centrally-governed cities, before and after 2025.

Resolution 202/2025/QH15 (12/6/2025) cut the 63 province-level units to 34. A unit merged away
has ``valid_until`` and ``merged_into``; its successor lists every unit it was formed from,
itself included, in ``formed_from``. The importer uses the names and aliases to find the
province of a plan, and the successor to flag plans of provinces that no longer exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from phobien.model.common import ListOf, Model, Slug, Source, Text


class ProvinceSource(Source):
    """A source of the file, cited by its id from the provinces."""

    id: Slug = Field(description="Id the provinces cite it by, e.g. 'nq-202-2025'.")


class Province(Model):
    """One province (tỉnh) or centrally-governed city (thành phố trực thuộc trung ương)."""

    id: Slug = Field(description="Stable id, e.g. 'quang-ninh'; the 'province' of agencies.yml.")
    name: Text = Field(description="Name without 'tỉnh'/'thành phố', e.g. 'Quảng Ninh'.")
    kind: Literal["province", "city"] = Field(description="'city' for a centrally-governed city.")
    aliases: list[Text] = Field(default_factory=list, description="Other ways documents write it.")
    valid_from: dt.date | None = Field(None, description="When it was created, if after the 1990s splits.")
    valid_until: dt.date | None = Field(None, description="Last day it existed (2025-06-30 for the merged ones).")
    merged_into: Slug | None = Field(None, description="Id of the province it was merged into.")
    formed_from: ListOf(Slug) = Field(
        default_factory=list, description="Ids of the units it was formed from in 2025, itself included."
    )
    source: Slug = Field(description="Id of the entry of 'sources' that states its status.")


class ProvinceFile(Model):
    """The whole of content/provinces.yml."""

    sources: list[ProvinceSource] = Field(default_factory=list, description="Sources cited by the provinces.")
    provinces: list[Province] = Field(description="All provinces, those merged away included.")
