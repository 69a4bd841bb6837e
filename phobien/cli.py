"""The ``phobien`` command line. Thin: each command is a module of :mod:`phobien.commands` that
declares its options and runs one function; user errors are caught here, once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phobien.commands import COMMANDS
from phobien.errors import EXIT_INTERRUPTED, UserError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="phobien", description="Build the legal-dissemination site from content/.")
    p.add_argument(
        "--root", type=lambda v: Path(v).resolve(), default=Path.cwd(), help="project folder (default: here)"
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code is 0 (ok), 1 (content errors) or 2 (usage), as in the README."""
    args = parser().parse_args(argv)  # usage errors: argparse prints them and exits with 2
    try:
        return int(args.run(args))
    except UserError as exc:
        print(f"phobien {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
