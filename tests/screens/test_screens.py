"""Every page template at every width, in Vietnamese and Khmer, in Debian's Chromium.

Screenshots go to $PHOBIEN_SCREENS (or a temporary folder): look at them after a change of the
header, the CSS or a page template. The assertions are what a reader needs on any screen: the
main sections one tap away, quick exit over no text, no sideways scrolling.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_folder

TEMPLATES = {
    "home": "",
    "audience": "custody/",
    "material": "materials/quyen-khong-bi-tra-tan/",
    "materials": "materials/",
    "plan": "plans/ha-noi-126-kh-ubnd-2023/",
    "plans": "plans/",
    "deadlines": "plans/deadlines/",
    "agency": "agencies/ha-noi-cong-an/",
    "agencies": "agencies/",
    "legal": "legal/41-2019-qh14/",
    "hotlines": "hotlines/",
    "search": "search/",
    "news": "news/",
    "article": "news/ngay-phap-luat-tai-lieu-ve-quyen-cua-ban/",
    "schools": "nha-truong-va-doi-tac/",
    "doc": "an-toan/",
}
WIDTHS = [320, 390, 768, 1280, 1920]
SECTIONS = [
    "#i-am",
    "materials/",
    "hotlines/",
    "news/",
    "plans/",
    "legal/",
    "nha-truong-va-doi-tac/",
    "search/",
    "an-toan/",
]
"""How the address of each main section ends (audiences: the home page's "I am…" choices)."""

COVERED_TEXT = """() => {
  const exit = document.querySelector('[data-quick-exit]').getBoundingClientRect();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const hits = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const seen = parent.checkVisibility({opacityProperty: true, visibilityProperty: true});
    if (!node.textContent.trim() || parent.closest('[data-quick-exit]') || !seen) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      if (r.left < exit.right - 1 && r.right > exit.left + 1 && r.top < exit.bottom - 1 && r.bottom > exit.top + 1) {
        hits.push(node.textContent.trim().slice(0, 40));
      }
    }
  }
  return hits;
}"""

VISIBLE_SECTIONS = """() => [...document.querySelectorAll('.pb-nav a, .pb-menu__panel a')]
  .filter(a => a.checkVisibility({visibilityProperty: true}) && a.getBoundingClientRect().height > 0)
  .map(a => a.href)"""


@pytest.fixture(scope="module")
def served(bundled_site: Path) -> Iterator[str]:
    proc, base = serve_folder(bundled_site)
    yield base
    proc.kill()
    proc.wait()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("PHOBIEN_SCREENS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sections_reachable(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The main sections a reader sees after at most one tap (the menu on narrow screens)."""
    menu = page.locator(".pb-menu > summary")
    if menu.is_visible():
        assert page.evaluate(VISIBLE_SECTIONS) == [], "the drawer is closed until tapped"
        menu.click()
    hrefs: list[str] = page.evaluate(VISIBLE_SECTIONS)
    if menu.is_visible():
        menu.click()
    return hrefs


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "km"])
def test_every_template_at_every_width(browser, served: str, shots: Path, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 844 if width < 700 else 900})
    problems = []
    for name, path in TEMPLATES.items():
        if name == "article" and lang == "km":
            path = "news/"  # the sample article is in vi and en only
        page.goto(f"{served}{lang}/{path}")
        # The whole page on a phone; the first screen elsewhere (enough to see the header work).
        page.screenshot(path=str(shots / f"{lang}-{name}-{width}.png"), full_page=width == 390)
        hrefs = _sections_reachable(page)
        for end in SECTIONS:
            if not any(h.endswith(end) for h in hrefs):
                problems.append(f"{name}: no visible link to {end}")
        covered = page.evaluate(COVERED_TEXT)
        if covered:
            problems.append(f"{name}: quick exit covers {covered[:3]}")
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{name}: {scroll} px wide, scrolls sideways")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        if width == 390 and height > 16 * 844:  # "about 15 screens"; the schools list is 15.6 in Khmer
            problems.append(f"{name}: {height} px tall, more than about 15 screens")
    page.close()
    assert problems == []


