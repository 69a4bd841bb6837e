"""``phobien build``: check, stage every language, render in parallel, swap in atomically."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from phobien.checks import check_content
from phobien.checks.site import check_publication
from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.core.heap import shared_heap
from phobien.core.timing import Timings
from phobien.engine import DEFAULT_ENGINE, get_engine
from phobien.engine.base import LanguageJob, LanguageResult, LanguageSite
from phobien.load import Content
from phobien.model.i18n import UI_KEYS
from phobien.model.translation import in_language
from phobien.printing import write_print
from phobien.publish.links import check_deferred, check_pages, folders_of, html_pages, report_broken, scan
from phobien.publish.opendata import write_open_data
from phobien.publish.pagemeta import page_meta
from phobien.publish.rootfiles import write_root_files, write_sitemap
from phobien.search import index_language, synonyms_of
from phobien.search.opensearch import opensearch_xml
from phobien.stage.addresses import AddressPlan, plan_addresses, short_link_file, write_qr_codes, write_redirects
from phobien.stage.news import atom_feed, visible_articles
from phobien.stage.pages import Options, stage_all, without_drafts
from phobien.stage.staged import Staged
from phobien.stage.ui import UI
from phobien.stage.urls import html_path


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
    engine: str | None = None
    """The engine (``phobien build --engine``); wins over ``engine:`` in content/site.yml."""
    preview: bool = False
    """A preview (``phobien build --preview``, ``phobien serve``): an example base_url is
    accepted and every page says it is a preview."""

    @property
    def is_preview(self) -> bool:
        return self.preview or self.serve


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


def engine_name(content: Content, chosen: str | None = None) -> str:
    """The engine of a build: ``chosen`` (the command line), else content/site.yml's, else the default."""
    return chosen or content.site.engine or DEFAULT_ENGINE


def check(
    root: Path, strict: bool, stream: TextIO = sys.stderr, engine: str | None = None, preview: bool = True
) -> tuple[Content, Diagnostics]:
    content, diags = check_content(root)
    get_engine(engine_name(content, engine)).preflight(content, diags)
    if not preview:
        check_publication(content, diags)
    report(diags, stream)
    return content, diags


def _language_site(content: Content, lang: str, opts: BuildOptions) -> LanguageSite:
    """What the engine is told about one language (in phobien's terms; the engine makes its config)."""
    site = content.site
    ui = UI(content, lang)
    return LanguageSite(
        lang=lang,
        name=in_language(site.name, lang, site.default_language)[0],
        url=site.base_url.rstrip("/") + f"/{lang}/",
        directory_urls=not opts.offline,
        menu_titles={k: ui(k) for k in ("home", "materials", "news", "plans", "legal", "agencies")},
        template_data={
            "lang": lang,
            "default_language": site.default_language,
            "quick_exit_url": site.quick_exit_url,
            "safety_page": site.safety_page,
            "ui": {k: ui(k) for k in UI_KEYS},
            "ui_machine": ui.machine,
            "serve": opts.serve,
            "offline": opts.offline,
            "preview": opts.is_preview,
        },
    )


@dataclass
class _Run:
    """What staging decided for a build: the languages' work and where it is written."""

    content: Content
    options: Options
    staged: dict[str, list[Staged]]
    plan: AddressPlan
    tmp: Path
    written_by_others: dict[str, set[str]]
    works: list[LanguageWork]
    workers: int


def build(opts: BuildOptions, stream: TextIO = sys.stderr, state: list[BuildState] | None = None) -> int:
    """Build the site. Returns the exit code; prints every problem found."""
    start = time.monotonic()
    timer = Timings()
    with timer("check"):
        content, diags = check(opts.root, opts.strict, stream, opts.engine, opts.is_preview)
    if diags.failed(opts.strict):
        print(
            f"phobien build: stopped before building: {diags.summary()}. The previous site/ was not changed.",
            file=stream,
        )
        return 1
    without_drafts(content, opts.serve)
    out = opts.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    _remove_leftovers(out)
    try:
        run = _prepare(content, opts, tmp, timer, stream)
        results = _render_all(run, timer, stream)
        _finish(run, results, diags, opts, timer, stream)
        _swap(tmp, out)
        if state is not None:
            jobs = {w.job.lang: w.job for w in run.works}
            state.append(
                BuildState(content, run.staged, run.options, jobs, {w.job.lang: w.site_name for w in run.works})
            )
    except BuildError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"phobien build: failed: {exc}. The previous {opts.out.name}/ was not changed.", file=stream)
        return 1
    except OSError as exc:  # read-only folder, permission denied, disk full: one line, site/ untouched
        shutil.rmtree(tmp, ignore_errors=True)
        where = f" '{exc.filename}'" if exc.filename else ""
        print(
            f"phobien build: failed: cannot write{where}: {exc.strerror or exc}. "
            f"The previous {opts.out.name}/ was not changed.",
            file=stream,
        )
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    took = time.monotonic() - start
    if opts.timings:
        timer.report(stream)
    print(f"phobien build: done in {took:.1f} s: {opts.out}/ ({diags.summary()})", file=stream)
    return 0


