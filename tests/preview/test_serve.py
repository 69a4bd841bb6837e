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
        wait_for(lambda: int(fetch(base + "__phobien/version")) >= 2)
        assert "Đã sửa." in fetch(base + "vi/")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


ARTICLE = """---
title: Tin thử
date: 2026-11-01
author: Ban biên tập
summary: Một tin để thử xem trước.
---

Nội dung cũ.
"""


def test_an_edited_page_is_shown_before_the_full_rebuild(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The edited page alone is re-rendered and open pages reload; the full build follows."""
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/articles").mkdir()
    article = root / "content/articles/tin-thu.vi.md"
    article.write_text(ARTICLE, encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "phobien", "--root", str(root), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(base + "__phobien/version") == "1")
        page = browser.new_page()
        page.goto(base + "vi/news/tin-thu/")
        assert "Nội dung cũ." in page.locator("article").inner_text()
        edited = ARTICLE.replace("Nội dung cũ.", "Nội dung mới.").replace("Một tin để thử", "Tin đã sửa")
        article.write_text(edited, encoding="utf-8")
        page.wait_for_function("document.querySelector('article').innerText.includes('Nội dung mới.')", timeout=10_000)
        # Updated by the quick path (how fast is measured by scripts/bench, not here).
        text = log.read_text(encoding="utf-8")
        assert "phobien serve: vi/news/tin-thu.md updated in" in text, text
        # The full build catches up (version 3) and keeps the edit.
        wait_for(lambda: fetch(base + "__phobien/version") == "3")
        assert "Nội dung mới." in fetch(base + "vi/news/tin-thu/")
        assert "Tin đã sửa" in fetch(base + "vi/news/")  # the list, updated by the full build
        # A mistake in the edited page is reported at its line; the page keeps its last good text.
        article.write_text(ARTICLE.replace("date: 2026-11-01", "date: 2026-13-01"), encoding="utf-8")
        wait_for(lambda: "content/articles/tin-thu.vi.md:3:7: error:" in log.read_text(encoding="utf-8"))
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
