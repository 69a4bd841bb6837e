"""``phobien merge``: the last job of a split build: the languages put together, then the root files."""

from __future__ import annotations

import argparse
from typing import Any

from phobien.commands.args import path
from phobien.publish.split import merge, run_job


def register(sub: Any) -> None:
    p = sub.add_parser(
        "merge", help="split build, job 3: merge the languages' folders, write root files, PDFs and open data"
    )
    p.add_argument("--staged", type=path, required=True, help="the folder made by 'phobien stage --out'")
    p.add_argument(
        "--languages", type=path, required=True, help="folder with every language's <lang>/ and phobien-<lang>.json"
    )
    p.add_argument("--out", type=path, default=None, help="output folder (default: site/), replaced atomically")
    p.add_argument("--timings", action="store_true", help="print how long each step took")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return run_job(
        "merge",
        lambda: merge(args.root, args.staged, args.languages, args.out or args.root / "site", timings=args.timings),
    )
