"""What editors may write inside Markdown: raw HTML from a safe list, safe link targets only.

Scripts, frames, objects, styles, inline event handlers and javascript:/data: links are
rejected with their line and column, as are images and media from other sites (a request
off the site would tell a third party who is reading about abuse or torture).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from phobien.core.diagnostics import Diagnostics, Position

SAFE_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
SAFE_ATTRIBUTES = {
    "alt",
    "cite",
    "class",
    "colspan",
    "datetime",
    "dir",
    "height",
    "href",
    "id",
    "lang",
    "markdown",
    "open",
    "rowspan",
    "scope",
    "src",
    "title",
    "width",
}
DANGEROUS_TAGS = {
    "script": "scripts are not allowed in content",
    "iframe": "embedded frames are not allowed (they load another site)",
    "frame": "frames are not allowed",
    "object": "embedded objects are not allowed",
    "embed": "embedded objects are not allowed",
    "style": "style sheets are not allowed in content; the site's design applies to every page",
    "link": "<link> is not allowed in content",
    "meta": "<meta> is not allowed in content",
    "base": "<base> is not allowed in content",
    "form": "forms are not allowed in content (they would send what people type elsewhere)",
    "input": "form fields are not allowed in content",
    "svg": "inline SVG is not allowed (it can carry scripts); save the image as a file",
    "math": "<math> is not allowed in content",
    "video": "video from content is not allowed; link to it instead",
    "audio": "audio from content is not allowed; link to it instead",
}
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.I)
REMOTE = re.compile(r"^\s*(https?:)?//", re.I)
FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]+`")
MD_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
AUTOLINK = re.compile(r"<((?:javascript|data|vbscript):[^>\s]*)>", re.I)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(body: str) -> str:
    """The body with code (fenced and inline) blanked out, positions unchanged."""
    return INLINE_CODE.sub(_blank, FENCE.sub(_blank, body))


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        if tag in DANGEROUS_TAGS:
            self.found.append((line, col, f"<{tag}>: {DANGEROUS_TAGS[tag]}"))
            return
        if tag not in SAFE_TAGS:
            self.found.append((line, col, f"<{tag}> is not on the list of allowed HTML tags; use Markdown instead"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, col, f"<{tag} {name}=...>: event handlers (scripts) are not allowed"))
            elif name not in SAFE_ATTRIBUTES:
                self.found.append((line, col, f"<{tag} {name}=...>: the attribute '{name}' is not allowed"))
            elif name in ("href", "src", "cite") and value and BAD_SCHEME.match(value):
                scheme = BAD_SCHEME.match(value).group(1).lower()  # type: ignore[union-attr]
                self.found.append((line, col, f'<{tag} {name}="{scheme}:...">: {scheme}: links are not allowed'))
            elif name == "src" and value and REMOTE.match(value):
                self.found.append(
                    (
                        line,
                        col,
                        f'<{tag} src="{value}">: images must be files of this site; '
                        "a picture from another site tells that site who is reading",
                    )
                )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def check_markup(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    """Report unsafe HTML and links in a Markdown ``body`` that starts at line ``first_line``."""
    text = _masked(body)
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    for line, col, message in scanner.found:
        diags.error(Position(rel, first_line + line - 1, col + 1), message)
    for pattern, group in ((MD_LINK, 2), (AUTOLINK, 1)):
        for m in pattern.finditer(text):
            target = m.group(group)
            line = text.count("\n", 0, m.start(group)) + first_line
            col = m.start(group) - (text.rfind("\n", 0, m.start(group)) + 1) + 1
            bad = BAD_SCHEME.match(target)
            if bad:
                scheme = bad.group(1).lower()
                diags.error(Position(rel, line, col), f"{scheme}: links are not allowed; link to a web page instead")
            elif pattern is MD_LINK and m.group(1) == "!" and REMOTE.match(target):
                diags.error(
                    Position(rel, line, col),
                    "images must be files of this site; a picture from another site tells that site who is reading",
                )
