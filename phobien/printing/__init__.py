"""Paper: an A4 leaflet per material per language and an A3 poster per audience (PDF).

Integration points (the rest of phobien calls only these):
- :func:`write_print` after every language's HTML exists in ``out/<lang>/`` (skipped by
  ``phobien build --no-print``);
- leaflets live at ``out/<lang>/print/<material-slug>.pdf`` and posters at
  ``out/<lang>/print/poster-<audience-id>.pdf`` (:func:`leaflet_path`, :func:`poster_path`).

Leaflets are made for the languages a material is written in (never for a fallback). PDFs are
rendered with WeasyPrint from our own templates in ``phobien/templates/print/``, in parallel
processes, and kept in ``<project>/.phobien-cache/print/`` (see :mod:`phobien.printing.cache`).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from phobien.core.diagnostics import Diagnostics, Position
from phobien.load import Content
from phobien.stage.urls import leaflet_path, poster_path

if TYPE_CHECKING:
    from phobien.printing.cache import Cache
    from phobien.printing.jobs import PrintJob
    from phobien.printing.render import Result

# Debian packages WeasyPrint needs (fonts: Vietnamese and Khmer).
__all__ = ["leaflet_path", "poster_path", "write_print"]

DEBIAN_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-noto-core", "fonts-khmeros")


def _weasyprint_problem() -> str | None:
    """Why WeasyPrint cannot run here, or None when it can."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


def write_print(
    content: Content, out: Path, languages: list[str], diags: Diagnostics, stream: TextIO | None = None
) -> None:
    """Write every leaflet and poster into ``out``; problems go to ``diags`` (and are printed)."""
    stream = stream or sys.stderr
    before = len(diags.items)
    try:
        _write_print(content, out, languages, diags, stream)
    finally:
        for d in diags.items[before:]:
            print(d.format(), file=stream)


def _render(
    jobs: list[PrintJob], keys: list[str], missing: list[int], cache: Cache, diags: Diagnostics
) -> dict[int, Result] | None:
    """Render the jobs ``missing`` from the cache, in parallel; None when WeasyPrint cannot run."""
    problem = _weasyprint_problem()
    if problem is not None:
        diags.warning(
            Position("scripts/build"),
            f"{len(missing)} printable leaflet(s) or poster(s) were not made: WeasyPrint cannot load its system "
            f"libraries ({problem}); install the Debian packages {' '.join(DEBIAN_PACKAGES)} (scripts/build does), "
            "or build with --no-print",
        )
        return None
    from phobien.printing.render import Result, run

    results: dict[int, Result] = {}
    workers = min(len(missing), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures: dict[int, Future[Result]] = {
                i: pool.submit(run, i, jobs[i], str(cache.path(keys[i]))) for i in missing
            }
            for i, future in futures.items():
                try:
                    results[i] = future.result()
                except Exception as exc:  # noqa: BLE001 (a crashed worker loses its PDF, not the build)
                    results[i] = Result(i, error=f"the PDF renderer stopped ({type(exc).__name__}: {exc})")
    else:
        for i in missing:
            results[i] = run(i, jobs[i], str(cache.path(keys[i])))
    return results


def _write_print(content: Content, out: Path, languages: list[str], diags: Diagnostics, stream: TextIO) -> None:
    if "site" in content.broken:
        return
    from phobien.printing.cache import Cache, fingerprint, job_key
    from phobien.printing.jobs import print_jobs

    start = time.monotonic()
    root = content.root
    cache = Cache(root / ".phobien-cache" / "print")
    jobs = print_jobs(content, languages)
    common = fingerprint()
    keys = [job_key(job, root, common) for job in jobs]
    first = {key: i for i, key in reversed(list(enumerate(keys)))}
    missing = sorted(i for key, i in first.items() if not cache.has(key))
    # When WeasyPrint cannot run here, the PDFs already in the cache are still copied.
    results = (_render(jobs, keys, missing, cache, diags) if missing else None) or {}

    made = reused = failed = 0
    for i, job in enumerate(jobs):
        result = results.get(i)
        what = job.kind
        if result is not None:
            for warning in result.warnings:
                diags.warning(job.position, f"{what} {job.target}: {warning}")
            if result.error:
                failed += 1
                diags.error(
                    job.position,
                    f"the printable {what} {job.target} was not made: {result.error}; "
                    "check this file (the rest of the site was built)",
                )
                continue
            made += 1
        target = out / job.target
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copy2(cache.path(keys[i]), target)
        except FileNotFoundError:
            continue  # not made (see the warning or error above), or pruned by a concurrent build
        reused += result is None
    cache.prune(set(keys))
    leaflets = sum(1 for j in jobs if j.kind == "leaflet")
    reports = sum(1 for j in jobs if j.kind == "report")
    print(
        f"  [print] {leaflets} leaflets, {len(jobs) - leaflets - reports} posters, {reports} reports: "
        f"{made} made, {reused} from cache"
        + (f", {failed} failed" if failed else "")
        + f" ({time.monotonic() - start:.1f} s)",
        file=stream,
    )
