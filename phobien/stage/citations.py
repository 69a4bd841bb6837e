"""Sources shown at the claim: ``[^id]`` in a page's text names an entry of its ``sources:``.

A marker becomes a numbered link to that source in the page's list of sources (the number is
the source's place in the list), with the source's title and article as the link's title, so
that a reader sees at the sentence where its claim comes from. The check that every marker
names a source, and that every paragraph naming an article has a marker, is in
:mod:`phobien.checks.citations`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html import escape

from phobien.model.common import Source

MARKER = re.compile(r"\[\^([a-z0-9]+(?:-[a-z0-9]+)*)\]")
"""``[^bo-luat-hinh-su]``: the same shape as a Markdown footnote reference, which editors know."""

_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def markers(body: str) -> Iterator[re.Match[str]]:
    """Every source marker of ``body``, outside code."""
    code = [m.span() for m in _CODE.finditer(body)]
    for m in MARKER.finditer(body):
        if not any(a <= m.start() < b for a, b in code):
            yield m


def anchor_of(source_id: str) -> str:
    """The anchor of a source in the page's list of sources."""
    return f"nguon-{source_id}"


def label_of(source: Source) -> str:
    return f"{source.title}, {source.article}" if source.article else source.title


def cite(body: str, sources: Sequence[Source], link: bool = True) -> str:
    """``body`` with every known marker replaced by its source's number (a link on the web, plain
    text on paper); unknown markers stay as written (``phobien check`` reports them)."""
    numbers = {s.id: (i + 1, s) for i, s in enumerate(sources) if s.id}
    spans = [(m.start(), m.end(), m.group(1)) for m in markers(body)]
    out, last = [], 0
    for start, end, source_id in spans:
        if source_id not in numbers:
            continue
        number, source = numbers[source_id]
        label = escape(label_of(source), quote=True)
        if link:
            mark = f'<sup class="pb-cite"><a href="#{anchor_of(source_id)}" title="{label}">[{number}]</a></sup>'
        else:
            mark = f"<sup>[{number}]</sup>"
        out += [body[last:start], mark]
        last = end
    out.append(body[last:])
    return "".join(out)
