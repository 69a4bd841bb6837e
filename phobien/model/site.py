"""content/site.yml: the site as a whole."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from phobien.model.common import LangCode, Localized, Model, Slug, Text, WebUrl
from phobien.model.urls import host


class Language(Model):
    """One language the site is published in."""

    code: LangCode = Field(description="ISO 639 code, 2 or 3 letters: vi, en, km, hmn.")
    name: Text = Field(description="The language's own name for itself, e.g. 'Tiếng Việt'.")
    name_vi: Text | None = Field(None, description="The language's name in Vietnamese.")
    script: Literal["Latn", "Khmr", "Thai", "Laoo", "Cham", "Tavt"] = Field(
        "Latn", description="ISO 15924 script code: Latn, Khmr, ..."
    )
    direction: Literal["ltr", "rtl"] = Field("ltr", description="Text direction.")


class Site(Model):
    """Settings of the whole site."""

    name: Localized = Field(description="Site name per language.")
    owner_agency: Slug = Field(description="Id (in agencies.yml) of the agency that runs the site.")
    base_url: WebUrl = Field(
        description="Absolute address where the site is published, e.g. https://pbgdpl.example.vn/"
    )
    languages: list[Language] = Field(min_length=1, description="Languages, in menu order.")
    default_language: LangCode = Field("vi", description="Language of '/' and of fallback pages.")
    quick_exit_url: WebUrl = Field(
        "https://www.google.com/search?q=th%E1%BB%9Di+ti%E1%BA%BFt",
        description="Neutral page the quick-exit control leaves to (e.g. a weather search).",
    )
    safety_page: Slug = Field(
        "an-toan", description="Name of the docs/ page on browsing safely, linked next to quick exit."
    )
    hotline_max_age_days: int = Field(180, ge=1, description="Days after which a hotline's verified_on is stale.")
    review_max_age_days: int = Field(
        365, ge=1, description="Days after a material's review.reviewed_on when its next review is due."
    )
    max_sentence_syllables: int = Field(
        25, ge=5, description="Longest sentence (in syllables) allowed in materials for citizens."
    )
    engine: Literal["properdocs", "mkdocs"] | None = Field(
        None,
        description=(
            "Program that renders the pages, both with the Material theme: 'properdocs' (the default: "
            "the maintained continuation of MkDocs 1.x) or 'mkdocs' (MkDocs 1.6). "
            "'phobien build --engine' wins over this setting."
        ),
    )

    @model_validator(mode="after")
    def _check(self) -> Site:
        codes = [lang.code for lang in self.languages]
        if self.default_language not in codes:
            raise ValueError(
                f"default_language '{self.default_language}' is not in languages "
                f"({', '.join(codes)}); add it to languages or change default_language"
            )
        if not self.quick_exit_url.lower().startswith("https://") or host(self.quick_exit_url) == host(self.base_url):
            raise ValueError(
                f"quick_exit_url '{self.quick_exit_url}' must be an https:// page of another site "
                "(e.g. a weather search), so that leaving is quick and leaves no trace of this site"
            )
        return self

    @classmethod
    def placeholder(cls) -> Site:
        """Settings that stand in while site.yml cannot be read, so that every other file can
        still be checked (the checks that need the real settings skip, see ``Content.broken``)."""
        return cls(
            name={"vi": "phobien"},
            owner_agency="unknown",
            base_url="https://localhost/",
            languages=[Language(code="vi", name="Tiếng Việt")],
        )

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)
