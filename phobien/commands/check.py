"""``phobien check``: validate content/ and docs/ and list every problem."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from phobien.errors import EXIT_CONTENT, EXIT_OK
from phobien.load.files import fix_file
from phobien.publish.build import check


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="validate content/ and docs/ and list every problem")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--fix", action="store_true", help="remove BOMs and normalise text to NFC in place")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.fix:
        fixed = [
            p
            for folder in ("content", "docs")
            for p in sorted((args.root / folder).rglob("*"))
            if p.suffix in (".yml", ".md") and p.is_file() and fix_file(p)
        ]
        for p in fixed:
            print(f"fixed: {p.relative_to(args.root)} (removed BOM / normalised to NFC)", file=sys.stderr)
    _, diags = check(args.root, args.strict)
    print(f"phobien check: {diags.summary()}", file=sys.stderr)
    return EXIT_CONTENT if diags.failed(args.strict) else EXIT_OK
