"""content/legal/*.yml: laws, decrees, decisions and plans, with their status today."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from phobien.model.common import Code, Model, Slug, Source, Text, WebUrl

DocType = Literal[
    "constitution",
    "convention",
    "code",
    "law",
    "resolution",
    "ordinance",
    "decree",
    "decision",
    "directive",
    "circular",
    "plan",
    "official_letter",
    "other",
]
Status = Literal["in_force", "superseded", "expired", "not_yet_in_force", "unknown"]


class LegalDocument(Model):
    """One legal document. The file name (without .yml) is its id."""

    number: Code | None = Field(None, description="Official number, e.g. '87/QĐ-TTg'; empty for the Constitution.")
    type: DocType = Field(description="Kind of document.")
    title: Text = Field(description="Official Vietnamese title.")
    title_en: Text | None = Field(None, description="English title.")
    short_title: Text | None = Field(None, description="Short name, e.g. 'Bộ luật Hình sự 2015'.")
    issuer: Text = Field(description="Who issued it, e.g. 'Quốc hội', 'Thủ tướng Chính phủ'.")
    signed: dt.date | None = Field(None, description="Date signed or passed.")
    effective: dt.date | None = Field(None, description="Date it came into force.")
    status: Status = Field(description="Status today.")
    status_note: Text | None = Field(None, description="What the status means in practice.")
    superseded_by: Slug | None = Field(None, description="Id of the document that replaced it.")
    superseded_on: dt.date | None = Field(None, description="Date it stopped applying.")
    amended_by: list[Slug] = Field(default_factory=list, description="Ids of amending documents.")
    url: WebUrl | None = Field(None, description="Official text online (vbpl.vn, chinhphu.vn, ...).")
    sources: list[Source] = Field(min_length=1, description="Where its number, dates and status were checked.")
    verified_on: dt.date = Field(description="When its status was last checked.")
