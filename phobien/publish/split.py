"""A build split into independent jobs, for CI runners or machines that share no disk:

1. :func:`stage` (``phobien stage``): check and stage every language once; write the staged
   artifact (:mod:`phobien.publish.artifact`);
2. :func:`build_languages` (``phobien build-language``): from the staged artifact, one or more
   languages' finished folders (the same work as :func:`phobien.publish.work.build_language`);
3. :func:`merge` (``phobien merge``): the language folders put together, then what one machine
   writes after its languages (redirects, short links, PDFs, root files, sitemap, open data,
   the last link check) and the atomic swap.

Each step runs the code of ``phobien build`` (:mod:`phobien.publish.steps`), given the same
inputs with their paths rebased on the job's own folders, so the merged site is the same,
byte for byte, as the one ``phobien build`` makes from the same tree on the same date.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from phobien.core.diagnostics import Diagnostics
from phobien.core.heap import shared_heap
from phobien.core.timing import Timings
from phobien.engine import get_engine
from phobien.errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from phobien.load import Content, load_content
from phobien.publish import artifact as art
from phobien.publish.build import remove_leftovers, swap
from phobien.publish.kept import keep, reuse_kept
from phobien.publish.options import BuildError, BuildOptions, check, engine_name
from phobien.publish.steps import Run, files_written_later, finish, prepare, progress
from phobien.publish.work import LanguageOutcome, LanguageWork, build_language
from phobien.stage import rawhtml
from phobien.stage.addresses import plan_addresses
from phobien.stage.pages import Options, without_drafts

OUTCOME = "phobien-{lang}.json"


def run_job(command: str, job: Callable[[], int], stream: TextIO = sys.stderr) -> int:
    """Run one job of ``phobien <command>``: an artifact it must not use is a one-line refusal
    (exit 2), a folder it cannot write a one-line failure (exit 1), never a traceback."""
    try:
        return job()
    except art.ArtifactError as exc:
        print(exc, file=stream)
        return EXIT_USAGE
    except OSError as exc:
        where = f" '{exc.filename}'" if exc.filename else ""
        print(f"phobien {command}: failed: cannot write{where}: {exc.strerror or exc}.", file=stream)
        return EXIT_CONTENT


def stage(opts: BuildOptions, out: Path, stream: TextIO = sys.stderr) -> int:
    """Check and stage every language into the artifact folder ``out``. Raises
    :class:`~phobien.publish.artifact.ArtifactError` when ``out`` is another kind of folder."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not (out / art.MANIFEST).is_file():
        raise art.refuse(out, "exists and is not a staged artifact; choose another --out or remove the folder")
    if any(out.resolve().is_relative_to((opts.root / name).resolve()) for name in art.TREE):
        raise art.refuse(
            out, "is part of what the site is made from; choose a folder outside content/, docs/, overrides/"
        )
    timer = Timings()
    with timer("check"):
        content, diags = check(opts.root, opts.strict, stream, opts.engine, opts.is_preview)
    if diags.failed(opts.strict):
        print(f"phobien stage: stopped: {diags.summary()}. Nothing was staged.", file=stream)
        return EXIT_CONTENT
    without_drafts(content, opts.serve)
    shutil.rmtree(out, ignore_errors=True)
    try:
        run = _write_artifact(content, opts, out, timer)
    except BuildError as exc:
        shutil.rmtree(out, ignore_errors=True)
        print(f"phobien stage: failed: {exc}. Nothing was staged.", file=stream)
        return EXIT_CONTENT
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)  # no half-written artifact is left to be used
        raise
    if opts.timings:
        timer.report(stream, "phobien stage: ")
    total = sum(len(p) for p in run.staged.values())
    print(
        f"phobien stage: {total} pages in {len(run.works)} languages ({', '.join(run.staged)}) staged in "
        f"{art.shown(out)}/ for {run.options.today.isoformat()} ({diags.summary()})",
        file=stream,
    )
    return EXIT_OK


