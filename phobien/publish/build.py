"""``phobien build``: check, stage every language, render in parallel, swap in atomically; the
next build into the same folder makes only what changed (:mod:`phobien.publish.reuse`)."""

from __future__ import annotations

import io
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TextIO

from phobien.core import clock
from phobien.core.diagnostics import Diagnostics
from phobien.core.heap import collector_held
from phobien.core.timing import Timings
from phobien.publish import reuse
from phobien.publish.artifact import TREE, code_digest
from phobien.publish.options import BuildError, BuildOptions, BuildState, check, engine_name, report
from phobien.publish.steps import Run, finish, prepare, render_all
from phobien.publish.swap import remove_leftovers, swap
from phobien.publish.work import LanguageOutcome, LanguageWork, build_language
from phobien.stage.pages import without_drafts

__all__ = [
    "BuildError",
    "BuildOptions",
    "BuildState",
    "LanguageOutcome",
    "LanguageWork",
    "build",
    "build_language",
    "check",
    "engine_name",
    "remove_leftovers",
    "report",
    "swap",
]


def build(opts: BuildOptions, stream: TextIO = sys.stderr, state: list[BuildState] | None = None) -> int:
    """Build the site. Returns the exit code; prints every problem found."""
    start = time.monotonic()
    timer = Timings()
    out = opts.out.resolve()
    with timer("compare with the last build"):
        record, code, inputs = _last_build(opts, out)
    if record is not None and record.inputs == inputs and reuse.unchanged_site(out, record):
        stream.write(record.report)
        print(f"phobien build: nothing changed since the last build; {opts.out}/ is up to date "
              f"({record.summary}; --clean builds everything again)", file=stream)  # fmt: skip
        return 0
    with timer("check"):
        content, diags = check(opts.root, opts.strict, stream, opts.engine, opts.is_preview)
    if diags.failed(opts.strict):
        print(
            f"phobien build: stopped before building: {diags.summary()}. The previous site/ was not changed.",
            file=stream,
        )
        return 1
    without_drafts(content, opts.serve)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    remove_leftovers(out)
    try:
        run = prepare(content, opts, tmp, timer, stream, record, code)
        results = render_all(run, timer, stream)
        finish(run, results, diags, opts, timer, stream)
        swap(tmp, out)
        if opts.recorded:
            with timer("record what was built"):
                _record(opts, out, inputs, run, results, diags)
        if state is not None:
            jobs = {w.job.lang: w.job for w in run.works}
            names = {w.job.lang: w.site_name for w in run.works}
            state.append(BuildState(content, run.staged, run.options, jobs, names))
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


def _last_build(opts: BuildOptions, out: Path) -> tuple[reuse.Record | None, str, str]:
    """The record of the last build into ``out`` (None for a clean build or none recorded), the
    digest of phobien's code and that of everything this build is made from ("" if unrecorded)."""
    if not opts.recorded:
        return None, "", ""
    code = code_digest()
    inputs = reuse.inputs_digest(code, reuse.tree_state(opts.root, TREE), _settings(opts))
    return (reuse.read_record(opts.root, out) if opts.reuses else None), code, inputs


def _settings(opts: BuildOptions) -> dict[str, object]:
    """The options and dates that change what a build makes (not how fast: ``--jobs``)."""
    return {
        "engine": opts.engine,
        "strict": opts.strict,
        "offline": opts.offline,
        "print": opts.print_,
        "preview": opts.is_preview,
        "today": (opts.today or clock.today()).isoformat(),
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "stage_dir": str(opts.stage_dir or ""),
    }


def _record(
    opts: BuildOptions, out: Path, inputs: str, run: Run, results: list[LanguageOutcome], diags: Diagnostics
) -> None:
    """Write what the build made, for the next one: the record, then the staged folder's stamp."""
    text = io.StringIO()
    report(diags, text)
    stamp = reuse.new_stamp()
    engines = {w.job.lang: w.rendered_with for w in run.works}
    languages = {r.lang: reuse.LanguageRecord(engines.get(r.lang, ""), r.digests) for r in results}
    record = reuse.Record(inputs, stamp, languages, reuse.site_files(out), text.getvalue(), diags.summary())
    with collector_held():
        reuse.write_record(opts.root, out, record)
    if run.stage_dir is not None and run.stage_dir.is_dir():
        (run.stage_dir / reuse.STAMP).write_text(stamp, encoding="utf-8")
