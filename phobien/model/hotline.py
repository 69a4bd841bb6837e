"""content/hotlines.yml: phone lines people can call."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from phobien.model.common import LangCode, ListOf, Localized, Model, Slug, Source, Text


class Hotline(Model):
    """A phone number, with where it comes from and when someone last checked it."""

    id: Slug = Field(description="Stable id, e.g. 'child-protection-111'.")
    number: Text = Field(pattern=r"^[0-9 .]+$", description="The number as dialled, e.g. '111' or '1800 1233'.")
    name: Localized = Field(description="Name of the line per language.")
    for_whom: Localized = Field(description="Who should call it, per language.")
    audiences: ListOf(Slug) = Field(default_factory=list, description="Audience ids it serves.")
    hours: Localized = Field(description="When it answers, per language, e.g. '24/7'.")
    free: bool = Field(description="true when calling costs nothing.")
    languages: ListOf(LangCode) = Field(description="Languages the operators speak.")
    operator: Slug | None = Field(None, description="Id of the agency that runs it.")
    sources: list[Source] = Field(min_length=1, description="Where the number and hours are published.")
    verified_on: dt.date = Field(description="When someone last checked that the number works.")
    priority: int = Field(50, description="Lower numbers are shown first.")


class HotlineFile(Model):
    """The whole of content/hotlines.yml."""

    hotlines: list[Hotline] = Field(description="Hotlines, in the order shown.")
