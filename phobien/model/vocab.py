"""content/audiences.yml and content/topics.yml: controlled vocabularies."""

from __future__ import annotations

from pydantic import Field

from phobien.model.common import Localized, Model, Slug, Text


class Term(Model):
    """One entry of a controlled vocabulary."""

    id: Slug = Field(description="Stable id used in front matter, e.g. 'parents'.")
    name: Localized = Field(description="Name per language.")
    intro: Localized = Field(description="Short introduction per language.")
    icon: Text | None = Field(None, description="Material bundled icon name, e.g. 'material/account-child'.")


class Audience(Term):
    """A group of readers the site generates pages for."""

    hotlines: list[Slug] = Field(
        default_factory=list, description="Ids of the hotlines most relevant to this audience."
    )
    citizen: bool = Field(
        True, description="False for officials: their pages may be denser and are not checked for readability."
    )


class Topic(Term):
    """A subject that materials and articles are filed under."""


class AudienceFile(Model):
    """The whole of content/audiences.yml."""

    audiences: list[Audience] = Field(description="Audiences, in the order shown to readers.")


class TopicFile(Model):
    """The whole of content/topics.yml."""

    topics: list[Topic] = Field(description="Topics, in the order shown to readers.")
