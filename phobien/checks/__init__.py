"""Checks over the loaded content. Each check is a function ``(content, refs, diags)`` that adds
diagnostics and never stops the others; :data:`CHECKS` lists them in the order they run.

The load layer reads and validates each file on its own; the checks here look across files
(references, duplicates, translations, freshness, plain language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from phobien.checks import (
    citations,
    ids,
    languages,
    legal,
    links,
    pages,
    placeholders,
    plans,
    reports,
    reviews,
    site,
    synonyms,
    translations,
    validity,
    vocab,
)
from phobien.core.diagnostics import Diagnostics
from phobien.core.memo import Memo, held, version_of
from phobien.load import markup, readability
from phobien.load.lookup import References
from phobien.load.tree import Content, Page, load_content, reload_page

Check = Callable[[Content, References, Diagnostics], None]

CHECKS: tuple[Check, ...] = (
    ids.check_duplicate_ids,
    ids.check_reserved_names,
    vocab.check_audiences,
    vocab.check_hotlines,
    vocab.check_agencies,
    validity.check_closed_agencies,
    languages.check_default_language_texts,
    site.check_site,
    site.check_ui_strings,
    legal.check_legal_documents,
    plans.check_plans,
    reports.check_reports,
    pages.check_page_references,
    pages.check_aliases,
    pages.check_plain_language,
    placeholders.check_placeholders,
    reviews.check_reviews,
    links.check_page_links,
    citations.check_citations,
    translations.check_translations,
    synonyms.check_synonyms,
)

PAGE_CHECKS: tuple[Callable[[Page, References, Diagnostics], None], ...] = (pages.check_references_of,)
"""The checks of one page alone (``phobien serve`` after an edit of that page)."""


def run_checks(content: Content, diags: Diagnostics) -> None:
    refs = References(content)
    for check in CHECKS:
        try:
            check(content, refs, diags)
        except (AttributeError, TypeError, KeyError, ValueError):
            # A file kept in part after its errors (load.salvage) has empty fields a check may not
            # expect: the errors already reported stand, and the other checks still run.
            if not content.salvaged:
                raise


def check_content(root: Path) -> tuple[Content, Diagnostics]:
    """Read ``root``/content and ``root``/docs and run every check. Never raises for bad content."""
    content, diags = load_content(root)
    if content.root_found:
        memo = Memo(root / ".phobien-cache" / "check" / "sentences.bin", _SENTENCES)
        with held(readability.MEMO, memo):
            run_checks(content, diags)
    return content, diags


_SENTENCES = version_of([readability, markup], [])
"""The version of what the plain-language check finds in a body (its code and the masking of code)."""


def recheck_page(content: Content, path: Path, diags: Diagnostics) -> Page | None:
    """Read one page again and check it and its references; the rest is taken as it was."""
    page = reload_page(content, path, diags)
    if page is not None and page.kind != "doc":
        refs = References(content)
        for check in PAGE_CHECKS:
            check(page, refs, diags)
    return page