def _prepare(content: Content, opts: BuildOptions, tmp: Path, timer: Timings, stream: TextIO) -> _Run:
    """Stage every language, plan the addresses and describe each language's work."""
    site = content.site
    stage_opts = Options(
        directory_urls=not opts.offline, today=opts.today or clock.today(), serve=opts.serve, print_=opts.print_
    )
    workers = max(1, min(len(site.codes), opts.jobs or os.cpu_count() or 1))
    with timer("stage"):
        staged = stage_all(content, stage_opts, workers)
    work = opts.stage_dir or opts.root / ".phobien-cache" / "stage"
    shutil.rmtree(work, ignore_errors=True)
    with timer("plan addresses"):
        try:
            plan = plan_addresses(staged, site.base_url, site.default_language, stage_opts.directory_urls)
        except ValueError as exc:
            raise BuildError(str(exc)) from exc
    written_by_others = _files_written_later(staged, plan, tmp, stage_opts.directory_urls)
    engine = get_engine(engine_name(content, opts.engine))
    works = []
    for lang in site.codes:
        lang_site = _language_site(content, lang, opts)
        articles = visible_articles(content, lang, stage_opts.today, serve=False)
        job = engine.language_job(lang_site, staged[lang], opts.root.resolve(), work / lang, tmp / lang, opts.strict)
        works.append(
            LanguageWork(
                job=job,
                pages=staged[lang],
                meta=page_meta(content, staged, lang, stage_opts),
                site_name=lang_site.name,
                extra_files={
                    "feed.xml": atom_feed(content, lang, articles, lang_site.name, stage_opts.directory_urls),
                    "opensearch.xml": opensearch_xml(site.base_url, lang, lang_site.name),
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
    return _Run(content, stage_opts, staged, plan, tmp, written_by_others, works, workers)


def _render_all(run: _Run, timer: Timings, stream: TextIO) -> list[LanguageOutcome]:
    """Every language's work, in parallel worker processes where there are several."""
    results: list[LanguageOutcome] = []
    with timer("languages (in parallel)" if run.workers > 1 else "languages"):
        if run.workers > 1:
            with shared_heap(), ProcessPoolExecutor(max_workers=run.workers) as pool:
                for result in pool.map(build_language, run.works):
                    _progress(result, stream)
                    results.append(result)
        else:
            for item in run.works:
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
    return results


def _finish(
    run: _Run, results: list[LanguageOutcome], diags: Diagnostics, opts: BuildOptions, timer: Timings, stream: TextIO
) -> None:
    """What is written after every language: redirects, PDFs, root files; then the last links."""
    tmp, directory_urls = run.tmp, run.options.directory_urls
    with timer("redirects and short links"):
        redirects = write_redirects(run.staged, run.plan, tmp, directory_urls)
    if opts.print_:
        with timer("print (PDF)"):
            write_print(run.content, tmp, run.content.site.codes, diags)
    with timer("root files, sitemap, open data"):
        write_root_files(run.content, tmp, opts.offline)
        write_sitemap(run.content, run.staged, tmp)
        write_open_data(run.content, tmp, run.options.today)
    with timer("link check (redirects)"):
        # Each language's pages were checked in its worker; here the pages written since.
        known = {f for fs in run.written_by_others.values() for f in fs}
        own = [p.as_posix() for p in redirects] + [(tmp / "index.html").as_posix()]
        found = [b for r in results for b in r.broken_links]
        found += check_deferred([d for r in results for d in r.deferred_links])
        found += check_pages(tmp, own, known, folders_of(known) | {tmp.as_posix()})
        sources = {
            f"{lang}/{html_path(p.path, directory_urls)}": p.source
            for lang, pages in run.staged.items()
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


@dataclass
class LanguageWork:
    """Everything one language needs after staging; runs in a worker process."""

    job: LanguageJob
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
    job = work.job
    engine = get_engine(job.engine)
    with timer("write staged Markdown"):
        engine.write_stage(job, work.pages, work.meta)
    with timer("render (engine)"):
        result = engine.render(job)
    outcome = LanguageOutcome(result.lang, result.pages, result.warnings, result.error)
    if result.error:
        return outcome
    try:
        for name, text in work.extra_files.items():
            (job.out_dir / name).write_text(text, encoding="utf-8")
        with timer("QR codes"):
            write_qr_codes(work.qr, work.qr_cache)
        with timer("search index"):
            index_language(job.out_dir, job.lang, work.offline, synonyms=synonyms_of(job.root, job.lang))
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


def _progress(result: LanguageResult, stream: TextIO) -> None:
    state = "failed" if result.error else f"{result.pages} HTML files"
    print(f"  [{result.lang}] {state}", file=stream)
    for w in result.warnings:
        print(f"  [{result.lang}] warning: {w}", file=stream)


def _remove_leftovers(out: Path) -> None:
    """Remove what killed builds left next to ``out`` (``.site.tmp-<pid>``, ``.site.old-<pid>``)."""
    for p in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = p.name.removeprefix(f".{out.name}.").partition("-")
        if kind in ("tmp", "old") and pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            shutil.rmtree(p, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` with two renames, so readers never see a half-built site."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
