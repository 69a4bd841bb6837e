"""``phobien serve``: a preview that rebuilds and reloads while you edit."""

from __future__ import annotations

import argparse
from typing import Any

from phobien.preview.server import serve


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="preview with live reload while you edit")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--print", dest="print_", action="store_true", help="also make the leaflets and posters (PDF) in the preview"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return serve(args.root, args.host, args.port, print_=args.print_)
