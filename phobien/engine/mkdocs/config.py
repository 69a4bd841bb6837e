"""A language's MkDocs config: the project's mkdocs.yml plus what phobien decided, and the menu."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from phobien.engine.base import LanguageJob, LanguageSite
from phobien.engine.mkdocs.markdown import config_entries
from phobien.stage.staged import Staged

NAV_SECTIONS = [
    ("materials", "materials"),
    ("news", "news"),
    ("plans", "plans"),
    ("legal", "legal"),
    ("agencies", "agencies"),
]

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's writer when the wheel has it (10 times faster than the pure-Python one)."""

PAGE_DATA = "phobien-pages.json"
"""Per-page data for the templates, next to the staged folder (read once by the plugin:
parsing it from every page's YAML front matter cost the engine 6 % of its time)."""

HIDE = {"no-menu": "navigation", "no-toc": "toc", "no-footer": "footer", "no-path": "path"}
"""phobien's layout flags and the names Material's ``hide`` front matter gives them."""


def material_hide(layout: frozenset[str]) -> list[str]:
    return [name for flag, name in HIDE.items() if flag in layout]


def nav_for(pages: Sequence[Staged], titles: dict[str, str]) -> list[Any]:
    """A small menu of constant size: home, audiences, hotlines, one entry per section, hand-written pages.

    The pages of a section are listed on its index page, not in the menu: Material writes the menu
    into every page, so a menu listing a section's pages makes a build quadratic in their number.
    """
    top = sorted(
        (p for p in pages if "/" not in p.path and p.path != "index.md"),
        key=lambda p: (p.kind != "audience", p.kind != "hotlines", p.data.get("order", 100), p.path),
    )
    paths = {p.path for p in pages}
    nav: list[Any] = [{titles["home"]: "index.md"}]
    nav += [{p.title: p.path} for p in top if p.kind in ("audience", "hotlines")]
    for folder, key in NAV_SECTIONS:
        pinned = [p for p in pages if p.path.startswith(folder + "/") and p.kind in ("deadlines", "late")]
        if pinned:
            nav.append({titles[key]: [f"{folder}/index.md", *({p.title: p.path} for p in pinned)]})
        elif f"{folder}/index.md" in paths:
            nav.append({titles[key]: f"{folder}/index.md"})
    nav += [{p.title: p.path} for p in top if p.kind == "doc"]
    return nav


def language_settings(site: LanguageSite, pages: Sequence[Staged]) -> dict[str, Any]:
    """The settings of one language that its config adds to mkdocs.yml."""
    return {
        "site_name": site.name,
        "site_url": site.url,
        "use_directory_urls": site.directory_urls,
        "theme": {"language": site.lang},
        "nav": nav_for(pages, site.menu_titles),
        "markdown_extensions": config_entries(),
        "extra": {"phobien": dict(site.template_data)},
    }


def page_data_file(stage_dir: Path) -> Path:
    return stage_dir.parent / f"{stage_dir.name}.{PAGE_DATA}"


def render_only_file(stage_dir: Path) -> Path:
    """The staged paths an incremental build renders (:func:`phobien.engine.mkdocs.run.render`)."""
    return stage_dir.parent / f"{stage_dir.name}.phobien-only.json"


def write_config(job: LanguageJob, only_file: Path | None = None) -> Path:
    """Write the language's config (inheriting the project's mkdocs.yml); both runners read it.
    ``only_file``: the pages to render, the others being unchanged (an incremental build)."""
    config = {
        "INHERIT": str((job.root / "mkdocs.yml").resolve()),
        "docs_dir": str(job.stage_dir.resolve()),
        "site_dir": str(job.out_dir.resolve()),
        **job.settings,
    }
    extra = config["extra"] = dict(config.get("extra") or {})
    extra["phobien"] = {
        **extra.get("phobien", {}),
        "page_data": str(page_data_file(job.stage_dir).resolve()),
        "project_root": str(job.root.resolve()),
    }
    if only_file is not None:
        extra["phobien"]["render_only"] = str(only_file.resolve())
    config["theme"] = {**config.get("theme", {}), "custom_dir": str((job.root / "overrides").resolve())}
    path = job.stage_dir.parent / f"mkdocs.{job.lang}.yml"
    text = yaml.dump(config, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
