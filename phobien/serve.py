"""``phobien serve``: rebuild when content changes, and reload open pages.

The preview is a real build (atomic, all languages) into .phobien-cache/preview/, served on
127.0.0.1. Open pages ask ``/__phobien/version`` every second and reload after a rebuild.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from phobien.build.site import BuildOptions, build

WATCHED = ("content", "docs", "overrides", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, float]:
    """Modification time of every watched file."""
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for f in files:
            with contextlib.suppress(OSError):
                stamps[str(f)] = f.stat().st_mtime
    return stamps


class _State:
    version = 0


def _handler(out: Path, state: _State) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/__phobien/version"):
                body = str(state.version).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return functools.partial(Handler, directory=str(out))  # type: ignore[return-value]


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    out = root / ".phobien-cache" / "preview"
    opts = BuildOptions(root=root, out=out, serve=True)
    state = _State()
    build(opts)
    state.version = 1
    server = ThreadingHTTPServer((host, port), _handler(out, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"phobien serve: http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    stamps = snapshot(root)
    try:
        while True:
            time.sleep(0.5)
            now = snapshot(root)
            if now != stamps:
                stamps = now
                print("phobien serve: change seen, rebuilding…", file=sys.stderr)
                if build(opts) == 0:
                    state.version += 1
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
