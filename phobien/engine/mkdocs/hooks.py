"""What phobien's plugin does, the same in both runners (each has its own plugin base class)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from phobien.core.html import harden_links
from phobien.core.text import anchor


class PhobienHooks:
    """Heading anchors fold tone marks and đ→d (non-Latin headings get a stable anchor), our
    templates' HTML passes through Markdown unparsed, per-page data reaches the templates, and
    links to other sites get rel="noopener noreferrer". The theme's templates escape by default
    (:meth:`on_env`), so text from content can never become markup there."""

    config: Any

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

    def on_files(self, files: Any, *, config: Any) -> Any:
        """An incremental build (``render_only`` in the config): every page but those listed and
        those of the menu is unchanged, so the runner's dirty build must skip it even though
        its HTML is not in the (empty) output folder; the caller brings that HTML."""
        path = (config.extra.get("phobien") or {}).get("render_only")
        if not self.config.enabled or not path:
            return files
        render = set(json.loads(Path(path).read_text(encoding="utf-8"))) | set(nav_paths(config.nav))
        for file in files.documentation_pages():
            if file.src_uri not in render:
                file.is_modified = _unchanged
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        data = getattr(self, "page_data", {}).get(page.file.src_uri)
        if data is not None:
            page.meta["phobien"] = data
        return markdown

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        """Escape by default: Material's templates print page.title, page.meta.description and
        config.site_name as they are; with autoescaping every text from content is escaped and
        only the rendered page (:meth:`on_page_content`) and its headings are HTML."""
        if self.config.enabled:
            env.autoescape = True
        return env

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if not self.config.enabled:
            return html
        _trust_toc(page.toc)
        return Markup(html)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if not self.config.enabled:
            return output
        return harden_links(output)


def _trust_toc(items: Any) -> None:
    """Heading titles in the table of contents are HTML already (the converter escaped them)."""
    for item in items or []:
        item.title = Markup(item.title)
        _trust_toc(getattr(item, "children", None))


def _unchanged() -> bool:
    return False


def nav_paths(items: Any) -> list[str]:
    """The staged paths of the menu (``nav`` of the config: strings, lists and one-key dicts)."""
    if isinstance(items, str):
        return [items]
    if isinstance(items, list):
        return [p for item in items for p in nav_paths(item)]
    if isinstance(items, dict):
        return [p for value in items.values() for p in nav_paths(value)]
    return []
