"""The Markdown extensions pages are written for: the one list, given to MkDocs and to printing."""

from __future__ import annotations

from typing import Any

from phobien.core.text import anchor
from phobien.engine.base import MarkdownSetup

EXTENSIONS: tuple[str, ...] = (
    "toc",
    "attr_list",
    "md_in_html",
    "admonition",
    "tables",
    "def_list",
    "pymdownx.details",
)
"""Python-Markdown extensions, in the order they are loaded."""

_SETTINGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False}}
"""Settings that can be written in a config file (the heading anchors' slugify is a function:
the plugin sets it, :func:`markdown_setup` adds it)."""


def markdown_setup() -> MarkdownSetup:
    configs = {name: dict(value) for name, value in _SETTINGS.items()}
    configs["toc"]["slugify"] = anchor
    return MarkdownSetup(EXTENSIONS, configs)


def config_entries() -> list[Any]:
    """``markdown_extensions`` of an MkDocs config: names, with their settings where they have some."""
    return [{name: dict(_SETTINGS[name])} if name in _SETTINGS else name for name in EXTENSIONS]
