"""The MkDocs + Material engine: staged pages in, HTML out, one process per language.

This module and :mod:`phobien.engine.mkdocs.plugin` are the only places that know MkDocs. Material
reaches end of life on 5 May 2027; replacing the engine means replacing these two files and
``overrides/``.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from phobien.core.diagnostics import Diagnostics, LogCollector
from phobien.load import Content
from phobien.stage.staged import Staged

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when the wheel has it: 10x faster

NAV_SECTIONS = [
    ("materials", "materials"),
    ("news", "news"),
    ("plans", "plans"),
    ("legal", "legal"),
    ("agencies", "agencies"),
]


@dataclass
class LanguageJob:
    """Everything one language's MkDocs run needs; picklable for a worker process."""

    lang: str
    root: Path
    stage_dir: Path
    out_dir: Path
    config: dict[str, Any]
    strict: bool = False


@dataclass
class LanguageResult:
    lang: str
    pages: int
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def preflight(content: Content, diags: Diagnostics) -> None:
    """Engine-specific checks: Material needs interface strings for every site language."""
    if "site" in content.broken:
        return
    import material

    theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
    own = content.root / "overrides" / "partials" / "languages"
    for i, lang in enumerate(content.site.languages):
        if not (theme / f"{lang.code}.html").is_file() and not (own / f"{lang.code}.html").is_file():
            diags.error(
                content.pos(content.site, "languages", i, "code"),
                f"the theme has no interface strings for '{lang.code}'; add "
                f"overrides/partials/languages/{lang.code}.html (a copy of Material's "
                "partials/languages/en.html with every value translated)",
            )


PAGE_DATA = "phobien-pages.json"
"""Per-page data for the templates, next to the staged folder (read once by the plugin:
parsing it from every page's YAML front matter cost the engine 6 % of its time)."""


def write_stage(
    stage_dir: Path, pages: list[Staged], extra_meta: dict[str, dict[str, Any]], site_name: str = ""
) -> None:
    """Write staged pages as Markdown files with front matter for MkDocs, and their per-page
    data to ``<stage_dir>.phobien-pages.json`` (merged with the data already there, so that
    ``phobien serve`` can write one page)."""
    data_file = stage_dir.parent / f"{stage_dir.name}.{PAGE_DATA}"
    data: dict[str, Any] = {}
    if data_file.is_file():
        data = json.loads(data_file.read_text(encoding="utf-8"))
    for page in pages:
        target = stage_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {"title": page.title}
        # Every page has a description (search results, Zalo and Facebook cards).
        meta["description"] = page.description or (f"{page.title} — {site_name}" if site_name else page.title)
        if page.hide:
            meta["hide"] = page.hide
        data[page.path] = {"kind": page.kind, **extra_meta.get(page.path, {})}
        front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        target.write_text(f"---\n{front}---\n\n{page.body}", encoding="utf-8")
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")


def nav_for(pages: list[Staged], titles: dict[str, str]) -> list[Any]:
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
        pinned = [p for p in pages if p.path.startswith(folder + "/") and p.kind == "deadlines"]
        if pinned:
            nav.append({titles[key]: [f"{folder}/index.md", *({p.title: p.path} for p in pinned)]})
        elif f"{folder}/index.md" in paths:
            nav.append({titles[key]: f"{folder}/index.md"})
    nav += [{p.title: p.path} for p in top if p.kind == "doc"]
    return nav


def language_config(job: LanguageJob) -> Path:
    """Write the language's MkDocs config (inheriting the project's mkdocs.yml)."""
    config = {
        "INHERIT": str((job.root / "mkdocs.yml").resolve()),
        "docs_dir": str(job.stage_dir.resolve()),
        "site_dir": str(job.out_dir.resolve()),
        **job.config,
    }
    page_data = str((job.stage_dir.parent / f"{job.stage_dir.name}.{PAGE_DATA}").resolve())
    config.setdefault("extra", {}).setdefault("phobien", {})["page_data"] = page_data
    config.setdefault("theme", {})["custom_dir"] = str((job.root / "overrides").resolve())
    path = job.stage_dir.parent / f"mkdocs.{job.lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_language(job: LanguageJob, dirty: bool = False) -> LanguageResult:
    """Render one language with MkDocs. Runs in a worker process; never raises.

    ``dirty``: render only the staged files newer than their HTML, into the existing output
    (``phobien serve`` after an edit); the menu must not have changed."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from jinja2 import TemplateError
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = LogCollector()
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.WARNING)
    try:
        config_path = language_config(job)
        cfg = load_config(config_file=str(config_path), strict=job.strict)
        build(cfg, dirty=dirty)
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', '') or 'template'}:{getattr(exc, 'lineno', 0) or 1}:1"
        return LanguageResult(job.lang, 0, handler.messages, f"{where}: template error: {exc}")
    except (MkDocsException, SystemExit) as exc:
        detail = "; ".join(handler.messages) or str(exc)
        return LanguageResult(job.lang, 0, handler.messages, f"mkdocs.yml:1:1: the site engine stopped: {detail}")
    except Exception as exc:  # noqa: BLE001 - report, never show a traceback to an editor
        return LanguageResult(
            job.lang, 0, handler.messages, f"mkdocs.yml:1:1: the site engine failed: {type(exc).__name__}: {exc}"
        )
    finally:
        log.removeHandler(handler)
    if dirty:
        messages = [m for m in handler.messages if "'dirty' build" not in m]
        return LanguageResult(job.lang, 0, messages)
    pages = sum(1 for _ in job.out_dir.rglob("*.html"))
    return LanguageResult(job.lang, pages, handler.messages)
