"""One language's work after staging, run in a worker process: the engine renders its HTML
(only the pages whose inputs changed, in an incremental build), then its feed, QR codes,
search index and link check are written."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phobien.core.timing import Timings
from phobien.engine import get_engine
from phobien.engine.base import LanguageJob, LanguageResult
from phobien.publish.links import check_pages, folders_of, html_pages, link_memo, scan
from phobien.publish.reuse import page_digest
from phobien.search import index_language, synonyms_of
from phobien.stage.addresses import write_qr_codes
from phobien.stage.staged import Staged
from phobien.stage.urls import html_path


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
    staged_before: dict[str, str] | None = None
    """The digest of every page in the staged folder as the previous build left it (that folder
    is kept: only pages whose digest differs are written); None: the folder is new."""
    reusable: dict[str, str] = field(default_factory=dict)
    """Pages the previous build rendered with the same engine settings, whose HTML is intact
    in ``reuse_dir``: staged path → the digest it was rendered from."""
    reuse_dir: Path | None = None
    """The previous build's folder of this language (``site/<lang>``)."""
    rendered_with: str = ""
    """:func:`~phobien.publish.reuse.engine_digest` of the language (recorded for the next build)."""
    qr_reused: set[str] = field(default_factory=set)
    """QR code files (relative to the site) that the previous build left intact for the same
    address (the address of a page is its file's place and the site's address, which the
    engine settings hold): taken from the previous site instead of being made again."""
    search_cache: Path | None = None
    """Folder of the pages the search index analysed in earlier builds (:mod:`phobien.search.cache`)."""
    link_cache: Path | None = None
    """Folder of what the link check read of each page in earlier builds (:func:`~phobien.publish.links.link_memo`)."""
    digests: dict[str, str] | None = None
    """Staged path → :func:`~phobien.publish.reuse.page_digest`, when ``pages`` are not given
    (a job of a split build: ``phobien stage`` wrote them and their digests)."""


@dataclass
class LanguageOutcome(LanguageResult):
    timings: dict[str, float] = field(default_factory=dict)
    broken_links: list[tuple[str, str, str]] = field(default_factory=list)
    deferred_links: list[tuple[str, str, str]] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)
    """Staged path → digest of what its page was made from (recorded for the next build)."""
    rendered: int | None = None
    """HTML files the engine wrote when the others were reused (None: every page was rendered)."""


def build_language(work: LanguageWork) -> LanguageOutcome:
    """One language from staged pages to finished files. Never raises: errors are in the outcome."""
    timer = Timings()
    job = work.job
    engine = get_engine(job.engine)
    digests = page_digests(work)
    reused = {path for path, digest in digests.items() if work.reusable.get(path) == digest}
    only = [path for path in digests if path not in reused] if reused and work.reuse_dir else None
    with timer("write staged Markdown"):
        # Every page the engine renders is written by this build: the word that marks the
        # templates' HTML is this build's (:mod:`phobien.stage.rawhtml`). A kept page that is
        # not rendered stays as the previous build wrote it (the engine only lists it).
        before = work.staged_before
        rendered = engine.renders(job, only) if only is not None else set(digests)
        if before is not None:
            for path in before.keys() - digests.keys():
                (job.stage_dir / path).unlink(missing_ok=True)
        write = [p for p in work.pages if before is None or p.path in rendered or before.get(p.path) != digests[p.path]]
        engine.write_stage(job, write, work.meta)
    with timer("render (engine)"):
        result = engine.render(job, only=only)
    outcome = LanguageOutcome(result.lang, result.pages, result.warnings, result.error, digests=digests)
    if result.error:
        return outcome
    folders: set[str] = set()
    try:
        if only is not None and work.reuse_dir is not None:
            with timer("reuse unchanged pages"):
                outcome.rendered = result.pages
                outcome.pages = result.pages + _reuse(work.reuse_dir, job.out_dir, reused, not work.offline, folders)
        for name, text in work.extra_files.items():
            (job.out_dir / name).write_text(text, encoding="utf-8")
        with timer("QR codes"):
            _qr_codes(work, folders)
        with timer("search index"):
            synonyms = synonyms_of(job.root, job.lang)
            index_language(
                job.out_dir, job.lang, work.offline, synonyms=synonyms, cache=work.search_cache, previous=work.reuse_dir
            )
        with timer("link check"):
            files, dirs = scan(job.out_dir)
            dirs |= folders_of(work.outside_files) | {job.out_dir.parent.as_posix()}
            pages, known = html_pages(files), files | work.outside_files
            memo = link_memo(work.link_cache, job.lang)
            outcome.broken_links = check_pages(
                job.out_dir.parent, pages, known, dirs, work.later, outcome.deferred_links, memo
            )
            if memo is not None:
                memo.save()
    except Exception as exc:  # noqa: BLE001 - report, never show a traceback to an editor
        outcome.error = f"site/{job.lang}:1:1: writing the language's files failed: {type(exc).__name__}: {exc}"
    outcome.timings = timer.phases
    return outcome


