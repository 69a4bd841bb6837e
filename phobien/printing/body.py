"""A material's Markdown body as HTML for paper, with the extensions the site uses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

from phobien.engine import get_engine

_KEEP = ("http://", "https://", "mailto:", "tel:", "#")


class _PaperLinks(Treeprocessor):
    """Links to other pages of the site mean nothing on paper: keep their text, drop the target.

    Addresses on the web (``https://…``), phone numbers and e-mail addresses stay clickable in
    the PDF.
    """

    def run(self, root: ET.Element) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            if not href.startswith(_KEEP):
                a.attrib.pop("href", None)


class _PaperExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_PaperLinks(md), "phobien-paper-links", 1)


def body_html(text: str) -> str:
    """Render ``text`` (Markdown) to HTML, offline."""
    setup = get_engine().markdown()  # the extensions the site's pages are rendered with
    md = markdown.Markdown(extensions=[*setup.extensions, _PaperExtension()], extension_configs=setup.configs)
    return md.convert(text)
