"""What a person sees and clicks, in Debian's Chromium on a phone-sized viewport."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import FIXTURES, make_project, run_phobien, serve_folder

PHONE = {"width": 390, "height": 844}
EXIT = "https://exit.invalid/thoi-tiet"
"""The neutral page the quick exit leaves to: it must be https on another site (content check),
so the browser is given it by a route instead of the network."""


def _neutral_page(page):  # type: ignore[no-untyped-def]
    page.route(
        EXIT,
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8", body="<!doctype html><title>Thời tiết</title><p>neutral</p>"
        ),
    )
    return page


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_project(tmp_path_factory.mktemp("browser") / "p", FIXTURES / "minimal")
    site_yml = root / "content/site.yml"
    site_yml.write_text(site_yml.read_text() + f"quick_exit_url: {EXIT}\n", encoding="utf-8")
    assert run_phobien(root, "build").returncode == 0
    proc, base = serve_folder(root / "site")
    yield base
    proc.kill()
    proc.wait()


def test_language_switcher_goes_to_same_page_on_phone(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(served + "vi/materials/bao-ve-tre/")
    assert page.locator("html").get_attribute("lang") == "vi"
    link = page.locator("[data-lang-switch=en]")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 24 and box["width"] >= 24
    link.click()
    page.wait_for_url("**/en/materials/bao-ve-tre/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Protecting children"
    page.close()


def test_quick_exit_click_replaces_history(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = _neutral_page(browser.new_page(viewport=PHONE))
    page.goto(served + "vi/")
    page.goto(served + "vi/materials/bao-ve-tre/")
    button = page.locator("[data-quick-exit]")
    assert button.is_visible()
    button.click()
    page.wait_for_url(EXIT)
    page.go_back()
    assert page.url == served + "vi/", "Back must not return to the page that was left"
    page.close()


def test_quick_exit_three_shift_presses(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = _neutral_page(browser.new_page(viewport=PHONE))
    page.goto(served + "en/hotlines/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)
    page.close()


def test_quick_exit_works_without_any_script(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """The quick-exit control is a plain link to the neutral page: with JavaScript switched off
    (old phones, data savers) it still leaves; and pages load no script but phobien's own."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = _neutral_page(context.new_page())
    page.goto(served + "vi/materials/bao-ve-tre/")
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page.content())
    assert [s.rpartition("/")[2] for s in scripts] == ["phobien.js"]
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(EXIT)
    context.close()


def test_no_request_leaves_the_site_and_nothing_is_stored(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("vi/", "vi/materials/bao-ve-tre/", "en/hotlines/", "vi/plans/ke-hoach-thu/"):
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    outside = [u for u in requests if not u.startswith(served)]
    assert outside == []
    assert context.cookies() == []
    stored = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert stored == [[], []]
    context.close()


def test_site_root_redirects_to_default_language(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(served)
    page.wait_for_url("**/vi/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "vi/",
        "vi/materials/bao-ve-tre/",
        "en/hotlines/",
        "vi/plans/ke-hoach-thu/",
        "vi/legal/56-2017-nd-cp/",
        "vi/agencies/ha-noi-ubnd/",
        "vi/parents/",
    ],
)
def test_no_horizontal_scroll_on_phone(browser, served: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(served + path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.close()


def test_offline_copy_navigates_from_disk(browser, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path_factory.mktemp("offline") / "p", FIXTURES / "minimal")
    assert run_phobien(root, "build", "--offline", "--no-print").returncode == 0
    page = browser.new_page(viewport=PHONE)
    page.goto((root / "site/index.html").as_uri())
    page.wait_for_url("**/vi/index.html")
    page.locator(".pb-card a", has_text="Cha mẹ").click()
    page.wait_for_url("**/vi/parents.html")
    page.locator("ul.pb-list a", has_text="Bảo vệ trẻ em").click()
    page.wait_for_url("**/vi/materials/bao-ve-tre.html")
    page.locator("[data-lang-switch=en]").click()
    page.wait_for_url("**/en/materials/bao-ve-tre.html")
    assert page.locator("h1").inner_text() == "Protecting children"
    page.locator(".pb-share a").first.click()
    page.wait_for_url("**/vi/materials/bao-ve-tre.html")
    page.close()