def page_digests(work: LanguageWork) -> dict[str, str]:
    if work.digests is not None:
        return work.digests
    return {p.path: page_digest(p, work.meta.get(p.path, {})) for p in work.pages}


def _qr_codes(work: LanguageWork, folders: set[str] | None = None) -> None:
    """The language's QR codes: those of :attr:`LanguageWork.qr_reused` from the previous site,
    the others made (or taken from the cache of codes). ``folders``: those known to be in the
    language's output (:func:`_link_files`)."""
    site = work.job.out_dir.parent
    make = work.qr
    if work.reuse_dir is not None and work.qr_reused:
        rel = {target: Path(target).relative_to(site).as_posix() for _, target in work.qr}
        _link_files(work.reuse_dir.parent, site, [rel[t] for _, t in work.qr if rel[t] in work.qr_reused], folders)
        make = [(url, t) for url, t in work.qr if rel[t] not in work.qr_reused]
    write_qr_codes(make, work.qr_cache)


def _link_files(previous: Path, out: Path, rels: list[str], folders: set[str] | None = None) -> None:
    """Hard-link (or copy) ``previous/rel`` to ``out/rel`` for each of ``rels``. ``folders``
    (absolute): those known to be there, and where the folders made are added. A folder is
    made once, with one call when its parent is known (a folder per page: making them was
    most of the time of bringing a thousand pages)."""
    made = folders if folders is not None else set()
    source_base, target_base = os.fspath(previous), os.fspath(out)
    for rel in rels:
        target = f"{target_base}/{rel}"
        folder = target.rpartition("/")[0]
        if folder not in made:
            _make_folder(folder, made)
        source = f"{source_base}/{rel}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def _make_folder(folder: str, made: set[str]) -> None:
    parent = folder.rpartition("/")[0]
    if parent and parent not in made and not os.path.isdir(parent):
        _make_folder(parent, made)
    made.add(parent)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder)
    made.add(folder)


def _written(out: Path) -> tuple[set[str], set[str]]:
    """The files (relative) and folders (absolute) in ``out``."""
    files: set[str] = set()
    folders: set[str] = set()
    base = len(os.fspath(out)) + 1
    for folder, _, names in os.walk(out):
        folders.add(folder)
        files.update(os.path.join(folder, name)[base:].replace(os.sep, "/") for name in names)
    return files, folders


def _reuse(previous: Path, out: Path, paths: set[str], directory_urls: bool, folders: set[str]) -> int:
    """Bring the previous build's HTML of ``paths`` into ``out``, where the engine did not write
    it anew. A hard link where the file system has them (the file is never written again: the
    next build writes new files and links the rest), else a copy. ``folders``: as for
    :func:`_link_files`, filled with those of ``out``. Returns the number of files brought."""
    files, there = _written(out)
    folders |= there
    rels = [rel for rel in (html_path(path, directory_urls) for path in sorted(paths)) if rel not in files]
    _link_files(previous, out, rels, folders)
    return len(rels)
