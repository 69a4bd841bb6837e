"""Building blocks shared by all content schemas."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from phobien.core.text import is_slug, nfc
from phobien.model.urls import web_address

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


_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060\u00ad]")


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        hidden = _HIDDEN.search(value)
        if hidden:
            raise ValueError(
                f"invisible character U+{ord(hidden.group(0)):04X} at position {hidden.start() + 1} is not "
                "allowed in text (it hides or reorders what readers see); delete it"
            )
    return nfc(value) if isinstance(value, str) else value


def _visible(value: str) -> str:
    hidden = _ZERO_WIDTH.search(value)
    if hidden:
        raise ValueError(
            f"'{value}' contains the invisible character U+{ord(hidden.group(0)):04X}; a number must look "
            "exactly like what it is: delete it"
        )
    return value


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

WebUrl = Annotated[Text, AfterValidator(web_address)]
"""An absolute https:// (or http://) address (:mod:`phobien.model.urls`)."""


def _project_path(value: str) -> str:
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        raise ValueError(
            f"'{value}' is not a file name inside the project; write the name of the file "
            "(e.g. 'ha-noi-126-kh-ubnd-2023.pdf'), without '..' or a leading '/'"
        )
    return value


Code = Annotated[Text, AfterValidator(_visible)]
"""An official number or code: text without zero-width characters."""

ProjectPath = Annotated[Text, AfterValidator(_project_path)]
"""A file named relative to the project: no '..', no absolute path, no drive."""

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
    url: WebUrl | None = Field(None, description="Web address of the source (https://...), if it has one.")
    legal_ref: Text | None = Field(
        None, description="Id or number of the cited document in content/legal/, if it is one."
    )
    accessed: dt.date | None = Field(None, description="When the source was last read.")
