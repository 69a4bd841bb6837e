"""axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page template, every language, phone and desktop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_folder

TEMPLATES = {
    "home": "",
    "audience": "parents/",
    "material": "materials/quyen-khong-bi-tra-tan/",
    "materials": "materials/",
    "plan": "plans/ha-noi-126-kh-ubnd-2023/",
    "deadlines": "plans/deadlines/",
    "late tasks": "plans/late/",
    "agency": "agencies/ha-noi-cong-an/",
    "legal": "legal/41-2019-qh14/",
    "hotlines": "hotlines/",
    "search": "search/",
    "news": "news/",
    "article": "news/ngay-phap-luat-tai-lieu-ve-quyen-cua-ban/",
    "schools": "nha-truong-va-doi-tac/",
    "404": "404.html",
}
LANGUAGES = ["vi", "en", "km", "hmn"]
VIEWPORTS = [(390, 844), (1280, 900)]
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture(scope="module")
def served(bundled_site: Path) -> Iterator[str]:
    proc, base = serve_folder(bundled_site)
    yield base
    proc.kill()
    proc.wait()


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations(browser, served: str, bundled_site: Path, lang: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": height})
    found = []
    for name, path in TEMPLATES.items():
        target = bundled_site / lang / path
        if not (target.is_file() or (target / "index.html").is_file()):
            assert name == "article" and lang in ("km", "hmn"), f"{lang}/{path} missing"
            continue  # the sample article exists in vi and en only; news are not shown in other languages
        page.goto(f"{served}{lang}/{path}")
        result = axe.run(page, options=RULES)
        for violation in result.response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")
    page.close()
    assert found == []


def test_keyboard_focus_is_visible_and_reaches_help(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(served + "vi/")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.tagName, e.getAttribute('href') || '', s.outlineStyle, s.outlineWidth]; }"
        )
        reached.append(info)
        assert info[2] != "none" and info[3] != "0px", info
    hrefs = [href for _, href, _, _ in reached]
    assert any(h.startswith("tel:") for h in hrefs), "a hotline is reachable by keyboard within a few steps"
    page.close()
