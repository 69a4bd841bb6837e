"""Building blocks shared by all content schemas."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from phobien.core.text import is_slug, nfc

LANG_CODE_PATTERN = r"^[a-z]{2,3}$"


class Model(BaseModel):
    """Base of every content schema: unknown fields are errors, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)

    # Where this object was read from: the file (relative path) and the YAML path inside it.
    _file: str = PrivateAttr(default="")
    _path: tuple[str | int, ...] = PrivateAttr(default=())

    def located_at(self, file: str, path: tuple[str | int, ...]) -> None:
        """Remember where this object was read from, for messages about it later."""
        self._file = file
        self._path = path


def _slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(
            f"'{value}' is not a valid id; use lower-case ASCII letters, digits and hyphens (e.g. 'cong-an-tinh')"
        )
    return value


def _nfc(value: Any) -> Any:
    return nfc(value) if isinstance(value, str) else value


def _one_or_many(value: Any) -> Any:
    """Accept a single item where a list is expected: ``audiences: parents``."""
    if isinstance(value, str | dict):
        return [value]
    return value


Slug = Annotated[str, AfterValidator(_slug)]
"""An id: lower-case ASCII letters, digits and hyphens."""

LangCode = Annotated[str, Field(pattern=LANG_CODE_PATTERN)]
"""An ISO 639 language code of 2 or 3 lower-case letters (vi, en, km, hmn)."""

Text = Annotated[str, BeforeValidator(_nfc), Field(min_length=1)]
"""Non-empty text, stored NFC."""

Localized = dict[LangCode, Text]
"""Text per language code; must have the site's default language."""


def ListOf(item: Any) -> Any:  # noqa: N802 - reads like a type
    """A list that also accepts a single item written without '- '."""
    return Annotated[list[item], BeforeValidator(_one_or_many)]


class Source(Model):
    """Where a fact comes from: a law, a decision, an official page."""

    id: Slug | None = Field(
        None,
        description="Short name of this source in the page, e.g. 'bo-luat-hinh-su'; a claim in the text ends "
        "with [^bo-luat-hinh-su] to show this source next to it.",
    )
    title: Text = Field(description="Title of the source document or page.")
    issuer: Text | None = Field(None, description="Who issued or published it.")
    date: dt.date | None = Field(None, description="Date the source was issued or published.")
    article: Text | None = Field(None, description="Article, clause or section cited, e.g. 'Điều 20' or 'art. 20(1)'.")
    url: Text | None = Field(None, description="Web address of the source, if it has one.")
    legal_ref: Text | None = Field(
        None, description="Id or number of the cited document in content/legal/, if it is one."
    )
    accessed: dt.date | None = Field(None, description="When the source was last read.")
