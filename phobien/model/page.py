"""Front matter of Markdown pages: materials, articles and hand-written pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from phobien.model.common import ListOf, Model, Slug, Source, Text


class Review(Model):
    """Whether a competent person checked the page, and when."""

    status: Literal["draft", "not_reviewed", "reviewed"] = Field(
        description="'reviewed' only when a named reviewer of a competent body checked it."
    )
    reviewed_on: dt.date | None = Field(None, description="Date of the last review or check.")
    reviewer: Text | None = Field(None, description="Who reviewed it (person and body).")

    @model_validator(mode="after")
    def _check(self) -> Review:
        if self.status == "reviewed" and (self.reviewer is None or self.reviewed_on is None):
            raise ValueError("status 'reviewed' needs reviewer and reviewed_on")
        return self


class Translation(Model):
    """Provenance of a translated page."""

    source: Text = Field(description="Path of the file it was translated from, e.g. 'x.vi.md'.")
    source_hash: Text = Field(
        description="Content hash of the source when translated (phobien translations prints it)."
    )
    by: Literal["human", "machine"] = Field(description="Who translated it.")
    translator: Text | None = Field(None, description="Name of the translator or tool.")
    reviewed_by: Text | None = Field(None, description="Named reviewer; empty when not reviewed.")
    reviewed_on: dt.date | None = Field(None, description="Date of the review.")


class PageMeta(Model):
    """Front matter shared by every Markdown page."""

    title: Text = Field(description="Page title.")
    summary: Text | None = Field(None, description="One or two plain sentences; used as the meta description.")
    aliases: list[Text] = Field(default_factory=list, description="Old addresses that must keep working.")
    translation: Translation | None = Field(None, description="Set on translated files only.")


class MaterialMeta(PageMeta):
    """Front matter of an awareness material (content/materials/<slug>.<lang>.md)."""

    audiences: ListOf(Slug) = Field(min_length=1, description="Audience ids, from audiences.yml.")
    topics: ListOf(Slug) = Field(default_factory=list, description="Topic ids, from topics.yml.")
    legal_refs: list[Text] = Field(default_factory=list, description="Ids or numbers in content/legal/.")
    sources: list[Source] = Field(min_length=1, description="Sources of every legal claim and number.")
    hotlines: ListOf(Slug) = Field(default_factory=list, description="Hotline ids shown with it.")
    review: Review = Field(description="Review status and date.")
    critical: bool = Field(False, description="true when an outdated translation must fail a strict build.")
    order: int = Field(100, description="Lower numbers come first in lists.")
    draft: bool = Field(False, description="true keeps it out of the published site ('phobien serve' shows it).")


class ArticleMeta(PageMeta):
    """Front matter of a news article (content/articles/<slug>.<lang>.md)."""

    date: dt.date = Field(description="Publication date; a future date is not published yet.")
    author: Text = Field(description="Author or desk.")
    language: Text | None = Field(None, description="Optional; must match the file name's language.")
    audiences: ListOf(Slug) = Field(default_factory=list, description="Audience ids.")
    topics: ListOf(Slug) = Field(default_factory=list, description="Topic ids.")
    draft: bool = Field(False, description="true keeps it out of the published site.")


class DocMeta(PageMeta):
    """Front matter of a hand-written page in docs/ (optional)."""

    hide: list[Literal["navigation", "toc", "footer", "path"]] = Field(
        default_factory=list, description="Parts of the layout to hide."
    )
    order: int = Field(100, description="Lower numbers come first in menus.")


# What 'phobien new' writes for the editor to replace. In a page that is not a draft, any of it
# left as written is an error (phobien.checks.placeholders).
NEW_SOURCE_TITLE = "CẦN GHI NGUỒN: tên văn bản, số hiệu, điều, khoản"
NEW_SUMMARY = "Một hai câu ngắn: trang này giúp người đọc điều gì."
NEW_ARTICLE_BODY = "Viết nội dung tin ở đây. Câu ngắn, dễ hiểu."
NEW_MATERIAL_BODY = "Viết nội dung ở đây."
NEW_TEXTS = (NEW_ARTICLE_BODY, NEW_MATERIAL_BODY)
"""Sentences of the body that 'phobien new' writes."""
