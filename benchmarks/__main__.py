"""``python -m benchmarks`` (``scripts/bench``): generate a site, build it with phobien and with
plain MkDocs + Material, measure both, print a table and write ``bench.json``.

Everything happens in a new folder under /tmp (kept with ``--keep``); only ``bench.json`` is
written into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import REPO, TODAY, generate
from benchmarks.incremental import incremental_runs
from benchmarks.measure import (
    build_phases,
    first_views,
    gz,
    output_size,
    plain_mkdocs_command,
    profile_summary,
    run_measured,
    search_first_query,
    serve_edit,
    stage_plain,
)

PROFILE = """
import cProfile, os, runpy, sys
os.cpu_count = lambda: 1  # every process pool of the build runs here, where the profiler sees it
out, sys.argv = sys.argv[1], ["phobien", *sys.argv[2:]]
cProfile.run("runpy.run_module('phobien', run_name='__main__', alter_sys=True)", out)
"""
"""One build under cProfile, in one process: ``--jobs 1`` and one worker for every pool."""


def _source_digest() -> str:
    """Which phobien was measured (others may be editing it): a hash of its Python files."""
    digest = hashlib.sha256()
    package = REPO / "phobien"
    for path in sorted(package.rglob("*.py")):
        if "bench" not in path.relative_to(package).parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _kb(n: float | None) -> str:
    return "n/a" if n is None else f"{n / 1024:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Build a generated site with phobien and with plain MkDocs + Material; write bench.json.",
    )
    parser.add_argument("--pages", type=int, default=500, help="content pages per language (default 500)")
    parser.add_argument("--languages", default="vi,en,km,hmn", help="comma-separated (default vi,en,km,hmn)")
    parser.add_argument("--seed", type=int, default=1, help="the generated text depends only on this (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="build each this many times; the fastest counts")
    parser.add_argument("--jobs", type=int, default=None, help="passed to phobien build --jobs (default: cores)")
    parser.add_argument("--no-mkdocs", action="store_true", help="skip the plain MkDocs + Material baseline")
    parser.add_argument(
        "--serial-baseline",
        action="store_true",
        help="also time plain MkDocs one language at a time (not the fair figure)",
    )
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="after the last cold build, time a build after one edit and one with nothing changed",
    )
    parser.add_argument("--profile", action="store_true", help="also profile one build (cProfile, --jobs 1)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder under /tmp")
    parser.add_argument("--no-serve", action="store_true", help="skip timing an edit shown by phobien serve")
    parser.add_argument("--json", type=Path, default=REPO / "bench.json", help="where to write the results")
    args = parser.parse_args(argv)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]

    work = Path(tempfile.mkdtemp(prefix=f"phobien-bench-{args.pages}-", dir="/tmp"))
    env = {**os.environ, "PHOBIEN_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    python = sys.executable
    load_before = os.getloadavg()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        tree = work / "project"
        t0 = time.monotonic()
        manifest = generate(tree, args.pages, languages, args.seed)
        print(f"work folder: {work}")
        print(f"generated in {time.monotonic() - t0:.1f} s: {manifest.files} files; {manifest.layout.describe()}")
        print(f"  plans have {manifest.tasks} tasks; machine-translated materials: {manifest.translated}")

        configs: list[Path] = []
        if not args.no_mkdocs:
            t0 = time.monotonic()
            configs = stage_plain(tree, work / "plain", languages, TODAY)
            print(f"plain MkDocs projects staged in {time.monotonic() - t0:.1f} s (not timed)")

        out = work / "site"
        phobien_cmd = [python, "-m", "phobien", "--root", str(tree), "build", "--preview", "--no-print", "--timings"]
        phobien_cmd += ["--out", str(out)]
        if args.jobs:
            phobien_cmd += ["--jobs", str(args.jobs)]
        workers = max(1, min(len(languages), args.jobs or os.cpu_count() or 1))  # as phobien build decides
        mkdocs_cmd = plain_mkdocs_command(python, configs, workers)
        serial_cmd = plain_mkdocs_command(python, configs, 1)
        phobien_runs, mkdocs_runs, serial_runs = [], [], []
        digests: list[str] = []
        for n in range(args.repeat):
            shutil.rmtree(tree / ".phobien-cache", ignore_errors=True)  # every build starts cold
            shutil.rmtree(out, ignore_errors=True)
            digest = _source_digest()
            run = run_measured(phobien_cmd, work / f"phobien-{n + 1}.log", env=env, cwd=tree)
            if digest != _source_digest() or (digests and digest != digests[-1]):
                print("  warning: phobien's code changed during the runs; their times are not comparable")
            digests.append(digest)
            peak_mb = run.peak_tree_kb / 1024
            print(f"phobien build {n + 1}: {run.wall_s:.1f} s, {run.cpu_s:.1f} CPU-s, peak {peak_mb:.0f} MB")
            if run.returncode != 0:
                print(run.log.read_text(encoding="utf-8")[-3000:], file=sys.stderr)
                return 1
            phobien_runs.append(run)
            if configs:
                shutil.rmtree(work / "plain" / "site", ignore_errors=True)
                run = run_measured(mkdocs_cmd, work / f"mkdocs-{n + 1}.log", env=env, cwd=work / "plain")
                print(
                    f"plain MkDocs ({workers} at a time) {n + 1}: {run.wall_s:.1f} s, {run.cpu_s:.1f} CPU-s, "
                    f"peak {run.peak_tree_kb / 1024:.0f} MB"
                )
                if run.returncode != 0:
                    print(run.log.read_text(encoding="utf-8")[-3000:], file=sys.stderr)
                    return 1
                mkdocs_runs.append(run)
                if args.serial_baseline:
                    shutil.rmtree(work / "plain" / "site", ignore_errors=True)
                    serial = run_measured(serial_cmd, work / f"mkdocs-serial-{n + 1}.log", env=env, cwd=work / "plain")
                    print(f"plain MkDocs, one language at a time {n + 1}: {serial.wall_s:.1f} s")
                    serial_runs.append(serial)

        if args.incremental:  # the last cold build left its site and caches: build again after an edit
            incremental = incremental_runs(tree, phobien_cmd, env, work, phobien_runs[-1])
        size = output_size(out)
        views, heaviest = first_views(out, languages, manifest)
        worst_template = max(views, key=lambda k: max(views[k].values()))
        first_view_max = max(views[worst_template].values())
        typical = {k: v for k, v in views.items() if k not in ("heaviest page", "deadlines")}
        search_bytes, search_note, search_queries = search_first_query(out, languages)
        best = min(phobien_runs, key=lambda r: r.wall_s)
        result: dict[str, Any] = {
            "pages": args.pages,
            "pages_meaning": manifest.layout.describe(),
            "languages": languages,
            "html_pages": size.html_pages,
            "wall_s": round(best.wall_s, 2),
            "cpu_s": round(min(r.cpu_s for r in phobien_runs), 2),
            "workers": workers,
            "ms_per_page": round(best.wall_s * 1000 / size.html_pages, 2),
            "mkdocs_wall_s": None,
            "mkdocs_cpu_s": None,
            "mkdocs_serial_wall_s": None,
            "mkdocs_ms_per_page": None,
            "ratio_to_mkdocs": None,
            "cpu_ratio_to_mkdocs": None,
            "output_bytes_per_page": round(size.bytes_per_page),
            "peak_rss_mb": round(max(r.peak_tree_kb for r in phobien_runs) / 1024, 1),
            "peak_rss_single_mb": round(max(r.peak_single_kb for r in phobien_runs) / 1024, 1),
            "first_view_bytes_gz": first_view_max,
            "first_view_worst_template": worst_template,
            "first_view_bytes_gz_without_deadlines_and_heaviest": max(max(v.values()) for v in typical.values()),
            "first_view_by_template": views,
            "heaviest_page": heaviest,
            "search_first_query_bytes_gz": search_bytes,
            "search_note": search_note,
            "search_first_query_by_query": search_queries,
            "search_js_bytes_gz": gz(out / languages[0] / "assets" / "javascripts" / "search.js"),
            "output": {
                "bytes": size.bytes,
                "short_link_redirects": size.redirects,
                "pdfs": size.pdfs,
                "bytes_by_kind": dict(sorted(size.by_kind.items(), key=lambda kv: -kv[1])),
            },
            "content": {
                "materials": manifest.layout.materials,
                "articles": manifest.layout.articles,
                "plans": manifest.layout.plans,
                "tasks": manifest.tasks,
                "legal": manifest.layout.legal,
                "agencies": manifest.layout.agencies,
                "audiences": manifest.layout.audiences,
                "machine_translated_materials": manifest.translated,
                "files": manifest.files,
                "seed": args.seed,
            },
            "runs": {"phobien": [r.as_json() for r in phobien_runs], "mkdocs": [r.as_json() for r in mkdocs_runs]},
            "command": "scripts/bench "
            + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])),
            "phobien_command": "phobien build --no-print (cold: .phobien-cache removed before each build)",
            "mkdocs_setup": (
                "plain MkDocs + Material: the same staged Markdown, one mkdocs.yml per language, nav sections +"
                " navigation.indexes + navigation.prune and the same constant-size menu as phobien, Material's"
                " default search plugin, no phobien plugin or"
                " overrides; `mkdocs build` run once per language, one after the other (MkDocs has no parallel"
                " build)"
            ),
            "timing_note": "wall_s is the fastest of the runs; peak_rss_mb is the largest over the runs",
            "phobien_source_sha256": list(dict.fromkeys([*digests, _source_digest()])),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "load_average_before": [round(x, 2) for x in load_before],
                "load_average_after": [round(x, 2) for x in os.getloadavg()],
                "started_utc": started.isoformat(),
            },
        }
        if mkdocs_runs:
            plain = output_size(work / "plain" / "site")
            fastest = min(mkdocs_runs, key=lambda r: r.wall_s)
            result["mkdocs_wall_s"] = round(fastest.wall_s, 2)
            result["mkdocs_ms_per_page"] = round(fastest.wall_s * 1000 / max(1, plain.html_pages), 2)
            result["ratio_to_mkdocs"] = round(best.wall_s / fastest.wall_s, 3)
            result["mkdocs_cpu_s"] = round(min(r.cpu_s for r in mkdocs_runs), 2)
            result["cpu_ratio_to_mkdocs"] = round(result["cpu_s"] / result["mkdocs_cpu_s"], 3)
            if serial_runs:
                result["mkdocs_serial_wall_s"] = round(min(r.wall_s for r in serial_runs), 2)
            result["mkdocs_html_pages"] = plain.html_pages
            result["mkdocs_output_bytes_per_page"] = round(plain.bytes_per_page)
            result["mkdocs_peak_rss_mb"] = round(max(r.peak_tree_kb for r in mkdocs_runs) / 1024, 1)

        result["phases_s"] = build_phases(best.log)
        if args.incremental:
            result["incremental"] = incremental
        if not args.no_serve:
            print("phobien serve: timing edits of an article…")
            result["serve"] = serve_edit(tree, python, env, work / "serve.log")

        if args.profile:
            prof = work / "build.prof"
            shutil.rmtree(tree / ".phobien-cache", ignore_errors=True)
            cmd = [python, "-c", PROFILE, str(prof), "--root", str(tree)]
            cmd += ["build", "--preview", "--no-print", "--jobs", "1", "--out", str(work / "site-profiled")]
            run = run_measured(cmd, work / "profile.log", env=env, cwd=tree)
            if run.returncode == 0:
                result["profile"] = {"wall_s": round(run.wall_s, 2), "processes": 1, **profile_summary(prof)}

        report(result)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def report(r: dict[str, Any]) -> None:
    langs = len(r["languages"])
    print()
    print(f"{r['pages_meaning']}.")
    print(f"{langs} languages ({', '.join(r['languages'])}); {r['html_pages']} HTML pages built by phobien.")
    rows = [
        (f"wall time, phobien build --no-print ({r['workers']} languages at a time)", f"{r['wall_s']:.1f} s"),
        (
            f"wall time, plain MkDocs + Material ({r['workers']} builds at a time)",
            "n/a" if r["mkdocs_wall_s"] is None else f"{r['mkdocs_wall_s']:.1f} s",
        ),
        (
            "ratio phobien / MkDocs, wall (target ≤ 1.0)",
            "n/a" if r["ratio_to_mkdocs"] is None else f"{r['ratio_to_mkdocs']:.2f}",
        ),
        ("CPU time, phobien", f"{r['cpu_s']:.1f} s"),
        ("CPU time, plain MkDocs", "n/a" if r["mkdocs_cpu_s"] is None else f"{r['mkdocs_cpu_s']:.1f} s"),
        (
            "ratio phobien / MkDocs, CPU",
            "n/a" if r["cpu_ratio_to_mkdocs"] is None else f"{r['cpu_ratio_to_mkdocs']:.2f}",
        ),
        (
            "wall time, plain MkDocs one language at a time (serial; not the fair figure)",
            "n/a" if r["mkdocs_serial_wall_s"] is None else f"{r['mkdocs_serial_wall_s']:.1f} s",
        ),
        ("ms per page, phobien", f"{r['ms_per_page']:.1f}"),
        ("ms per page, MkDocs", "n/a" if r["mkdocs_ms_per_page"] is None else f"{r['mkdocs_ms_per_page']:.1f}"),
        ("output bytes per page (no PDFs; target ≤ 60 KB)", _kb(r["output_bytes_per_page"])),
        ("output bytes per page, MkDocs", _kb(r.get("mkdocs_output_bytes_per_page"))),
        ("peak memory, process tree (PSS; target ≤ 1.5 GB at 5,000 pages)", f"{r['peak_rss_mb']:.0f} MB"),
        ("peak RSS, largest single process", f"{r['peak_rss_single_mb']:.0f} MB"),
        (f"first view, worst template ({r['first_view_worst_template']})", _kb(r["first_view_bytes_gz"])),
        ("first view, worst other template", _kb(r["first_view_bytes_gz_without_deadlines_and_heaviest"])),
        ("search: first query download (gzip)", _kb(r["search_first_query_bytes_gz"])),
    ]
    for name, label in (("after_one_edit", "after one edit"), ("nothing_changed", "with nothing changed")):
        run = (r.get("incremental") or {}).get(name)
        if run:
            rows.append(
                (
                    f"phobien build {label}, wall / CPU (share of the cold build's; target ≤ "
                    f"{'10' if name == 'after_one_edit' else '5'} %)",
                    f"{run['wall_s']:.1f} s / {run['cpu_s']:.1f} s ({run['share_of_cold_wall']:.0%} / "
                    f"{run['share_of_cold_cpu']:.0%})",
                )
            )
    serve = r.get("serve") or {}
    if "edit_to_html_s" in serve:
        rows.append(("phobien serve: edit to new page, worst (target ≤ 2 s)", f"{serve['shown_worst_s']:.1f} s"))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value:>10}")
    runs = r["runs"]
    print("  runs (s): phobien " + ", ".join(f"{x['wall_s']:.1f}" for x in runs["phobien"]), end="")
    print("; MkDocs " + ", ".join(f"{x['wall_s']:.1f}" for x in runs["mkdocs"]) if runs["mkdocs"] else "")
    m = r["machine"]
    print(
        f"  machine: {m['cpus']} CPUs, load average {m['load_average_before'][0]} before, "
        f"{m['load_average_after'][0]} after (other processes were running when above 0)"
    )
    if "profile" in r:
        p = r["profile"]
        print(f"\nprofile of one build in one process (cProfile, --jobs 1, one worker per pool): {p['wall_s']:.1f} s")
        for label, seconds in p["phases"].items():
            print(f"  {label:<28} {seconds:8.1f} s")
        print("  top 15 by cumulative time:")
        for row in p["cumulative"]:
            print(f"    {row['cumtime_s']:8.1f} s  {row['calls']:>9}  {row['function']}")
        print("  top 15 by own time:")
        for row in p["own_time"]:
            print(f"    {row['tottime_s']:8.1f} s  {row['calls']:>9}  {row['function']}")


if __name__ == "__main__":
    sys.exit(main())
