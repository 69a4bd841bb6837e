"""``phobien stage``: the first job of a split build: check, then stage every language into a folder."""

from __future__ import annotations

import argparse
from typing import Any

from phobien.commands.args import add_site_options, path
from phobien.publish.build import BuildOptions
from phobien.publish.split import run_job, stage


def register(sub: Any) -> None:
    p = sub.add_parser(
        "stage", help="split build, job 1: check and stage every language into a folder for 'build-language'"
    )
    p.add_argument("--out", type=path, required=True, help="the staged artifact's folder (replaced if it is one)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too (the later jobs do the same)")
    p.add_argument("--offline", action="store_true", help="a copy that works opened from disk (file://)")
    p.add_argument("--no-print", action="store_true", help="the merge makes no leaflets and posters (PDF)")
    p.add_argument("--jobs", type=int, default=None, help="parallel staging processes (default: cores)")
    p.add_argument("--timings", action="store_true", help="print how long each step took")
    add_site_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    opts = BuildOptions(
        root=args.root,
        out=args.root / "site",
        strict=args.strict,
        offline=args.offline,
        jobs=args.jobs,
        print_=not args.no_print,
        timings=args.timings,
        engine=args.engine,
        preview=args.preview,
    )
    return run_job("stage", lambda: stage(opts, args.out))