@pytest.mark.parametrize("lang", ["vi", "en", "km", "hmn"])
def test_quick_exit_is_an_early_tab_stop_and_covers_nothing(browser, served: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 844})
        for path in ("", "custody/", "hotlines/", "materials/quyen-khong-bi-tra-tan/"):
            page.goto(f"{served}{lang}/{path}")
            assert page.evaluate(COVERED_TEXT) == [], (lang, path, width)
            stops = []
            for _ in range(2):  # Material's "skip to content" link comes first on pages with headings
                page.keyboard.press("Tab")
                stops.append(page.evaluate("() => document.activeElement.hasAttribute('data-quick-exit')"))
            assert True in stops, ("quick exit is the first or second tab stop", lang, path, width)
            page.mouse.wheel(0, 2000)
            box = page.locator("[data-quick-exit]").bounding_box()
            assert box is not None and 0 <= box["y"] < 100, "quick exit stays in view while scrolling"
        page.close()


@pytest.mark.parametrize("lang", ["vi", "km"])
def test_home_first_screen(browser, served: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served}{lang}/")
    help_box = page.locator(".pb-help-now").bounding_box()
    first_card = page.locator(".pb-card").first.bounding_box()
    assert help_box and first_card
    assert help_box["y"] < first_card["y"] < 844 - 40, "whom to call, then the first 'I am…' choice on screen"
    numbers = page.evaluate(
        "() => [...document.querySelectorAll('a[href^=\"tel:\"]')]"
        ".filter(a => { const r = a.getBoundingClientRect(); return r.height > 0 && r.top < 844; })"
        ".map(a => a.getAttribute('href'))"
    )
    assert numbers and len(numbers) == len(set(numbers)), f"each hotline once on the first screen: {numbers}"
    assert page.locator("h1").bounding_box()["width"] <= 1, "no visible heading repeats the site's name"
    cut = page.evaluate(
        "() => [...document.querySelectorAll('.pb-tel, .pb-tel *, .pb-help-now *')]"
        ".filter(e => getComputedStyle(e).textOverflow === 'ellipsis' || e.scrollWidth > e.clientWidth + 1)"
        ".map(e => e.textContent.trim())"
    )
    assert cut == [], "hotline names wrap, never cut"
    page.close()


def test_plan_page_opens_folded_and_anchors_open_a_task(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    url = f"{served}vi/plans/ha-noi-126-kh-ubnd-2023/"
    page.goto(url)
    parts = page.locator("details.pb-part")
    assert parts.count() >= 5
    assert page.evaluate("() => [...document.querySelectorAll('details.pb-part')].every(d => !d.open)")
    assert page.locator("ul.pb-parts > li").count() == parts.count()
    assert "(" in page.locator("ul.pb-parts > li").first.inner_text(), "each part says how many tasks it has"
    assert page.evaluate("() => document.documentElement.scrollHeight") < 12 * 844
    assert page.locator("#t-a-iii-2").is_hidden()
    page.goto(url + "#t-a-iii-2")
    task = page.locator("#t-a-iii-2")
    task.wait_for(state="visible")
    items = task.locator("ul.pb-field-list > li")
    assert items.count() == 2, "an output written as a list is a list"
    assert items.nth(1).inner_text().startswith("Số lượng trợ giúp viên pháp lý")
    by_agency = page.locator("#by-agency")
    by_agency.locator("summary").click()
    assert by_agency.locator("a[href='#t-a-iii-2']").count() >= 1, "a lead agency's tasks, one tap each"
    page.close()


def test_hotline_sources_are_folded(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served}vi/hotlines/")
    folds = page.locator(".pb-hotline-card details.pb-sources-fold")
    assert folds.count() == page.locator(".pb-hotline-card").count()
    assert folds.first.locator("summary").inner_text().startswith("Nguồn")
    assert page.evaluate("() => document.documentElement.scrollHeight") < 8 * 844
    page.close()


def test_switcher_says_when_a_page_exists_only_in_vietnamese(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served}vi/news/ngay-phap-luat-tai-lieu-ve-quyen-cua-ban/")
    page.locator("[data-lang-switch=km]").click()
    page.wait_for_url("**/km/news/#pb-only-vi")
    note = page.locator("#pb-only-vi")
    assert note.is_visible()
    assert "Tiếng Việt" in note.inner_text()
    assert page.locator("#pb-only-en").is_hidden()
    page.goto(f"{served}vi/materials/quyen-khong-bi-tra-tan/")
    page.locator("[data-lang-switch=km]").click()
    page.wait_for_url("**/km/materials/quyen-khong-bi-tra-tan/")
    page.close()


def test_search_page_switcher_keeps_the_query(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served}vi/search/?q=tra+t%E1%BA%A5n")
    page.locator("[data-lang-switch=en]").click()
    page.wait_for_url("**/en/search/?q=*")
    assert page.locator("#pb-q").input_value() == "tra tấn"
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()
