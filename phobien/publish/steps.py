"""The steps of ``phobien build`` (also run as separate jobs by :mod:`phobien.publish.split`):
:func:`prepare` stages every language and describes each language's work, :func:`render_all`
runs them in worker processes (:mod:`phobien.publish.work`), :func:`finish` writes what
follows every language (redirects, PDFs, root files, sitemap, open data, the last links)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.core.heap import forked_map
from phobien.core.timing import Timings
from phobien.engine import get_engine
from phobien.engine.base import LanguageResult, LanguageSite
from phobien.load import Content
from phobien.model.i18n import UI_KEYS
from phobien.model.translation import in_language
from phobien.printing import write_print
from phobien.publish import reuse
from phobien.publish.links import check_deferred, check_pages, folders_of, report_broken
from phobien.publish.opendata import write_open_data
from phobien.publish.options import BuildError, BuildOptions, engine_name, report
from phobien.publish.pagemeta import page_meta
from phobien.publish.rootfiles import write_root_files, write_sitemap
from phobien.publish.work import LanguageOutcome, LanguageWork, build_language
from phobien.search.opensearch import opensearch_xml
from phobien.stage.addresses import AddressPlan, plan_addresses, short_link_file, write_redirects
from phobien.stage.news import atom_feed, visible_articles
from phobien.stage.pages import Kept, Options, stage_all
from phobien.stage.staged import Staged
from phobien.stage.ui import UI
from phobien.stage.urls import html_path


def language_site(content: Content, lang: str, opts: BuildOptions) -> LanguageSite:
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
class Run:
    """What staging decided for a build: the languages' work and where it is written."""

    content: Content
    options: Options
    staged: dict[str, list[Staged]]
    plan: AddressPlan
    tmp: Path
    written_by_others: dict[str, set[str]]
    works: list[LanguageWork]
    workers: int
    stage_dir: Path | None = None


def prepare(
    content: Content,
    opts: BuildOptions,
    tmp: Path,
    timer: Timings,
    stream: TextIO,
    record: reuse.Record | None = None,
    code: str = "",
) -> Run:
    """Stage every language, plan the addresses and describe each language's work. With the
    ``record`` of the previous build into ``opts.out``, each language reuses the HTML of the
    pages whose inputs did not change; ``code`` (the digest of phobien's code) is given when the
    build will be recorded."""
    site = content.site
    stage_opts = Options(
        directory_urls=not opts.offline, today=opts.today or clock.today(), serve=opts.serve, print_=opts.print_
    )
    workers = max(1, min(len(site.codes), opts.jobs or os.cpu_count() or 1))
    staged, plan = _stage(content, stage_opts, workers, timer, _kept(opts, code))
    work = opts.stage_dir or opts.root / ".phobien-cache" / "stage"
    kept_folder = _keep_staged(work, record, reuse.search_cache(opts.root, opts.out.resolve()) if code else None)
    written_by_others = files_written_later(staged, plan, tmp, stage_opts.directory_urls)
    engine = get_engine(engine_name(content, opts.engine))
    frame = reuse.frame_digest(code, engine.name, opts.root) if code else ""
    out = opts.out.resolve()
    works = []
    for lang in site.codes:
        lang_site = language_site(content, lang, opts)
        articles = visible_articles(content, lang, stage_opts.today, serve=False)
        job = engine.language_job(lang_site, staged[lang], opts.root.resolve(), work / lang, tmp / lang, opts.strict)
        rendered_with = reuse.engine_digest(frame, job.settings, opts.strict) if code else ""
        before = record.languages.get(lang) if record is not None else None
        reusable = _reusable(record, lang, rendered_with, out, stage_opts.directory_urls)
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
                qr_reused=_intact(record, out, [rel for _, rel in plan.qr.get(lang, [])]) if reusable else set(),
                qr_cache=opts.root / ".phobien-cache" / "qr",
                offline=opts.offline,
                outside_files={f for other, fs in written_by_others.items() if other != lang for f in fs},
                later=tuple(f"{(tmp / c).as_posix()}/print/" for c in ["", *site.codes]),
                staged_before=before.pages if kept_folder and before is not None else None,
                reusable=reusable,
                reuse_dir=out / lang if reusable else None,
                rendered_with=rendered_with,
                search_cache=reuse.search_cache(opts.root, out) if code else None,
                link_cache=reuse.link_cache(opts.root, out) if code else None,
            )
        )
    total = sum(len(p) for p in staged.values())
    print(f"phobien build: {total} pages in {len(works)} languages ({', '.join(site.codes)})", file=stream)
    return Run(content, stage_opts, staged, plan, tmp, written_by_others, works, workers, work)


