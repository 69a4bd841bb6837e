"""Staged pages in, HTML out, with MkDocs or ProperDocs (its maintained fork) and Material.

Both runners have the same API under different package names (``mkdocs.*``, ``properdocs.*``)
and load the same theme; each loads phobien's plugin from its own entry point group. One
language runs per call, in a worker process.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
from collections.abc import Collection, Sequence
from typing import Any

import yaml

from phobien.core.diagnostics import LogCollector
from phobien.engine.base import LanguageJob, LanguageResult
from phobien.engine.mkdocs.config import DUMPER, material_hide, page_data_file, render_only_file, write_config
from phobien.stage.staged import Staged

RUNNERS = ("mkdocs", "properdocs")
"""Python packages that can render the site (the engine names of :func:`phobien.engine.get_engine`)."""


def write_stage(job: LanguageJob, pages: Sequence[Staged], page_data: dict[str, dict[str, Any]]) -> None:
    """Write staged pages as Markdown files with front matter, and their per-page data to
    ``<stage_dir>.phobien-pages.json`` (merged with the data already there, so that
    ``phobien serve`` can write one page)."""
    data_file = page_data_file(job.stage_dir)
    data: dict[str, Any] = {}
    if data_file.is_file():
        data = json.loads(data_file.read_text(encoding="utf-8"))
    for page in pages:
        target = job.stage_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {"title": page.title}
        # Every page has a description (search results, Zalo and Facebook cards).
        site_name = job.site_name
        meta["description"] = page.description or (f"{page.title} — {site_name}" if site_name else page.title)
        hide = material_hide(page.layout)
        if hide:
            meta["hide"] = hide
        data[page.path] = {"kind": page.kind, **page_data.get(page.path, {})}
        front = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        target.write_text(f"---\n{front}---\n\n{page.body}", encoding="utf-8")
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")


def render(job: LanguageJob, dirty: bool = False, only: Collection[str] | None = None) -> LanguageResult:
    """Render one language with the job's runner. Runs in a worker process; never raises.

    ``dirty``: render only the staged files newer than their HTML, into the existing output
    (``phobien serve`` after an edit); the menu must not have changed.

    ``only``: render these staged pages (and the theme's assets and templates) into an empty
    output folder: the runner's own "dirty" build, told by phobien's plugin which pages are
    unchanged (:meth:`~phobien.engine.mkdocs.hooks.PhobienHooks.on_files`) instead of comparing
    file times; the unchanged pages of the menu are only read, for their titles. Every file is
    written new, never over an older one."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from click import ClickException  # the base of both runners' errors
    from jinja2 import TemplateError

    runner = job.engine if job.engine in RUNNERS else "mkdocs"
    build = importlib.import_module(f"{runner}.commands.build").build
    load_config = importlib.import_module(f"{runner}.config").load_config

    handler = LogCollector()
    log = logging.getLogger(runner)
    log.addHandler(handler)
    log.propagate = False
    log.setLevel(logging.WARNING)
    only_file = None
    if only is not None:
        only_file = render_only_file(job.stage_dir)
        only_file.write_text(json.dumps(sorted(only), ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(job.out_dir, ignore_errors=True)
        job.out_dir.mkdir(parents=True)
    try:
        config_path = write_config(job, only_file)
        cfg = load_config(config_file=str(config_path), strict=job.strict)
        build(cfg, dirty=dirty or only is not None)
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', '') or 'template'}:{getattr(exc, 'lineno', 0) or 1}:1"
        return LanguageResult(job.lang, 0, handler.messages, f"{where}: template error: {exc}")
    except (ClickException, SystemExit) as exc:
        detail = "; ".join(handler.messages) or str(exc)
        return LanguageResult(job.lang, 0, handler.messages, f"mkdocs.yml:1:1: the site engine stopped: {detail}")
    except Exception as exc:  # noqa: BLE001 - report, never show a traceback to an editor
        return LanguageResult(
            job.lang, 0, handler.messages, f"mkdocs.yml:1:1: the site engine failed: {type(exc).__name__}: {exc}"
        )
    finally:
        log.removeHandler(handler)
    if dirty or only is not None:
        messages = [m for m in handler.messages if "'dirty' build" not in m]
        written = 0 if dirty else sum(1 for _ in job.out_dir.rglob("*.html"))
        return LanguageResult(job.lang, written, messages)
    pages = sum(1 for _ in job.out_dir.rglob("*.html"))
    return LanguageResult(job.lang, pages, handler.messages)
