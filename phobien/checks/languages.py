"""Texts per language: every text has the default language; unpublished languages are reported."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load.lookup import References
from phobien.load.salvage import invalid_fields
from phobien.load.tree import Content
from phobien.model.common import Localized, Model


def _localized_fields(
    obj: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], dict[str, str]]]:
    for name, info in type(obj).model_fields.items():
        if name in invalid_fields(obj):
            continue  # its own error says why
        value = getattr(obj, name)
        if info.annotation == Localized and isinstance(value, dict):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from _localized_fields(value, (*path, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _localized_fields(item, (*path, name, i))


def check_default_language_texts(content: Content, refs: References, diags: Diagnostics) -> None:
    """Every text needs the default language; texts in languages the site does not publish
    are allowed (content can be ready before a language is switched on) and reported once."""
    if "site" in content.broken:
        return
    site = content.site
    objs: list[Model] = [*content.audiences, *content.topics, *content.hotlines, site]
    unpublished: dict[str, tuple[Position, set[str]]] = {}
    for obj in objs:
        for path, texts in _localized_fields(obj):
            for code in texts:
                if code not in site.codes:
                    pos = content.pos(obj, *path, code, key=True)
                    unpublished.setdefault(pos.path, (pos, set()))[1].add(code)
            if site.default_language not in texts:
                diags.error(
                    content.pos(obj, *path),
                    f"'{path[-1]}' has no text in the default language "
                    f"'{site.default_language}'; add '{site.default_language}: ...'",
                )
    for pos, langs in unpublished.values():
        listed = ", ".join(f"'{c}'" for c in sorted(langs))
        diags.warning(
            pos,
            f"texts in {listed} are not published: the site's languages are {', '.join(site.codes)}; "
            "add the language to content/site.yml or check the code",
        )
