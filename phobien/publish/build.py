"""``phobien build``: check, stage every language, render in parallel, swap in atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, TextIO

from phobien.checks import check_content
from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.core.timing import Timings
from phobien.engine.mkdocs.run import LanguageJob, LanguageResult, nav_for, preflight, run_language, write_stage
from phobien.load import Content
from phobien.model.i18n import UI_KEYS
from phobien.printing import write_print
from phobien.publish.links import check_deferred, check_pages, folders_of, html_pages, report_broken, scan
from phobien.publish.opendata import write_open_data
from phobien.search import index_language
from phobien.search.opensearch import opensearch_xml
from phobien.stage.addresses import (
    AddressPlan,
    origin_of,
    plan_addresses,
    short_code,
    short_link_file,
    write_qr_codes,
    write_redirects,
)
from phobien.stage.nav import ELSEWHERE, section_links, switch_target
from phobien.stage.news import atom_feed, visible_articles
from phobien.stage.pages import Options, stage_language
from phobien.stage.staged import Staged
from phobien.stage.ui import UI
from phobien.stage.urls import html_path, page_url, relative


@dataclass
class BuildOptions:
    root: Path
    out: Path
    strict: bool = False
    offline: bool = False
    serve: bool = False
    print_: bool = True
    jobs: int | None = None
    today: dt.date | None = None
    timings: bool = False
    stage_dir: Path | None = None
    """Where staged Markdown is written (default .phobien-cache/stage)."""


@dataclass
class BuildState:
    """What a finished build decided, kept by ``phobien serve`` to update single pages."""

    content: Content
    staged: dict[str, list[Staged]]
    options: Options
    jobs: dict[str, LanguageJob]
    site_names: dict[str, str]


class BuildError(Exception):
    """The build stopped; the message says where and why. The previous site is untouched."""


def report(diags: Diagnostics, stream: TextIO) -> None:
    diags.write(stream)


def check(root: Path, strict: bool, stream: TextIO = sys.stderr) -> tuple[Content, Diagnostics]:
    content, diags = check_content(root)
    preflight(content, diags)
    report(diags, stream)
    return content, diags


def _page_meta(
    content: Content, staged: dict[str, list[Staged]], lang: str, opts: Options, only: list[Staged] | None = None
) -> dict[str, dict[str, Any]]:
    """Per-page data for the templates: language switcher targets and hotlines in view
    (of every page of ``lang``, or of the pages ``only``)."""
    paths = {code: {p.path for p in pages} for code, pages in staged.items()}
    hotlines = {h.id: h for h in content.hotlines}
    safety = f"{content.site.safety_page}.md"
    default_hotlines = [h.id for h in sorted(content.hotlines, key=lambda h: h.priority)[:2]]
    result: dict[str, dict[str, Any]] = {}
    for page in staged[lang] if only is None else only:
        alternates = []
        for other in content.site.languages:
            target = switch_target(page.path, paths[other.code])
            elsewhere = "" if target == page.path else f"#{ELSEWHERE}{lang}"
            alternates.append(
                {
                    "lang": other.code,
                    "name": other.name,
                    "current": other.code == lang,
                    "href": cross_language(page.path, other.code, target, opts.directory_urls) + elsewhere,
                    "same_page": target == page.path,
                }
            )
        ids = [] if page.kind == "home" else page.data.get("hotlines") or default_hotlines
        view = []
        for hid in ids[:2]:
            h = hotlines.get(hid)
            if h:
                view.append(
                    {
                        "number": h.number,
                        "tel": h.number.replace(" ", ""),
                        "name": h.name.get(lang) or h.name[content.site.default_language],
                    }
                )
        code = short_code(origin_of(page))
        url = page_url(page.path, opts.directory_urls)
        depth = url.count("/") if opts.directory_urls else page.path.count("/")
        result[page.path] = {
            "code": code,
            "short_url": f"{content.site.base_url.rstrip('/')}/l/{code}/",
            "short_href": "../" * (depth + 1) + (f"l/{code}/" if opts.directory_urls else f"l/{code}.html"),
            "qr": "qr.svg" if opts.directory_urls else url.rpartition("/")[2].removesuffix(".html") + ".qr.svg",
            "alternates": alternates,
            "hotlines": view,
            "search": relative(page.path, "search.md", opts.directory_urls),
            "safety": relative(page.path, safety, opts.directory_urls) if safety in paths[lang] else None,
            "nav": section_links(page.path, paths[lang], safety, opts.directory_urls),
        }
    return result


def cross_language(from_path: str, lang: str, to_path: str, directory_urls: bool) -> str:
    """Link from a page of one language to ``to_path`` in language ``lang``."""
    depth = page_url(from_path, directory_urls).count("/")
    return "../" * (depth + 1) + f"{lang}/" + page_url(to_path, directory_urls)


def _language_config(content: Content, lang: str, pages: list[Staged], opts: BuildOptions) -> dict[str, Any]:
    site = content.site
    ui = UI(content, lang)
    material_lang = lang
    titles = {k: ui(k) for k in ("home", "materials", "news", "plans", "legal", "agencies")}
    return {
        "site_name": site.name.get(lang) or site.name[site.default_language],
        "site_url": site.base_url.rstrip("/") + f"/{lang}/",
        "use_directory_urls": not opts.offline,
        "theme": {"language": material_lang},
        "nav": nav_for(pages, titles),
        "extra": {
            "phobien": {
                "lang": lang,
                "default_language": site.default_language,
                "quick_exit_url": site.quick_exit_url,
                "safety_page": site.safety_page,
                "ui": {k: ui(k) for k in UI_KEYS},
                "ui_machine": ui.machine,
                "serve": opts.serve,
                "offline": opts.offline,
            }
        },
    }


def _root_files(content: Content, out: Path, opts: BuildOptions) -> None:
    default = content.site.default_language
    target = f"{default}/" if not opts.offline else f"{default}/index.html"
    index = "index.html" if opts.offline else ""
    links = "".join(
        f'<li><a href="{lang.code}/{index}" hreflang="{lang.code}" lang="{lang.code}">{lang.name}</a></li>'
        for lang in content.site.languages
    )
    name = content.site.name[default]
    (out / "index.html").write_text(
        f'<!doctype html>\n<html lang="{default}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{name}</title><meta http-equiv="refresh" content="0; url={target}">'
        f'<link rel="canonical" href="{content.site.base_url.rstrip("/")}/{default}/"></head>'
        f"<body><h1>{name}</h1><ul>{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    lang_404 = out / default / "404.html"
    if lang_404.exists():
        # The engine writes each language's 404 page with links from the site's root, as it is
        # served at any address; the root copy is the default language's.
        shutil.copy(lang_404, out / "404.html")


def _sitemap(content: Content, staged: dict[str, list[Staged]], out: Path, opts: BuildOptions) -> None:
    """One sitemap for all languages; real translations are linked as hreflang alternates."""
    base = content.site.base_url.rstrip("/")
    translated: dict[str, dict[str, str]] = {}
    for lang, pages in staged.items():
        for page in pages:
            if not page.fallback:
                translated.setdefault(page.path, {})[lang] = f"{base}/{lang}/{page_url(page.path)}"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang, pages in staged.items():
        for page in pages:
            lines.append(f"<url><loc>{escape(f'{base}/{lang}/{page_url(page.path)}')}</loc>")
            alternates = translated.get(page.path, {})
            if not page.fallback and len(alternates) > 1:
                for code, url in alternates.items():
                    lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(url)}"/>')
            lines.append("</url>")
    lines.append("</urlset>")
    (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(opts: BuildOptions, stream: TextIO = sys.stderr, state: list[BuildState] | None = None) -> int:
    """Build the site. Returns the exit code; prints every problem found."""
    start = time.monotonic()
    timer = Timings()
    with timer("check"):
        content, diags = check(opts.root, opts.strict, stream)
    if diags.failed(opts.strict):
        print(
            f"phobien build: stopped before building: {diags.summary()}. The previous site/ was not changed.",
            file=stream,
        )
        return 1
    site = content.site
    stage_opts = Options(
        directory_urls=not opts.offline, today=opts.today or clock.today(), serve=opts.serve, print_=opts.print_
    )
    workers = max(1, min(len(site.codes), opts.jobs or os.cpu_count() or 1))
    with timer("stage"):
        staged = _stage_all(content, stage_opts, workers)
    out = opts.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    work = opts.stage_dir or opts.root / ".phobien-cache" / "stage"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    try:
        with timer("plan addresses"):
            try:
                plan = plan_addresses(staged, site.base_url, site.default_language, stage_opts.directory_urls)
            except ValueError as exc:
                raise BuildError(str(exc)) from exc
        written_by_others = _files_written_later(staged, plan, tmp, stage_opts.directory_urls)
        works = []
        for lang in site.codes:
            name = site.name.get(lang) or site.name[site.default_language]
            articles = visible_articles(content, lang, stage_opts.today, serve=False)
            works.append(
                LanguageWork(
                    engine=LanguageJob(
                        lang,
                        opts.root.resolve(),
                        work / lang,
                        tmp / lang,
                        _language_config(content, lang, staged[lang], opts),
                        opts.strict,
                    ),
                    pages=staged[lang],
                    meta=_page_meta(content, staged, lang, stage_opts),
                    site_name=name,
                    extra_files={
                        "feed.xml": atom_feed(content, lang, articles, name, stage_opts.directory_urls),
                        "opensearch.xml": opensearch_xml(site.base_url, lang, name),
                    },
                    qr=[(url, str(tmp / rel)) for url, rel in plan.qr.get(lang, [])],
                    qr_cache=opts.root / ".phobien-cache" / "qr",
                    offline=opts.offline,
                    outside_files={f for other, fs in written_by_others.items() if other != lang for f in fs},
                    later=tuple(f"{(tmp / code).as_posix()}/print/" for code in ["", *site.codes]),
                )
            )
        total = sum(len(p) for p in staged.values())
        print(f"phobien build: {total} pages in {len(works)} languages ({', '.join(site.codes)})", file=stream)
        results: list[LanguageOutcome] = []
        with timer("languages (in parallel)" if workers > 1 else "languages"):
            if workers > 1:
                with _shared_heap(), ProcessPoolExecutor(max_workers=workers) as pool:
                    for result in pool.map(build_language, works):
                        _progress(result, stream)
                        results.append(result)
            else:
                for item in works:
                    result = build_language(item)
                    _progress(result, stream)
                    results.append(result)
        for result in results:
            for phase, seconds in result.timings.items():
                timer.add(f"  {phase} (sum of languages)", seconds)
        failed = [r for r in results if r.error]
        if failed:
            for r in failed:
                print(r.error, file=stream)
            raise BuildError(f"{len(failed)} language(s) failed")
        with timer("redirects and short links"):
            redirects = write_redirects(staged, plan, tmp, stage_opts.directory_urls)
        if opts.print_:
            with timer("print (PDF)"):
                write_print(content, tmp, site.codes, diags)
        with timer("root files, sitemap, open data"):
            _root_files(content, tmp, opts)
            _sitemap(content, staged, tmp, opts)
            write_open_data(content, tmp, stage_opts.today)
        with timer("link check (redirects)"):
            # Each language's pages were checked in its worker; here the pages written since.
            known = {f for fs in written_by_others.values() for f in fs}
            own = [p.as_posix() for p in redirects] + [(tmp / "index.html").as_posix()]
            found = [b for r in results for b in r.broken_links]
            found += check_deferred([d for r in results for d in r.deferred_links])
            found += check_pages(tmp, own, known, folders_of(known) | {tmp.as_posix()})
            sources = {
                f"{lang}/{html_path(p.path, stage_opts.directory_urls)}": p.source
                for lang, pages in staged.items()
                for p in pages
                if p.source
            }
            link_diags = Diagnostics(opts.root)
            report_broken(found, sources, link_diags)
            if found:
                report(link_diags, stream)
                if opts.strict:
                    raise BuildError(f"{len(found)} broken link(s) (--strict)")
            diags.items.extend(link_diags.items)
        _swap(tmp, out)
        if state is not None:
            state.append(
                BuildState(
                    content,
                    staged,
                    stage_opts,
                    {w.engine.lang: w.engine for w in works},
                    {w.engine.lang: w.site_name for w in works},
                )
            )
    except BuildError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"phobien build: failed: {exc}. The previous {opts.out.name}/ was not changed.", file=stream)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    took = time.monotonic() - start
    if opts.timings:
        timer.report(stream)
    print(f"phobien build: done in {took:.1f} s: {opts.out}/ ({diags.summary()})", file=stream)
    return 0


@dataclass
class LanguageWork:
    """Everything one language needs after staging; runs in a worker process."""

    engine: LanguageJob
    pages: list[Staged]
    meta: dict[str, dict[str, Any]]
    site_name: str
    extra_files: dict[str, str]
    qr: list[tuple[str, str]]
    qr_cache: Path | None
    offline: bool
    outside_files: set[str] = field(default_factory=set)
    """Files outside this language's folder that the build will have written at the end
    (other languages' pages, short links, root files): link targets the check accepts."""
    later: tuple[str, ...] = ()
    """Folders written after every language (the PDFs): links into them are checked at the end."""


@dataclass
class LanguageOutcome(LanguageResult):
    timings: dict[str, float] = field(default_factory=dict)
    broken_links: list[tuple[str, str, str]] = field(default_factory=list)
    deferred_links: list[tuple[str, str, str]] = field(default_factory=list)


def build_language(work: LanguageWork) -> LanguageOutcome:
    """One language from staged pages to finished files: the engine renders the HTML, then its
    feed, QR codes and search index are written. Never raises: errors are in the outcome."""
    timer = Timings()
    job = work.engine
    with timer("write staged Markdown"):
        write_stage(job.stage_dir, work.pages, work.meta, work.site_name)
    with timer("render (engine)"):
        result = run_language(job)
    outcome = LanguageOutcome(result.lang, result.pages, result.warnings, result.error)
    if result.error:
        return outcome
    try:
        for name, text in work.extra_files.items():
            (job.out_dir / name).write_text(text, encoding="utf-8")
        with timer("QR codes"):
            write_qr_codes(work.qr, work.qr_cache)
        with timer("search index"):
            index_language(job.out_dir, job.lang, work.offline)
        with timer("link check"):
            files, dirs = scan(job.out_dir)
            dirs |= folders_of(work.outside_files) | {job.out_dir.parent.as_posix()}
            pages, known = html_pages(files), files | work.outside_files
            outcome.broken_links = check_pages(
                job.out_dir.parent, pages, known, dirs, work.later, outcome.deferred_links
            )
    except Exception as exc:  # noqa: BLE001 - report, never show a traceback to an editor
        outcome.error = f"site/{job.lang}:1:1: writing the language's files failed: {type(exc).__name__}: {exc}"
    outcome.timings = timer.phases
    return outcome


def _files_written_later(
    staged: dict[str, list[Staged]], plan: AddressPlan, tmp: Path, directory_urls: bool
) -> dict[str, set[str]]:
    """Per language (and "" for the rest), the files of the finished site that pages may link
    to: every page, every short link, the root page. Lets each language's worker check its
    links before the others have finished."""
    result: dict[str, set[str]] = {
        lang: {(tmp / lang / html_path(p.path, directory_urls)).as_posix() for p in pages}
        for lang, pages in staged.items()
    }
    result[""] = {(tmp / short_link_file(code, directory_urls)).as_posix() for code in plan.codes}
    result[""].add((tmp / "index.html").as_posix())
    return result


@contextlib.contextmanager
def _shared_heap() -> Iterator[None]:
    """While worker processes are forked from this one: they share its objects until they
    write to them, so keep the garbage collector from touching (and so copying) them all."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_FORKED: dict[str, Any] = {}
"""What forked staging workers inherit instead of receiving it pickled (the whole content)."""


def _stage_forked(lang: str) -> list[Staged]:
    return stage_language(_FORKED["content"], lang, _FORKED["options"])


def _stage_all(content: Content, options: Options, workers: int) -> dict[str, list[Staged]]:
    """Stage every language; in parallel where processes can be forked (Linux), as the
    workers then share the loaded content without copying it."""
    codes = content.site.codes
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {lang: stage_language(content, lang, options) for lang in codes}
    _FORKED.update(content=content, options=options)
    try:
        with _shared_heap(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return dict(zip(codes, pool.map(_stage_forked, codes), strict=True))
    finally:
        _FORKED.clear()


def _progress(result: LanguageResult, stream: TextIO) -> None:
    state = "failed" if result.error else f"{result.pages} HTML files"
    print(f"  [{result.lang}] {state}", file=stream)
    for w in result.warnings:
        print(f"  [{result.lang}] warning: {w}", file=stream)


def _swap(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` with two renames, so readers never see a half-built site."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
