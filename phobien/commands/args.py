"""Argument types shared by the commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from phobien.engine import DEFAULT_ENGINE, ENGINES
from phobien.publish.build import BuildOptions


def path(value: str) -> Path:
    """A path given on the command line, made absolute."""
    return Path(value).resolve()


def add_site_options(p: argparse.ArgumentParser) -> None:
    """The options every command that builds pages shares (``build`` and ``stage``)."""
    p.add_argument(
        "--preview",
        action="store_true",
        help="a preview, not for publication: accepts an example base_url; every page says it is a preview",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help=f"program that renders the pages (default: engine in content/site.yml, else {DEFAULT_ENGINE})",
    )


def build_options(args: argparse.Namespace, out: Path) -> BuildOptions:
    """The build options of ``build`` and ``stage`` from their command line."""
    return BuildOptions(
        root=args.root,
        out=out,
        strict=args.strict,
        offline=args.offline,
        jobs=args.jobs,
        print_=not args.no_print,
        timings=args.timings,
        engine=args.engine,
        preview=args.preview,
        clean=getattr(args, "clean", False),
    )
