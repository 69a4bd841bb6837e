"""Two rules every layer shares: which text to show in a language, and when a translation is
outdated. Plain functions on plain values, so that loading, checks, staging, printing and the
``translations`` command all decide the same way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from phobien.core.text import content_hash


def in_language(texts: Mapping[str, str] | None, lang: str, default: str) -> tuple[str, str]:
    """The text of ``texts`` (language code → text) to show in ``lang``: its own, else the
    default language's, else the first one given; with the code of the language it is in.
    ``("", lang)`` when there is no text at all."""
    if not texts:
        return "", lang
    if texts.get(lang):
        return texts[lang], lang
    code = default if texts.get(default) else next(iter(texts))
    return texts[code], code


class _Translated(Protocol):
    slug: str
    lang: str
    body: str
    meta: Any


def original_key(page: _Translated) -> tuple[str, str] | None:
    """(slug, language) of the original that ``page`` says it translates (``translation.source``,
    e.g. ``x.vi.md`` → ``("x", "vi")``); None for a page that is not a translation."""
    tr = page.meta.translation
    if tr is None:
        return None
    slug, _, rest = tr.source.rpartition("/")[-1].partition(".")
    return slug, rest.removesuffix(".md")


def by_key(pages: Iterable[_Translated]) -> dict[tuple[str, str], Any]:
    """Pages by (slug, language), the lookup :func:`original_of` takes."""
    return {(p.slug, p.lang): p for p in pages}


def original_of(page: _Translated, pages: Mapping[tuple[str, str], Any]) -> Any:
    """The original ``page`` translates, from ``pages`` (see :func:`by_key`); None when it is not
    a translation or its original does not exist."""
    key = original_key(page)
    return pages.get(key) if key else None


def is_outdated(page: _Translated, original: _Translated | None) -> bool:
    """True when ``original`` changed after ``page`` was translated from it (its text no longer
    has the ``translation.source_hash`` recorded in the translation)."""
    tr = page.meta.translation
    return bool(tr is not None and original is not None and content_hash(original.body) != tr.source_hash)
