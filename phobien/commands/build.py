"""``phobien build``: check, then build site/ atomically (only what changed, unless ``--clean``)."""

from __future__ import annotations

import argparse
from typing import Any

from phobien.commands.args import add_site_options, build_options, path
from phobien.publish.build import build


def register(sub: Any) -> None:
    p = sub.add_parser("build", help="check, then build site/ (atomically)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--offline", action="store_true", help="a copy that works opened from disk (file://)")
    p.add_argument("--out", type=path, default=None, help="output folder (default: site/)")
    p.add_argument("--jobs", type=int, default=None, help="parallel language builds (default: cores)")
    p.add_argument("--no-print", action="store_true", help="skip leaflets and posters (PDF) for a fast preview")
    p.add_argument("--timings", action="store_true", help="print how long each step of the build took")
    p.add_argument(
        "--clean",
        action="store_true",
        help="build every page again (by default only what changed since the last build into the same folder)",
    )
    add_site_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return build(build_options(args, args.out or args.root / "site"))
