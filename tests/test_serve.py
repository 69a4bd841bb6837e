"""`phobien serve` rebuilds on change and tells open pages to reload."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURES, free_port, make_project


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_rebuilds_and_reloads(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "phobien", "--root", str(root), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(base + "__phobien/version") == "1")
        page = fetch(base + "vi/")
        assert "Xin chào." in page
        assert 'data-serve="1"' in page, "the preview page polls for rebuilds"
        (root / "docs/index.vi.md").write_text("---\ntitle: Trang chủ\n---\n\nĐã sửa.\n", encoding="utf-8")
        wait_for(lambda: fetch(base + "__phobien/version") == "2")
        assert "Đã sửa." in fetch(base + "vi/")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
