"""The progress pages in a real Chromium: axe-core (WCAG 2.0-2.2 A and AA) at 390 and 1280 px,
no sideways scrolling from 320 px, no script needed, bars with their text equivalent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import FIXTURES, make_project, run_phobien, serve_folder

PAGES = {
    "plan": "plans/ke-hoach-bao-cao/",
    "plan without reports": "plans/quang-ninh-thu/",
    "plan with an example report": "plans/ke-hoach-thu/",
    "agency": "agencies/ha-noi-so-tu-phap/",
    "late overview": "plans/late/",
    "report": "reports/ke-hoach-bao-cao/2024/",
    "example report": "reports/ke-hoach-thu/2024-q3/",
}
LANGUAGES = ("vi", "en", "km")
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    trees = (FIXTURES / "minimal", FIXTURES / "three-languages", FIXTURES / "reports")
    root = make_project(tmp_path_factory.mktemp("progress-browser") / "p", *trees)
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    proc, base = serve_folder(root / "site")
    yield base
    proc.kill()
    proc.wait()


@pytest.mark.parametrize("width", [390, 1280])
def test_progress_pages_have_no_axe_violations(browser, served: str, width: int) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for lang in LANGUAGES:
        for name, path in PAGES.items():
            response = page.goto(f"{served}{lang}/{path}")
            assert response is not None and response.ok, f"{lang}/{path}"
            for violation in axe.run(page, options=RULES).response["violations"]:
                targets = [node["target"] for node in violation["nodes"][:3]]
                found.append(f"{lang} {name}: {violation['id']} ({violation['impact']}) {targets}")
    page.close()
    assert found == []


def test_progress_pages_fit_a_small_phone_without_script(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 320, "height": 700}, java_script_enabled=False)
    page = context.new_page()
    for lang in ("vi", "km"):
        for path in PAGES.values():
            page.goto(f"{served}{lang}/{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{lang}/{path}"
    page.goto(f"{served}en/plans/ke-hoach-bao-cao/")
    bar = page.locator(".pb-progress-section svg.pb-bar").first
    box = bar.bounding_box()
    assert box is not None and box["width"] > 250 and box["height"] >= 14  # drawn, full width, no script
    assert bar.get_attribute("aria-hidden") == "true"
    text = page.locator(".pb-progress-section .pb-progress__text").first.inner_text()
    assert text.startswith("1 of 5 tasks done (20 %)")  # what the bar shows, as text for everyone
    context.close()
