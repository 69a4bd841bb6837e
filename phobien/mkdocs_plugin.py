"""The thin MkDocs adapter: settings phobien needs from MkDocs and nothing else.

Everything a page shows is decided by :mod:`phobien.build` before MkDocs runs.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger

from phobien.html import harden_links
from phobien.text import anchor

log = get_plugin_logger(__name__)


class PhobienPluginConfig(Config):
    enabled = c.Type(bool, default=True)


class PhobienPlugin(BasePlugin[PhobienPluginConfig]):
    """Heading anchors fold tone marks and đ→d (non-Latin headings get a stable anchor), and
    links to other sites get rel="noopener noreferrer"."""

    def on_config(self, config: Any) -> Any:
        if not self.config.enabled:
            return config
        toc = config.mdx_configs.setdefault("toc", {})
        toc["slugify"] = anchor
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        return config

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if not self.config.enabled:
            return output
        return harden_links(output)
