"""``phobien serve``: rebuild when content changes, and reload open pages.

The preview is a real build (atomic, all languages) into .phobien-cache/preview/, served on
127.0.0.1. After an edit of one page, that page is updated on its own first (about a second,
even on a national site: :mod:`phobien.preview.update`), then a full build catches up with
everything else in the background. Open pages ask ``/__phobien/version`` every 0.4 s and
reload when it changes.
"""

from __future__ import annotations

import functools
import signal
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from phobien.preview.update import Preview

WATCHED = ("content", "docs", "overrides", "mkdocs.yml")


def _interesting(root: Path, path: Path) -> bool:
    """A file whose change matters: under a watched folder, not an editor's swap or backup file."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    name = path.name
    if not rel.parts or rel.parts[0] not in WATCHED or name.endswith(("~", ".swp", ".swx", ".tmp")):
        return False
    return not any(part.startswith(".") for part in rel.parts)


class Watcher:
    """Changed files under the watched folders, as the operating system reports them
    (inotify on Linux, through watchdog: MkDocs' own file watcher). Polling every file of a
    national site costs 0.15 s a round and delays every preview."""

    def __init__(self, root: Path) -> None:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        self.root = root
        self.changed: set[Path] = set()
        self.event = threading.Event()
        self.lock = threading.Lock()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                paths = [event.src_path, getattr(event, "dest_path", "")]
                with watcher.lock:
                    for raw in paths:
                        path = Path(raw if isinstance(raw, str) else raw.decode())
                        if raw and _interesting(root, path):
                            watcher.changed.add(path)
                            watcher.event.set()

        self.observer = Observer()
        for name in WATCHED:
            target = root / name
            if target.is_dir():
                self.observer.schedule(Handler(), str(target), recursive=True)
        self.observer.schedule(Handler(), str(root), recursive=False)  # mkdocs.yml
        self.observer.start()

    def wait(self, timeout: float) -> set[Path]:
        """The files changed since the last call (waits up to ``timeout`` for the first)."""
        if not self.event.wait(timeout):
            return set()
        time.sleep(0.05)  # an editor saving through a temporary file sends several events
        with self.lock:
            changed, self.changed = self.changed, set()
            self.event.clear()
        return changed

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)


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


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, print_: bool = False) -> int:
    out = root / ".phobien-cache" / "preview"
    preview = Preview(root, out, print_=print_)
    state = _State()
    watcher = Watcher(root)
    preview.full()
    state.version = 1
    server = ThreadingHTTPServer((host, port), _handler(out, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"phobien serve: http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    lock = threading.Lock()
    building: threading.Thread | None = None
    edited_meanwhile: set[Path] = set()
    needs_full = False

    def full_build() -> None:
        ok = preview.full(background=True)
        with lock:
            # The new folder was built from the files as they were when it started: pages
            # edited since are updated again before anyone sees the older copy for long.
            redo = set(edited_meanwhile)
            edited_meanwhile.clear()
        for path in sorted(redo):
            preview.quick({path})
        if ok or redo:
            state.version += 1

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a stopped preview leaves no build running behind it
    try:
        while True:
            changed = watcher.wait(0.5)
            if changed:
                busy = building is not None and building.is_alive()
                if preview.quick(changed):
                    state.version += 1
                if busy:
                    with lock:
                        edited_meanwhile.update(changed)
                print("phobien serve: change seen, rebuilding the rest…", file=sys.stderr)
                needs_full = True
            if needs_full and not (building is not None and building.is_alive()):
                needs_full = False
                building = threading.Thread(target=full_build, daemon=True)
                building.start()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        watcher.stop()
        server.shutdown()
    return 0
