"""What phobien's plugin does, the same in both runners (each has its own plugin base class)."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from phobien.core.html import harden_links
from phobien.core.templatecache import keep_compiled
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
        _list_visible_templates(config.theme)
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
        """An incremental build (``render_only`` in the config): every page but those listed is
        unchanged, so the runner's dirty build must skip it even though its HTML is not in the
        (empty) output folder; the caller brings that HTML."""
        self.unchanged: list[Any] = []
        path = (config.extra.get("phobien") or {}).get("render_only")
        if not self.config.enabled or not path:
            return files
        render = set(json.loads(Path(path).read_text(encoding="utf-8")))
        for file in files.documentation_pages():
            if file.src_uri not in render:
                file.is_modified = _unchanged
                self.unchanged.append(file)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """The unchanged pages of the menu are read, not rendered: every page's menu shows
        their titles (from their front matter), which the runner knows only once it has read
        a page. Nothing else of them is needed to render the other pages."""
        unchanged = set(getattr(self, "unchanged", ()))
        for page in nav.pages:
            if page.file in unchanged:
                page.read_source(config)
                self._add_page_data(page)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        self._add_page_data(page)
        return markdown

    def _add_page_data(self, page: Any) -> None:
        data = getattr(self, "page_data", {}).get(page.file.src_uri)
        if data is not None:
            page.meta["phobien"] = data

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        """Escape by default: Material's templates print page.title, page.meta.description and
        config.site_name as they are; with autoescaping every text from content is escaped and
        only the rendered page (:meth:`on_page_content`) and its headings are HTML. The
        compiled templates are kept in the project's cache (:mod:`phobien.core.templatecache`):
        compiling the theme was a quarter of the engine's time after a one-word edit."""
        if self.config.enabled:
            env.autoescape = True
            root = (config.extra.get("phobien") or {}).get("project_root")
            keep_compiled(env, Path(root) if root else None, f"engine-{type(config).__module__.split('.')[0]}")
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


def _list_visible_templates(theme: Any) -> None:
    """Make the theme's environment list its files without entering hidden folders. The runner
    lists them to copy the theme's assets and leaves out every name with a part that starts
    with '.': Material's 14,000 icons (``.icons/``) were listed, then left out one by one, in
    every language (0.15 s each)."""
    make_env = theme.get_env
    if getattr(make_env, "phobien", False):
        return

    def get_env() -> Any:
        env = make_env()
        loader = env.loader
        if isinstance(loader, jinja2.FileSystemLoader):
            loader.list_templates = functools.partial(_visible, loader)  # type: ignore[method-assign]
        return env

    get_env.phobien = True  # type: ignore[attr-defined]
    theme.get_env = get_env


def _visible(loader: jinja2.FileSystemLoader) -> list[str]:
    """:meth:`jinja2.FileSystemLoader.list_templates` without hidden folders."""
    found: set[str] = set()
    for searchpath in loader.searchpath:
        for folder, folders, names in os.walk(searchpath, followlinks=loader.followlinks):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                found.add(os.path.join(folder, name)[len(searchpath) :].strip(os.path.sep).replace(os.path.sep, "/"))
    return sorted(found)
