"""Materials, articles and hand-written pages: references, old addresses, plain language."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.text import is_slug
from phobien.load.lookup import References
from phobien.load.readability import check_readability
from phobien.load.tree import Content, Page

_FOLDERS = {"material": "materials", "article": "news", "doc": ""}
"""The section of the built site each kind of page is published in."""


def _at(page: Page, *path: str | int) -> Position:
    mark = page.located.value_mark(path)
    return Position(page.rel, mark.line, mark.col)


def check_references_of(page: Page, refs: References, diags: Diagnostics) -> None:
    """Audiences, topics, hotlines and legal documents named by one material or article."""
    meta = page.meta
    for name, index in (("audiences", refs.audiences), ("topics", refs.topics), ("hotlines", refs.hotlines)):
        for i, value in enumerate(getattr(meta, name, [])):
            index.check(diags, _at(page, name, i), value)
    for i, ref in enumerate(getattr(meta, "legal_refs", [])):
        refs.legal(diags, _at(page, "legal_refs", i), ref)
    for i, source in enumerate(getattr(meta, "sources", [])):
        if source.title.startswith("CẦN GHI NGUỒN") and getattr(meta, "draft", False):
            diags.warning(  # in a page that is not a draft it is an error (checks.placeholders)
                _at(page, "sources", i, "title"),
                "the source is still the placeholder; name the document, its number and article",
            )
        if source.legal_ref:
            refs.legal(diags, _at(page, "sources", i, "legal_ref"), source.legal_ref)
    lang = getattr(meta, "language", None)
    if page.kind == "article" and lang and lang != page.lang:
        diags.error(
            _at(page, "language"),
            f"language '{lang}' does not match the file name's '.{page.lang}.md'; remove the field or rename the file",
        )


def check_page_references(content: Content, refs: References, diags: Diagnostics) -> None:
    for page in [*content.materials, *content.articles]:
        check_references_of(page, refs, diags)


def check_aliases(content: Content, refs: References, diags: Diagnostics) -> None:
    """Old addresses (aliases) must be unique and must not hide a page that exists."""
    pages = [*content.materials, *content.articles, *content.docs]
    current = {(p.lang, f"{_FOLDERS[p.kind]}/{p.slug}".strip("/")): p for p in pages}
    claimed: dict[tuple[str, str], Page] = {}
    for page in pages:
        folder = _FOLDERS[page.kind]
        for i, alias in enumerate(page.meta.aliases):
            path = alias.strip().strip("/").removesuffix("/index.html").removesuffix(".html")
            if "/" not in path and folder:
                path = f"{folder}/{path}"
            key = (page.lang, path)
            pos = _at(page, "aliases", i)
            if not all(is_slug(part) for part in path.split("/")):
                diags.error(
                    pos,
                    f"alias '{alias}' is not an address of this site; write the old address, e.g. 'materials/ten-cu'",
                )
            elif key in current:
                diags.error(
                    pos,
                    f"alias '{alias}' is the address of {current[key].rel}; an alias must be an old "
                    "address that no page uses now",
                )
            elif key in claimed and claimed[key] is not page:
                diags.error(pos, f"alias '{alias}' is also claimed by {claimed[key].rel}; keep it on one page")
            else:
                claimed[key] = page


def check_plain_language(content: Content, refs: References, diags: Diagnostics) -> None:
    """Materials for citizens: short sentences and a summary."""
    if "site" in content.broken:
        return
    site = content.site
    citizens = {a.id for a in content.audiences if a.citizen}
    scripts = {lang.code: lang.script for lang in site.languages}
    for page in content.materials:
        if not citizens.intersection(getattr(page.meta, "audiences", [])):
            continue
        check_readability(
            page.rel,
            page.body,
            page.body_line,
            page.meta.summary,
            scripts.get(page.lang, "Latn"),
            site.max_sentence_syllables,
            diags,
            page.pos("title"),
            page.lang,
        )
