"""The searchable text of a built page: what is inside ``article.md-content__inner``.

Menus, the help bar, the header and the footer are outside the article and never indexed.
Inside it, ``<script>``, ``<style>``, ``<svg>`` and any element with ``data-search-ignore``
are skipped. Pages showing another language's text (the fallback notice of an untranslated
page) are left to that language's search.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

ARTICLE_START = '<article class="md-content__inner'
FALLBACK_CLASS = "pb-notice--fallback"
SNIPPET_CHARS = 140

_SKIP = {"script", "style", "svg", "noscript", "template", "button", "form"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.I)
_SPACE = re.compile(r"\s+")


@dataclass
class PageText:
    url: str
    """Relative to the language's root: ``materials/x/`` (or ``materials/x.html`` offline)."""
    title: str
    blocks: list[str] = field(default_factory=list)
    """Text of each paragraph, heading, list item, table cell… (phrases do not cross them)."""
    snippet: str = ""
    fallback: bool = False


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0
        self.h1: str | None = None
        self.in_h1 = False
        self.h1_parts: list[str] = []
        self.fallback = False

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if FALLBACK_CLASS in (values.get("class") or "").split():
            self.fallback = True
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        skip = tag in _SKIP or "data-search-ignore" in values
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
        if tag == "h1" and self.h1 is None and not self.skipping:
            self.in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            name, skip = self.stack.pop()
            if skip:
                self.skipping -= 1
            if name == tag:
                break
        if tag in _BLOCK:
            self._flush()
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = _SPACE.sub(" ", "".join(self.h1_parts)).strip()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.current.append(data)
        if self.in_h1:
            self.h1_parts.append(data)


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"


def page_text(source: str, url: str) -> PageText | None:
    """The searchable text of one built HTML page, or None when it has no article."""
    start = source.find(ARTICLE_START)
    if start < 0:
        return None
    end = source.rfind("</article>")
    parser = _ArticleParser()
    parser.feed(source[start : end if end > start else len(source)])
    parser.close()
    parser._flush()
    title = parser.h1
    if not title:
        m = _TITLE.search(source)
        title = _SPACE.sub(" ", html.unescape(m.group(1))).strip() if m else url
    blocks = parser.blocks
    m = _DESCRIPTION.search(source[:start])
    description = _SPACE.sub(" ", html.unescape(m.group(1))).strip() if m else ""
    body = blocks[1:] if blocks and blocks[0] == title else blocks
    snippet = _snippet(description or " ".join(body))
    return PageText(url=url, title=title, blocks=blocks, snippet=snippet, fallback=parser.fallback)
