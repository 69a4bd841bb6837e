"""The searchable text of a built page: what is inside the element marked ``data-phobien-main``.

phobien's template (``overrides/main.html``) puts that attribute on the element holding the
page's main content, whatever the theme calls it. Menus, the help bar, the header and the
footer are outside it and never indexed.
Inside it, ``<script>``, ``<style>``, ``<svg>`` and any element with ``data-search-ignore``
are skipped. Pages showing another language's text (the fallback notice of an untranslated
page) are left to that language's search.

Fields, for ranking (:mod:`phobien.search.rank`): the title (the first ``<h1>``) with the names
of the page (elements marked ``data-search-name``, such as a plan's number), the summary (the
page's description), the headings (``<h2>`` … ``<h6>``) and the body. The kind of page comes from
the ``data-kind`` attribute of the main element, and the name of that kind ("Kế hoạch",
``data-kind-name``) is one of the page's names. A page whose description only repeats its
title (agencies, legal documents) is summed up by its definition list instead ("Cơ quan ban
hành: Quốc hội · Tình trạng: Còn hiệu lực"), so that a result says what the body or document is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MAIN_ATTRIBUTE = "data-phobien-main"
_MAIN_START = re.compile(r"<([a-z][a-z0-9]*)\b[^<>]*?\s" + MAIN_ATTRIBUTE + r"[\s=/>]")
FALLBACK_CLASS = "pb-notice--fallback"
SNIPPET_CHARS = 140
FACT_CHARS = 120
"""A definition of at most this length goes into the summary of a page without description."""
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
LISTING_CLASS = "pb-list"
"""phobien's lists of other pages (their titles and summaries): they describe those pages, so
they count little for the page that lists them (an audience page, a list of materials)."""

_SKIP = {"script", "style", "svg", "noscript", "template", "button", "form"}
_MARKER_CLASSES = {"pb-cite", "footnote-ref"}
"""Source markers ("[10]") at a claim: a number pointing elsewhere, not text to search or excerpt."""


_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.I)
_SPACE = re.compile(r"\s+")
_KIND = re.compile(r'\sdata-kind="([a-z-]*)"')
_KIND_NAME = re.compile(r'\sdata-kind-name="([^"]*)"')


@dataclass
class PageText:
    url: str
    """Relative to the language's root: ``materials/x/`` (or ``materials/x.html`` offline)."""
    title: str
    blocks: list[str] = field(default_factory=list)
    """Text of each paragraph, heading, list item, table cell… (phrases do not cross them)."""
    snippet: str = ""
    fallback: bool = False
    kind: str = ""
    """The kind of page (``data-kind``: material, audience, plan, agency, legal, …)."""
    summary: str = ""
    """The page's own description (empty when it only repeats the title)."""
    kind_name: str = ""
    """The name of the page's kind ("Kế hoạch"), from ``data-kind-name``."""
    roles: list[str] = field(default_factory=list)
    """For each block: ``b`` body, ``h`` heading, ``n`` name, ``t`` term of a definition list
    (``<dt>``), ``d`` its definition, ``o`` the title or summary of another page in a list of
    pages; ``1`` the title."""


_PARSER = etree.HTMLParser(recover=True, remove_comments=True, remove_pis=True, no_network=True)


class _Walk:
    """Text blocks of an article element tree (lxml parses in C, ~2x faster than html.parser)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.roles: list[str] = []
        self.role = "b"
        self.current: list[str] = []
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None
        self.fallback = False

    def flush(self) -> None:
        if not self.current:
            return
        text = " ".join("".join(self.current).split())  # what \s+ → " " and strip() make, faster
        if text:
            self.blocks.append(text)
            self.roles.append(self.role)
        self.current = []

    def text(self, data: str, in_h1: bool) -> None:
        self.current.append(data)
        if in_h1 and self.h1_parts is not None:
            self.h1_parts.append(data)

    def walk(self, el: Any, skipping: bool, in_h1: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction left in
            return
        classes = el.get("class")
        names = classes.split() if classes else ()
        if FALLBACK_CLASS in names:
            self.fallback = True
        block = tag in _BLOCK
        if block:
            self.flush()
        if tag in _VOID:
            return
        skip = (
            skipping
            or tag in _SKIP
            or el.get("data-search-ignore") is not None
            or (tag == "sup" and not _MARKER_CLASSES.isdisjoint(names))
        )
        first_h1 = tag == "h1" and self.h1_parts is None and not skip
        if first_h1:
            self.h1_parts, in_h1 = [], True
        outer = self.role
        self.role = _role(tag, el, outer, first_h1, names)
        if el.text and not skip:
            self.text(el.text, in_h1)
        for child in el:
            self.walk(child, skip, in_h1)
            if child.tail and not skip:
                self.text(child.tail, in_h1)
        if block:
            self.flush()
        self.role = outer
        if first_h1 and self.h1_parts is not None:
            self.h1 = _SPACE.sub(" ", "".join(self.h1_parts)).strip()


def _role(tag: str, el: Any, outer: str, first_h1: bool, names: Any) -> str:
    """The role of an element's text, given its class names."""
    if first_h1:
        return "1"
    if outer == "o" or LISTING_CLASS in names:
        return "o"
    if el.get("data-search-name") is not None:
        return "n"
    if tag in _HEADINGS:
        return "h"
    if tag == "dt":
        return "t"
    if tag == "dd":
        return "d"
    return outer


