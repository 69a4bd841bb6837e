"""What editors may write inside Markdown: what the HTML sanitiser keeps, nothing more.

The body is rendered with the site's Markdown extensions and given to the allow-list of
:mod:`phobien.load.sanitise` (nh3). Whatever it would remove (scripts, frames, styles, event
handlers, attr_list attributes, javascript:/data: links in any spelling, images from other
sites) is an error at its line and column: the line is found by rendering ever longer
beginnings of the body until the removal appears, so reference definitions, links over two
lines and HTML blocks are reported where they are written.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import markdown

from phobien.core.diagnostics import Diagnostics, Position, Severity
from phobien.core.memo import MISSING, Memo, held, holding, key_of, version_of
from phobien.load.sanitise import Removal, removed, url_problem

FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]+`")
MD_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
AUTOLINK = re.compile(r"<((?:javascript|data|vbscript):[^>\s]*)>", re.I)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(body: str) -> str:
    """The body with code (fenced and inline) blanked out, positions unchanged."""
    return INLINE_CODE.sub(_blank, FENCE.sub(_blank, body))


RAW_MARKER = re.compile(r"<!--\s*/?pb-raw")
BANG_COMMENT = re.compile(r"--!>")
CDATA = re.compile(r"<!\[CDATA\[", re.I)
ANGLE_LINK = re.compile(r"\]\(\s*<([^>\n]*)>")
MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
DEEP_RUN = 500
DEEP = re.compile(rf"\[{{{DEEP_RUN}}}|\*{{{DEEP_RUN}}}|_{{{DEEP_RUN}}}")
EXTENSIONS = ("fenced_code", "toc", "attr_list", "md_in_html", "admonition", "tables", "def_list", "pymdownx.details")
"""The site's Markdown extensions: mkdocs.yml's, and fenced_code, which MkDocs always adds."""


@cache
def _converter() -> markdown.Markdown:
    """One converter per process, reset before each text: making one with these extensions takes
    as long as converting a short page."""
    return markdown.Markdown(extensions=list(EXTENSIONS))


def _render(text: str) -> str:
    return _converter().reset().convert(text)


def _position(text: str, index: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + first_line
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _source_checks(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    """What no rendering shows: internal markers, and comment endings browsers read differently."""
    text = _masked(body)
    rules: list[tuple[re.Pattern[str], str]] = [
        (RAW_MARKER, "'<!--pb-raw-->' is phobien's internal marker and cannot be used in content; delete it"),
        (BANG_COMMENT, "'--!>' ends an HTML comment in browsers, so what follows is live; write '-->'"),
        (CDATA, "'<![CDATA[' is not a comment in HTML and what is inside is live; delete it"),
    ]
    for pattern, message in rules:
        for m in pattern.finditer(text):
            line, col = _position(text, m.start(), first_line)
            diags.error(Position(rel, line, col), message)


def _first_line_with(lines: list[str], has: Callable[[str], int], k: int) -> int:
    """The fewest lines of the body whose rendering already shows the ``k``-th removal (binary search)."""
    lo, hi = 1, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if has("\n".join(lines[:mid]) + "\n") >= k:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _place(lines: list[str], n: int, removal: Removal) -> tuple[int, int]:
    """Line and column of ``removal`` that rendering first showed at line ``n``: the line where its
    start tag or attribute is written (an attribute value can go on over the following lines)."""
    for back in range(n, max(0, n - 6), -1):
        lower = lines[back - 1].lower()
        for needle in removal.needles():
            i = lower.find(needle.lower().split("\n")[0])
            if i >= 0:
                return back, i + 1
    text = lines[n - 1]
    return n, len(text) - len(text.lstrip()) + 1


MEMO = "markup"
"""The name the memo of :func:`check_markup` is :func:`~phobien.core.memo.held` under."""


@contextmanager
def remembered(root: Path) -> Iterator[None]:
    """Within: :func:`check_markup` keeps what it found for each body in the project's cache
    (:mod:`phobien.core.memo`), so that the next check renders only the bodies that changed."""
    modules = [sys.modules[__name__], sys.modules[removed.__module__]]  # this module and the sanitiser's
    version = version_of(modules, ["Markdown", "pymdown-extensions", "nh3"])
    with held(MEMO, Memo(root / ".phobien-cache" / "check" / "markup.bin", version)):
        yield


def check_markup(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    """Report what the sanitiser would remove from ``body`` (Markdown starting at line ``first_line``)."""
    memo = holding(MEMO)
    if memo is None:
        _check_markup(body, rel, first_line, diags)
        return
    key = key_of(rel, first_line, body)
    found = memo.get(key)
    if found is MISSING:
        own = Diagnostics()
        _check_markup(body, rel, first_line, own)
        found = [(d.severity.value, d.line, d.col, d.message) for d in own.items]
        memo.put(key, found)
    for severity, line, col, message in found:
        diags.add(Position(rel, line, col), Severity(severity), message)


def _check_markup(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    _source_checks(body, rel, first_line, diags)
    _image_paths(body, rel, first_line, diags)
    reported: set[int] = set()
    deep = DEEP.search(body)
    if deep:
        line, col = _position(body, deep.start(), first_line)
        diags.error(
            Position(rel, line, col),
            f"more than {DEEP_RUN} '[', '*' or '_' in a row: the Markdown converter cannot render this "
            "(it runs out of recursion or time); shorten the run or put it in a code block",
        )
    elif re.search(r"[<&{\[\\]", body):
        reported = _rendered_checks(body, rel, first_line, diags)
    _link_targets(body, rel, first_line, diags, reported)


def _rendered_checks(body: str, rel: str, first_line: int, diags: Diagnostics) -> set[int]:
    found = removed(_render(body))
    lines = body.split("\n")
    reported: set[int] = set()
    for removal, count in found.items():
        for k in range(1, count + 1):
            n = _first_line_with(lines, lambda text, r=removal: removed(_render(text))[r], k)  # type: ignore[misc]
            n, col = _place(lines, n, removal)
            reported.add(first_line + n - 1)
            for reason in removal.reasons():
                diags.error(Position(rel, first_line + n - 1, col), reason)
    return reported


def _image_paths(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    """Images are files of the project: a path that climbs out of it is an error."""
    text = _masked(body)
    depth = len(Path(rel).parent.parts)
    for m in MD_IMAGE.finditer(text):
        target = html.unescape(m.group(1))
        ups = [p for p in target.split("?")[0].replace("\\", "/").split("/") if p == ".."]
        if len(ups) > depth:
            line, col = _position(text, m.start(1), first_line)
            diags.error(
                Position(rel, line, col),
                f"the image '{target}' is outside the project; save the picture in the site and link to it",
            )


def _link_targets(body: str, rel: str, first_line: int, diags: Diagnostics, reported: set[int]) -> None:
    """Link targets written in the source, for Markdown the site's renderer leaves as text
    (footnote definitions): the same URL rules, on lines the rendered check did not report."""
    text = _masked(body)
    for pattern, group in ((MD_LINK, 2), (AUTOLINK, 1), (ANGLE_LINK, 1)):
        for m in pattern.finditer(text):
            image = pattern is MD_LINK and m.group(1) == "!"
            problem = url_problem("img" if image else "a", "src" if image else "href", html.unescape(m.group(group)))
            line, col = _position(text, m.start(group), first_line)
            if problem and line not in reported:
                diags.error(Position(rel, line, col), problem)
