"""content/synonyms.yml: words and phrases that mean the same for search, per language.

The search index applies them when it is built (:mod:`phobien.search.index`): a page that says
"cảnh sát" is found by "công an" too, and the browser's queries stay as small as typed.
Checks across the file (groups of two or more, languages of the site, a phrase twice) are in
:mod:`phobien.checks.synonyms`.
"""

from __future__ import annotations

from pydantic import Field

from phobien.model.common import LangCode, Model, Text

Group = list[Text]


class SynonymFile(Model):
    """The whole of content/synonyms.yml."""

    synonyms: dict[LangCode, list[Group]] = Field(
        default_factory=dict,
        description="Per language code, groups of two or more words or phrases that mean the same, "
        "e.g. vi: [[công an, cảnh sát]]. Write them with their tone marks.",
    )
