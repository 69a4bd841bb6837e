"""A material's Markdown body as HTML for paper, with the extensions the site uses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

from phobien.core.text import anchor

# The same extensions as ``markdown_extensions`` in mkdocs.yml (a test keeps them in step).
EXTENSIONS: tuple[str, ...] = (
    "toc",
    "attr_list",
    "md_in_html",
    "admonition",
    "tables",
    "def_list",
    "pymdownx.details",
)
EXTENSION_CONFIGS = {"toc": {"permalink": False, "slugify": anchor}}

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
    md = markdown.Markdown(extensions=[*EXTENSIONS, _PaperExtension()], extension_configs=EXTENSION_CONFIGS)
    return md.convert(text)