def facts(blocks: list[str], roles: list[str], title: str) -> str:
    """``term: definition · …`` of a page's definition list, leaving out what the title says."""
    out: list[str] = []
    for i in range(len(blocks) - 1):
        if roles[i] != "t" or roles[i + 1] not in "dn":
            continue
        value = blocks[i + 1]
        if value in title or len(value) > FACT_CHARS:
            continue
        out.append(f"{blocks[i]}: {value}")
    return " · ".join(out)


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"


def _main_start(source: str) -> tuple[int, str] | None:
    """Where the main content's start tag begins, and its tag name. A fast find first: the
    attribute's name is rare, and text outside tags cannot hold a ``<`` (it is escaped)."""
    at = source.find(MAIN_ATTRIBUTE)
    while at >= 0:
        tag_start = source.rfind("<", 0, at)
        m = _MAIN_START.match(source, tag_start) if tag_start >= 0 else None
        if m and m.end() > at:
            return tag_start, m.group(1)
        at = source.find(MAIN_ATTRIBUTE, at + 1)
    return None


def page_text(source: str, url: str) -> PageText | None:
    """The searchable text of one built HTML page, or None when it has no main content."""
    found = _main_start(source)
    if found is None:
        return None
    start, tag = found
    end = source.rfind(f"</{tag}>")
    root = etree.fromstring(source[start : end if end > start else len(source)], _PARSER)
    walk = _Walk()
    main = root.find(f".//{tag}[@{MAIN_ATTRIBUTE}]") if root is not None else None
    if main is not None:
        walk.walk(main, False, False)
    walk.flush()
    title = walk.h1
    if not title:
        m = _TITLE.search(source)
        title = _SPACE.sub(" ", html.unescape(m.group(1))).strip() if m else url
    blocks = walk.blocks
    m = _DESCRIPTION.search(source[:start])
    description = _SPACE.sub(" ", html.unescape(m.group(1))).strip() if m else ""
    if description.startswith(title):  # "title — site name": says nothing of its own
        description = ""
    body = blocks[1:] if blocks and blocks[0] == title else blocks
    summed = "" if description else facts(blocks, walk.roles, title)
    snippet = _snippet(summed, SNIPPET_CHARS + 80) if summed else _snippet(description or " ".join(body))
    kind = _KIND.search(source, start, start + 400)
    kind_name = _KIND_NAME.search(source, start, start + 500)
    name = html.unescape(kind_name.group(1)) if kind_name else ""
    if name:  # the name of the kind names the page too: "Kế hoạch" for a plan
        blocks.append(name)
        walk.roles.append("n")
    return PageText(
        url=url,
        title=title,
        blocks=blocks,
        snippet=snippet,
        fallback=walk.fallback,
        kind=kind.group(1) if kind else "",
        summary=description,
        kind_name=name,
        roles=walk.roles,
    )


TEXT_CHARS = 2_000
"""The text kept of a page for excerpts (a phone shows a few lines of it)."""


def excerpt_blocks(blocks: list[str]) -> list[str]:
    """The first blocks of a page, as long as they are at most :data:`TEXT_CHARS` together."""
    kept: list[str] = []
    size = 0
    for block in blocks:
        if size + len(block) > TEXT_CHARS:
            break
        kept.append(block)
        size += len(block)
    return kept