def _write_artifact(content: Content, opts: BuildOptions, out: Path, timer: Timings) -> Run:
    """Stage every language as ``phobien build`` does and write the artifact; the manifest last."""
    site = out.resolve() / "site"  # never written: the paths of the jobs are made relative to it
    stage_dir = out.resolve() / art.STAGE
    code = art.code_digest()
    run = prepare(content, dataclasses.replace(opts, stage_dir=stage_dir), site, timer, io.StringIO(), code=code)
    engine = get_engine(engine_name(content, opts.engine))
    with timer("write staged Markdown"):
        for work in run.works:
            engine.write_stage(work.job, work.pages, work.meta)
            art.write_json(out / art.LANGUAGES / f"{work.job.lang}.json", art.work_json(work, site, stage_dir))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    manifest = art.Manifest(
        code,
        art.tree_digest(opts.root),
        engine.name,
        run.options.today,
        opts.offline,
        opts.strict,
        opts.print_,
        rawhtml.TOKEN,
        int(epoch) if epoch.isdigit() else int(time.time()),
        run.staged,
        {lang: art.staged_digest(out, lang) for lang in run.staged},
    )
    art.write_json(out / art.MANIFEST, manifest.to_json())  # last: a folder without it is refused
    return run


def build_languages(
    root: Path,
    staged: Path,
    languages: list[str],
    out: Path,
    jobs: int | None = None,
    stream: TextIO = sys.stderr,
    timings: bool = False,
) -> int:
    """Render ``languages`` from the staged artifact into ``out/<lang>/`` with their results in
    ``out/phobien-<lang>.json``. Raises :class:`~phobien.publish.artifact.ArtifactError`."""
    start = time.monotonic()
    manifest = art.read_manifest(staged, root)
    rawhtml.use_token(manifest.raw_token)
    site = out.resolve()
    works = [_read_work(staged, lang, manifest, root, site) for lang in dict.fromkeys(languages)]
    kept = root / ".phobien-cache" / "languages"
    for work in works:
        shutil.rmtree(site / work.job.lang, ignore_errors=True)
        (site / OUTCOME.format(lang=work.job.lang)).unlink(missing_ok=True)
        reuse_kept(kept, work)
        work.search_cache = kept / "search"
        work.link_cache = kept / "links"
    site.mkdir(parents=True, exist_ok=True)
    timer = Timings()
    failed = 0
    with _dates(manifest):
        outcomes = list(_run_works(works, jobs, stream))
    for outcome in outcomes:
        for phase, seconds in outcome.timings.items():
            timer.add(f"{phase} (sum of languages)", seconds)
        if outcome.error:
            failed += 1
            print(outcome.error, file=stream)
            shutil.rmtree(site / outcome.lang, ignore_errors=True)
            continue
        art.write_json(site / OUTCOME.format(lang=outcome.lang), _outcome_json(outcome, manifest, site))
        keep(kept, site / outcome.lang, outcome, next(w for w in works if w.job.lang == outcome.lang))
    if timings:
        timer.report(stream, "phobien build-language: ")
    if failed:
        print(f"phobien build-language: failed: {failed} language(s) failed.", file=stream)
        return EXIT_CONTENT
    print(
        f"phobien build-language: done in {time.monotonic() - start:.1f} s: "
        + ", ".join(f"{art.shown(out)}/{w.job.lang}/" for w in works),
        file=stream,
    )
    return EXIT_OK


def _read_work(staged: Path, lang: str, manifest: art.Manifest, root: Path, site: Path) -> LanguageWork:
    """The work of ``lang`` in the staged artifact, checked to be what the stage wrote."""
    if lang not in manifest.languages:
        raise art.refuse(
            staged / art.MANIFEST, f"the artifact has no language '{lang}'; use one of: {', '.join(manifest.languages)}"
        )
    if art.staged_digest(staged, lang) != manifest.digests.get(lang):
        raise art.refuse(
            staged / art.STAGE / lang,
            f"the staged files of '{lang}' are not those that 'phobien stage' wrote (missing or changed); "
            "pass the whole staged folder, or stage again",
        )
    path = staged / art.LANGUAGES / f"{lang}.json"
    try:
        return art.work_from_json(art.read_json(path, "stage again"), root, staged.resolve() / art.STAGE, site)
    except (KeyError, TypeError, ValueError) as exc:
        raise art.refuse(path, f"damaged ({type(exc).__name__}: {exc}); stage again") from None


def _run_works(works: list[LanguageWork], jobs: int | None, stream: TextIO) -> Iterator[LanguageOutcome]:
    """The languages' work, in parallel worker processes where there are several (as ``phobien build``)."""
    workers = max(1, min(len(works), jobs or os.cpu_count() or 1))
    if workers > 1:
        with shared_heap(), ProcessPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(build_language, works):
                progress(outcome, stream)
                yield outcome
        return
    for work in works:
        outcome = build_language(work)
        progress(outcome, stream)
        yield outcome


