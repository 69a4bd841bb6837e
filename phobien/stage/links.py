"""Links editors write between pages, rewritten to the address of the page in each language.

An editor links to another page in one of two ways (docs/huong-dan-bien-tap.vi.md):

- by its source file, relative to the file being written: ``[…](../materials/x.vi.md)``;
- by a short form ``kind:slug``: ``material:``, ``article:``, ``page:``, ``plan:``,
  ``audience:``, ``legal:``, ``agency:`` (``[…](material:x#anchor)``).

Links written as addresses of the built site (``../../materials/x/``) are understood too, so
that they also work in the offline copy (``x.html``). The build writes each link as a relative
link to the page in the reader's language (as the staged page's path, which the engine turns
into its address); an article that does not exist in that language is linked in the language it
was written in. A link to no page is an error of ``phobien check``
(:func:`broken_links`), so the build never rewrites one.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from phobien.load import Content
from phobien.stage.urls import page_url

KINDS: dict[str, str] = {
    "material": "materials/{}.md",
    "article": "news/{}.md",
    "page": "{}.md",
    "plan": "plans/{}.md",
    "audience": "{}.md",
    "legal": "legal/{}.md",
    "agency": "agencies/{}.md",
}
"""Short form → staged page (the kinds of :data:`phobien.model.urls.PAGE_LINK_KINDS`)."""

SOURCE_FOLDERS: dict[str, str] = {"content/materials": "materials", "content/articles": "news", "docs": ""}
"""Source folder → the section its pages are published in."""

_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*<?)(\S+?)>?(?:\s|$)", re.M)
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1|(`+)[^`\n].*?\2", re.M | re.S)
_SHORT = re.compile(r"^([a-z]+):([a-z0-9][a-z0-9-]*)$")


@dataclass
class Targets:
    """Every page a link may lead to: staged path → the languages it exists in ("*": all)."""

    pages: dict[str, set[str]] = field(default_factory=dict)
    default: str = "vi"

    def has(self, path: str) -> bool:
        return path in self.pages


def targets_of(content: Content) -> Targets:
    everywhere = {"*"}
    pages: dict[str, set[str]] = {"index.md": everywhere, "hotlines.md": everywhere, "search.md": everywhere}
    for folder in ("materials", "news", "plans", "legal", "agencies"):
        pages[f"{folder}/index.md"] = everywhere
    pages["plans/deadlines.md"] = everywhere
    pages["nha-truong-va-doi-tac.md"] = everywhere
    for page in [*content.materials, *content.docs]:
        pages[("materials/" if page.kind == "material" else "") + f"{page.slug}.md"] = everywhere
    for page in content.articles:
        pages.setdefault(f"news/{page.slug}.md", set()).add(page.lang)
    for ids, pattern in (
        ([a.id for a in content.audiences], "{}.md"),
        (list(content.plans), "plans/{}.md"),
        (list(content.legal), "legal/{}.md"),
        ([a.id for a in content.agencies], "agencies/{}.md"),
    ):
        pages.update({pattern.format(i): everywhere for i in ids})
    return Targets(pages, content.site.default_language)


def links_in(body: str) -> Iterator[tuple[int, str]]:
    """(offset in ``body``, target) of every Markdown link outside code (fenced or inline)."""
    fenced = [m.span() for m in _FENCE.finditer(body)]
    for pattern in (_INLINE, _REFERENCE):
        for m in pattern.finditer(body):
            if not any(a <= m.start() < b for a, b in fenced):
                yield m.start(2), m.group(2)


def resolve(target: str, here: str) -> tuple[str, str] | None:
    """The staged page (and anchor) a link written on the page staged at ``here`` means, or
    None for a link that is not to a page of the site (another site, a file, an anchor)."""
    url, _, anchor = target.partition("#")
    short = _SHORT.match(url)
    if short and short.group(1) in KINDS:
        return KINDS[short.group(1)].format(short.group(2)), anchor
    if not url or re.match(r"^[a-z][a-z0-9+.-]*:|^/|^\.?$", url):
        return None
    if url.endswith(".md"):
        source = posixpath.normpath(posixpath.join(source_folder(here), url))
        folder, _, name = source.rpartition("/")
        if folder not in SOURCE_FOLDERS:
            return (f"{folder}/{name}" if folder else name), anchor  # not a page: reported as such
        slug = name.removesuffix(".md").split(".")[0]
        section = SOURCE_FOLDERS[folder]
        return (f"{section}/{slug}.md" if section else f"{slug}.md"), anchor
    if url.endswith("/") or url.endswith(".html"):
        site = posixpath.normpath(posixpath.join(page_url(here), url))
        if site.startswith(".."):
            return None  # another language's folder or outside the site: left as written
        stem = site.removesuffix(".html").removesuffix("/index")
        return ("index.md" if stem in (".", "index") else f"{stem}.md"), anchor
    return None


def source_folder(here: str) -> str:
    """The source folder of the page staged at ``here`` (links to .md files are relative to it)."""
    section = here.rpartition("/")[0]
    for folder, published in SOURCE_FOLDERS.items():
        if published == section:
            return folder
    return "docs"


def rewrite_links(body: str, here: str, lang: str, targets: Targets, directory_urls: bool) -> str:
    """``body`` (Markdown of the page staged at ``here`` in ``lang``) with each link to a page of
    the site written as the relative address of that page; other links are left as written."""
    out, last = [], 0
    for offset, target in sorted(links_in(body)):
        found = resolve(target, here)
        if found is None:
            continue
        path = _known(found[0], targets)
        if path is None:
            continue
        out += [body[last:offset], _address(here, path, found[1], lang, targets, directory_urls)]
        last = offset + len(target)
    return "".join(out) + body[last:]


def _address(here: str, path: str, anchor: str, lang: str, targets: Targets, directory_urls: bool) -> str:
    """Relative address from ``here`` to ``path`` in ``lang``, or in the language it exists in."""
    langs = targets.pages[path]
    if "*" in langs or lang in langs:
        # A staged page links to another by its staged path; the engine turns that into the
        # page's address (``x/`` or ``x.html``) and checks that the page is there.
        return posixpath.relpath(path, posixpath.dirname(here) or ".") + (f"#{anchor}" if anchor else "")
    other = targets.default if targets.default in langs else sorted(langs)[0]
    depth = page_url(here, directory_urls).count("/")
    return "../" * (depth + 1) + f"{other}/" + page_url(path, directory_urls) + (f"#{anchor}" if anchor else "")


def _known(path: str, targets: Targets) -> str | None:
    """``path`` or its folder's index page, if a page of the site."""
    if targets.has(path):
        return path
    index = path.removesuffix(".md") + "/index.md"
    return index if targets.has(index) else None


def broken_links(body: str, here: str, targets: Targets) -> Iterator[tuple[int, str]]:
    """(offset, target) of each link in ``body`` that means a page of the site that does not exist."""
    for offset, target in links_in(body):
        found = resolve(target, here)
        if found is not None and _known(found[0], targets) is None:
            yield offset, target
