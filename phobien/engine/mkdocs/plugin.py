"""The thin MkDocs adapter: settings phobien needs from MkDocs and nothing else.

Everything a page shows is decided by :mod:`phobien.stage` before MkDocs runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger

from phobien.core.html import harden_links
from phobien.core.text import anchor

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
        if "phobien.stage.rawhtml" not in config.markdown_extensions:
            config.markdown_extensions.append("phobien.stage.rawhtml")
        return config

    def on_pre_build(self, *, config: Any) -> None:
        self.page_data: dict[str, Any] = {}
        path = (config.extra.get("phobien") or {}).get("page_data")
        if self.config.enabled and path and Path(path).is_file():
            self.page_data = json.loads(Path(path).read_text(encoding="utf-8"))

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        data = getattr(self, "page_data", {}).get(page.file.src_uri)
        if data is not None:
            page.meta["phobien"] = data
        return markdown

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if not self.config.enabled:
            return output
        return harden_links(output)