def _outcome_json(outcome: LanguageOutcome, manifest: art.Manifest, site: Path) -> dict[str, Any]:
    return {
        "format": art.FORMAT,
        "stage": manifest.identity,
        "lang": outcome.lang,
        "files": art.folder_digest(site / outcome.lang),
        "pages": outcome.pages,
        "warnings": outcome.warnings,
        "timings": outcome.timings,
        "broken_links": outcome.broken_links,
        "deferred_links": [[page, href, art.relative(target, site)] for page, href, target in outcome.deferred_links],
    }


def _read_outcome(languages: Path, lang: str, manifest: art.Manifest, site: Path) -> LanguageOutcome:
    """A language's result, checked to come from this staged artifact, with its paths on ``site``."""
    path = languages / OUTCOME.format(lang=lang)
    again = f"run 'phobien build-language --language {lang}' with this staged artifact and pass its --out folder"
    data = art.read_json(path, f"no output of language '{lang}'; {again}")
    if not isinstance(data, dict) or data.get("format") != art.FORMAT or data.get("lang") != lang:
        raise art.refuse(path, f"not the output of language '{lang}' of this version of phobien; {again}")
    if data.get("stage") != manifest.identity:
        raise art.refuse(
            path,
            f"built from another staged artifact (stage {str(data.get('stage'))[:12]}, "
            f"this one is {manifest.identity[:12]}); {again}",
        )
    if art.folder_digest(languages / lang) != data.get("files"):
        raise art.refuse(
            languages / lang,
            f"the files of language '{lang}' are not those its job wrote (missing or changed); "
            f"pass its whole --out folder, or {again}",
        )
    try:
        return LanguageOutcome(
            lang,
            data["pages"],
            data["warnings"],
            None,
            data["timings"],
            [(p, h, problem) for p, h, problem in data["broken_links"]],
            [(p, h, art.rebase(target, site)) for p, h, target in data["deferred_links"]],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise art.refuse(path, f"damaged ({type(exc).__name__}: {exc}); {again}") from None


@contextmanager
def _dates(manifest: art.Manifest) -> Iterator[None]:
    """The build's dates for what reads the clock itself: phobien's (``PHOBIEN_TODAY``, read by
    the leaflets) and the engine's (``SOURCE_DATE_EPOCH``); worker processes inherit them."""
    dates = {"PHOBIEN_TODAY": manifest.today.isoformat(), "SOURCE_DATE_EPOCH": str(manifest.source_date_epoch)}
    before = {name: os.environ.get(name) for name in dates}
    os.environ.update(dates)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def merge(
    root: Path, staged: Path, languages: Path, out: Path, stream: TextIO = sys.stderr, timings: bool = False
) -> int:
    """Put the language folders together into ``out`` and write what follows them; atomic as
    ``phobien build``. Raises :class:`~phobien.publish.artifact.ArtifactError`."""
    start = time.monotonic()
    manifest = art.read_manifest(staged, root)
    out = out.resolve()
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    outcomes = [_read_outcome(languages, lang, manifest, tmp) for lang in manifest.languages]
    content, diags = load_content(root)
    if diags.failed(False):
        diags.write(stream)
        print(f"phobien merge: stopped: {diags.summary()}. The previous {out.name}/ was not changed.", file=stream)
        return EXIT_CONTENT
    diags = Diagnostics(root)
    opts = BuildOptions(root=root, out=out, strict=manifest.strict, offline=manifest.offline, print_=manifest.print_)
    without_drafts(content, opts.serve)
    options = Options(directory_urls=not manifest.offline, today=manifest.today, print_=manifest.print_)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    timer = Timings()
    try:
        with timer("copy the languages"):
            for lang in manifest.languages:
                shutil.copytree(languages / lang, tmp / lang)
        plan = plan_addresses(
            manifest.pages, content.site.base_url, content.site.default_language, options.directory_urls
        )
        written = files_written_later(manifest.pages, plan, tmp, options.directory_urls)
        run = Run(content, options, manifest.pages, plan, tmp, written, [], 1)
        with _dates(manifest):
            finish(run, outcomes, diags, opts, timer, stream)
        swap(tmp, out)
    except (BuildError, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        what = str(exc) if isinstance(exc, BuildError) else f"cannot write: {exc}"
        print(f"phobien merge: failed: {what}. The previous {out.name}/ was not changed.", file=stream)
        return EXIT_CONTENT
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if timings:
        timer.report(stream, "phobien merge: ")
    print(
        f"phobien merge: done in {time.monotonic() - start:.1f} s: {art.shown(out)}/ ({diags.summary()})", file=stream
    )
    return EXIT_OK