def _stage(
    content: Content, options: Options, workers: int, timer: Timings, kept: Kept | None
) -> tuple[dict[str, list[Staged]], AddressPlan]:
    """Every language's pages and their addresses (staging kept in ``kept`` between builds)."""
    with timer("stage"):
        staged = stage_all(content, options, workers, kept)
    with timer("plan addresses"):
        try:
            plan = plan_addresses(staged, content.site.base_url, content.site.default_language, options.directory_urls)
        except ValueError as exc:
            raise BuildError(str(exc)) from exc
    return staged, plan


def _kept(opts: BuildOptions, code: str) -> Kept | None:
    """Where staging keeps what it made for the next build (when the build is recorded)."""
    return Kept(opts.root / ".phobien-cache" / "staging", code, fresh=not opts.reuses) if code else None


def _keep_staged(work: Path, record: reuse.Record | None, search: Path | None) -> bool:
    """Whether the staged folder is the one the recorded build left (then only the pages that
    changed are written again); otherwise it is emptied. A clean build (or the first) also
    starts the ``search`` index's cache afresh."""
    if record is None and search is not None:
        shutil.rmtree(search, ignore_errors=True)
    kept = record is not None and bool(record.stamp) and reuse.read_stamp(work) == record.stamp
    if kept:
        (work / reuse.STAMP).unlink()  # until this build has left the folder as its record says
    else:
        shutil.rmtree(work, ignore_errors=True)
    return kept


def _intact(record: reuse.Record | None, out: Path, rels: list[str]) -> set[str]:
    """The files among ``rels`` that the recorded build left in ``out`` as they were."""
    return {rel for rel in rels if record is not None and reuse.intact(out, record.files, rel)}


def _reusable(record: reuse.Record | None, lang: str, engine: str, out: Path, directory_urls: bool) -> dict[str, str]:
    """The pages of ``lang`` whose HTML the recorded build left intact in ``out``, rendered with
    the same engine settings: staged path → the digest it was made from."""
    before = record.languages.get(lang) if record is not None else None
    if record is None or before is None or before.engine != engine:
        return {}
    return {
        path: digest
        for path, digest in before.pages.items()
        if reuse.intact(out, record.files, f"{lang}/{html_path(path, directory_urls)}")
    }


def render_all(run: Run, timer: Timings, stream: TextIO) -> list[LanguageOutcome]:
    """Every language's work, in parallel worker processes where there are several."""
    results: list[LanguageOutcome] = []
    with timer("languages (in parallel)" if run.workers > 1 else "languages"):
        if run.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            try:
                for result in forked_map(build_language, run.works, run.workers):
                    progress(result, stream)
                    results.append(result)
            except ChildProcessError as exc:
                raise BuildError(f"{exc}; the system may be short of memory (try --jobs 1)") from exc
        else:
            for item in run.works:
                result = build_language(item)
                progress(result, stream)
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


def finish(
    run: Run, results: list[LanguageOutcome], diags: Diagnostics, opts: BuildOptions, timer: Timings, stream: TextIO
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


def files_written_later(
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


def progress(result: LanguageResult, stream: TextIO) -> None:
    state = "failed" if result.error else f"{result.pages} HTML files"
    rendered = getattr(result, "rendered", None)
    if not result.error and rendered is not None:
        state += f" ({rendered} rendered, the others unchanged)"
    print(f"  [{result.lang}] {state}", file=stream)
    for w in result.warnings:
        print(f"  [{result.lang}] warning: {w}", file=stream)
