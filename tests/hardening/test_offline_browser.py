"""The offline copy of a hostile tree, opened from disk in Chromium: no dialog, no request off file://.

The offline copy has no Content-Security-Policy (the served site's nginx sends one), so this is
where an unescaped value would run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import REPO, apply, make_project

os.environ.setdefault("PHOBIEN_TODAY", "2026-11-22")
pytestmark = pytest.mark.browser

MATERIAL = "content/materials/bao-ve-tre.vi.md"
VALUES: list[tuple[str, str, str]] = [
    ("content/site.yml", "name.vi", "</title><script>alert('site')</script>"),
    ("content/site.yml", "languages[1].name", "</option><img src=x onerror=alert('lang')>"),
    ("content/hotlines.yml", "hotlines[0].name.vi", "<script>alert('hotline')</script>Tổng đài 111"),
    ("content/i18n/vi.yml", "strings.quick_exit", '<a href="javascript:alert(1)">Thoát</a>'),
    (MATERIAL, "title", "<img src=https://evil.example/t.png onerror=alert('title')>"),
    (MATERIAL, "summary", '" onmouseover="alert(1)" <svg onload=alert(\'summary\')>'),
    (MATERIAL, "body", "Đừng dán `<script>alert('code')</script>`.\n\n<!-- ghi chú -->\n"),
]


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hostile-offline") / "p")
    shutil.rmtree(root / "content")
    shutil.rmtree(root / "docs")
    shutil.copytree(REPO / "tests" / "fixtures" / "minimal", root, dirs_exist_ok=True)
    for file, field, value in VALUES:
        apply({"id": field, "target": {"kind": "material", "field": field}, "value": value}, root, file)
    from phobien.publish.build import BuildOptions, build

    assert build(BuildOptions(root=root, out=root / "site", offline=True, print_=False, preview=True)) == 0
    return root / "site"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        yield browser
        browser.close()


def test_hostile_offline_copy_runs_nothing_and_requests_nothing(offline: Path, chromium: Any) -> None:
    dialogs: list[str] = []
    requests: list[str] = []
    page = chromium.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    # Short links (l/) and the root are redirects to pages visited anyway.
    pages = [p for p in sorted(offline.rglob("*.html")) if p.parent.name != "l" and p.parent != offline]
    assert len(pages) > 10
    for html in pages:
        page.goto(html.as_uri())
        page.mouse.move(10, 10)
        page.wait_for_timeout(30)
    page.close()
    assert dialogs == []
    assert [u for u in requests if not u.startswith(("file://", "data:", "about:"))] == []
