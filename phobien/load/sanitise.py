"""The allow-list for HTML rendered from editors' Markdown, enforced by ``nh3`` (Rust ``ammonia``).

Only the elements and attributes below survive; URL attributes only with https, http, tel,
mailto, paths inside the site and anchors, judged after the browser's own URL pre-processing
(entities decoded, tabs and newlines removed, leading controls and spaces stripped); images
only from the site itself. :func:`removed` says what the sanitiser takes out of a rendered
page, so that ``phobien check`` can report it at its place and the build never publishes it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import nh3

from phobien.model.urls import PAGE_LINK_KINDS

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
GENERIC = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": GENERIC,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
SCHEMES = {"https", "http", "tel", "mailto"}
URL_ATTRIBUTES = {"href", "src", "cite"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_ID = re.compile(r"^[A-Za-z0-9_:.-]+$")
_CLASS = re.compile(r"^[A-Za-z0-9_ -]*$")
_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?$")
_C0_SPACE = "".join(chr(c) for c in range(0x21))


def browser_url(value: str) -> str:
    """``value`` (already entity-decoded) as a browser's URL parser reads it, lower-cased."""
    return re.sub(r"[\t\n\r]", "", value.strip(_C0_SPACE)).lower()


def url_problem(tag: str, attr: str, value: str) -> str | None:
    """Why the URL ``value`` of ``<tag attr>`` is not allowed, or None."""
    url = browser_url(value)
    scheme = _SCHEME.match(url)
    if tag == "img" and attr == "src":
        if scheme or url.startswith("//") or "\\" in url:
            return (
                f"the image '{value.strip()}' is not a file of this site; save the picture in the site "
                "and link to the file (a picture from another site tells that site who is reading)"
            )
        return None
    if scheme and tag == "a" and scheme.group(1) in PAGE_LINK_KINDS and url == value.strip().lower():
        return None  # a link to a page of the site; checks/links.py checks that the page exists
    if scheme and scheme.group(1) not in SCHEMES:
        return (
            f"{scheme.group(1)}: links are not allowed; link to a web page (https://...), "
            "a phone number (tel:) or an e-mail address (mailto:)"
        )
    if not scheme and (url.startswith(("//", "/\\", "\\")) or "\\" in url.split("?")[0]):
        return f"the link '{value.strip()}' is not a path of this site; write the full address (https://...)"
    return None


def attribute_problem(tag: str, attr: str, value: str) -> str | None:
    """Why ``attr="value"`` is not allowed on ``<tag>`` (the same rules nh3 is given)."""
    if attr.startswith("on"):
        return f"<{tag} {attr}=...>: event handlers (scripts) are not allowed in content"
    if attr not in ATTRIBUTES["*"] and attr not in ATTRIBUTES.get(tag, set()):
        return f"<{tag} {attr}=...>: the attribute '{attr}' is not allowed in content"
    if attr in URL_ATTRIBUTES:
        return url_problem(tag, attr, value)
    if attr == "style" and not _ALIGN.match(value.strip()):
        return f"<{tag} style=...>: styles are not allowed in content; the site's design applies to every page"
    if attr == "id" and not _ID.match(value):
        return f"<{tag} id=...>: the id '{value}' may contain only letters, digits and hyphens"
    if attr == "class" and not _CLASS.match(value):
        return f"<{tag} class=...>: the class '{value}' may contain only letters, digits and hyphens"
    return None


def _filter(tag: str, attr: str, value: str) -> str | None:
    return None if attribute_problem(tag, attr, value) else value


def sanitise(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "noscript", "iframe", "object", "template", "textarea", "select"},
        attributes=ATTRIBUTES,
        attribute_filter=_filter,
        # The short forms of links between pages (material:slug…) are kept: no browser runs them,
        # staging rewrites those of Markdown links, and checks/links.py reports one to no page.
        url_schemes=SCHEMES | set(PAGE_LINK_KINDS),
        strip_comments=True,
        link_rel=None,
    )


@dataclass(frozen=True)
class Removal:
    """One element, or attributes of one element, that the sanitiser removes."""

    tag: str
    attrs: tuple[tuple[str, str], ...]

    def reasons(self) -> list[str]:
        if self.tag not in TAGS:
            return [
                _TAG_REASONS.get(self.tag, f"<{self.tag}> is not on the list of allowed HTML elements; use Markdown")
            ]
        found = [attribute_problem(self.tag, name, value) for name, value in self.attrs]
        return [r for r in found if r] or [f"<{self.tag}>: removed by the HTML sanitiser; use plain Markdown"]

    def needles(self) -> list[str]:
        """Text to look for on the line, to give the column: the start tag of an element that is
        not allowed at all, else the value or name of the attribute that is."""
        if self.tag not in TAGS:
            return [f"<{self.tag}"]
        bad = [(n, v) for n, v in self.attrs if attribute_problem(self.tag, n, v)]
        # An attribute wrong whatever its value (onclick, style) is found by its name; one wrong
        # because of its value (a javascript: href) by the value.
        found = [n if attribute_problem(self.tag, n, "") or not v else v[:12] for n, v in bad]
        return [*found, f"<{self.tag}"]


_TAG_REASONS = {
    "script": "<script>: scripts are not allowed in content",
    "iframe": "<iframe>: embedded frames are not allowed (they load another site)",
    "object": "<object>: embedded objects are not allowed",
    "embed": "<embed>: embedded objects are not allowed",
    "style": "<style>: style sheets are not allowed in content; the site's design applies to every page",
    "link": "<link> is not allowed in content",
    "meta": "<meta> is not allowed in content",
    "base": "<base> is not allowed in content",
    "form": "<form>: forms are not allowed in content (they would send what people type elsewhere)",
    "svg": "<svg>: inline SVG is not allowed (it can carry scripts); save the image as a file",
    "math": "<math> is not allowed in content",
}


def _signatures(html: str) -> Counter[Removal]:
    import lxml.html

    found: Counter[Removal] = Counter()
    if not html.strip():
        return found
    root: Any = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        found[
            Removal(el.tag.split("}")[-1].lower(), tuple(sorted((str(k), str(v)) for k, v in el.attrib.items())))
        ] += 1
    return found


def removed(html: str) -> Counter[Removal]:
    """What :func:`sanitise` takes out of ``html``: the elements (with their attributes) that change."""
    before = _signatures(html)
    if not before:
        return before
    return before - _signatures(sanitise(html))
