"""``phobien build-language``: a job of a split build: one or more languages from a staged artifact."""

from __future__ import annotations

import argparse
from typing import Any

from phobien.commands.args import path
from phobien.publish.split import build_languages, run_job


def register(sub: Any) -> None:
    p = sub.add_parser(
        "build-language", help="split build, job 2: render languages from the folder made by 'phobien stage'"
    )
    p.add_argument("--staged", type=path, required=True, help="the folder made by 'phobien stage --out'")
    p.add_argument(
        "--language", action="append", required=True, help="a language code (repeat for several)", dest="languages"
    )
    p.add_argument("--out", type=path, required=True, help="folder for <lang>/ and phobien-<lang>.json")
    p.add_argument("--jobs", type=int, default=None, help="languages rendered at a time (default: cores)")
    p.add_argument("--timings", action="store_true", help="print how long each step took")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return run_job(
        "build-language",
        lambda: build_languages(args.root, args.staged, args.languages, args.out, args.jobs, timings=args.timings),
    )
