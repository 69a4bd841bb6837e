"""content/i18n/<code>.yml: interface strings of phobien's own templates, per language."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from phobien.model.common import Model, Text


class UIStringsMeta(Model):
    """Who wrote the strings of this language and whether someone reviewed them."""

    by: Literal["human", "machine"] = Field(description="Who translated the strings.")
    reviewed_by: Text | None = Field(None, description="Named reviewer, if any.")
    reviewed_on: dt.date | None = Field(None, description="Date of the review.")


class UIStrings(Model):
    """The file content/i18n/<code>.yml."""

    meta: UIStringsMeta = Field(description="Provenance of these strings.")
    strings: dict[str, Text] = Field(description="Interface string per key, e.g. quick_exit: Thoát nhanh.")
