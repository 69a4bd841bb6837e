"""Generated HTML that the Markdown converter passes through without parsing it again.

phobien's templates write most of a page as HTML (lists of tasks, hotlines, sources) around
the editor's Markdown. Python-Markdown finds the end of every raw HTML block with
``html.parser``, which was a third of the engine's time on a national site. The stager marks
the template's HTML (:func:`mark`); the :class:`RawHtmlExtension` stores each marked part as
it is, the way Markdown stores any raw HTML block, before Markdown looks at it. Without the
extension the markers are HTML comments and the page renders the same, only slower.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

TOKEN = os.environ.setdefault("PHOBIEN_RAW_TOKEN", secrets.token_hex(8))
"""A random word per build (inherited by the engine's worker processes): content cannot guess
it, so the extension honours only the markers the stager wrote (``phobien check`` also refuses
``<!--pb-raw`` in content)."""
START = f"<!--pb-raw-{TOKEN}-->"
END = f"<!--/pb-raw-{TOKEN}-->"
MARKDOWN_START = "\x1epb-md\x1e"
"""Where the editor's Markdown starts inside a template's output (and :data:`MARKDOWN_END`)."""
MARKDOWN_END = "\x1e/pb-md\x1e"
_RAW = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)
_MARKDOWN = re.compile(re.escape(MARKDOWN_START) + "(.*?)" + re.escape(MARKDOWN_END), re.S)


def use_token(token: str) -> None:
    """Honour the markers of pages staged by another process with ``token`` (the jobs of a
    split build, :mod:`phobien.publish.split`); worker processes started later inherit it."""
    global TOKEN, START, END, _RAW
    os.environ["PHOBIEN_RAW_TOKEN"] = TOKEN = token
    START, END = f"<!--pb-raw-{TOKEN}-->", f"<!--/pb-raw-{TOKEN}-->"
    _RAW = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)


def markdown_part(text: str) -> str:
    """Mark ``text`` in a template's output as Markdown (the rest is HTML)."""
    return f"{MARKDOWN_START}{text}{MARKDOWN_END}"


def mark(rendered: str) -> str:
    """Wrap the HTML parts of a template's output in raw markers; Markdown parts stay as they are.

    Only parts that start with a block-level element on their first line are marked: Markdown
    would wrap anything else in a paragraph, and the output must not change."""
    out: list[str] = []
    pos = 0
    for m in _MARKDOWN.finditer(rendered):
        out.append(_mark_html(rendered[pos : m.start()]))
        out.append(m.group(1))
        pos = m.end()
    out.append(_mark_html(rendered[pos:]))
    return "".join(out)


_BLOCK_START = re.compile(
    r"<(?:p|div|ul|ol|dl|section|nav|table|h[1-6]|details|figure|aside|blockquote|form|hr)[\s>/]", re.I
)


def _mark_html(html: str) -> str:
    """Mark each run of block-level HTML separated by blank lines (as Markdown sees blocks)."""
    parts = re.split(r"(\n[ \t]*\n)", html)
    out = []
    for part in parts:
        stripped = part.strip("\n")
        if stripped and _BLOCK_START.match(stripped) and _balanced(stripped):
            lead = part[: len(part) - len(part.lstrip("\n"))]
            trail = part[len(part.rstrip("\n")) :]
            out.append(f"{lead}{START}\n{stripped}\n{END}{trail}")
        else:
            out.append(part)
    return "".join(out)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _balanced(html: str) -> bool:
    """Whether the first element of ``html`` closes at its very end (Markdown's block rule)."""
    depth = 0
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            if depth == 0 and m.start() == 0:
                return m.end() == len(html)
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return m.end() == len(html.rstrip())
    return False


class _RawBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        stash = self.md.htmlStash

        def store(m: re.Match[str]) -> str:
            return "\n\n" + stash.store(m.group(1)) + "\n\n"

        return _RAW.sub(store, text).split("\n")


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        # After normalize_whitespace (30, which would strip the stash's markers), before
        # html_block (20, which would parse the HTML).
        md.preprocessors.register(_RawBlocks(md), "phobien_raw_html", 25)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:  # noqa: N802 - Markdown's API
    return RawHtmlExtension(**kwargs)
