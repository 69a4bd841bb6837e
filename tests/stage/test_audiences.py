"""Pages per audience, the starter materials, plain language, and the home page as a person sees it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, make_project, run_phobien, serve_folder

from phobien.checks import check_content


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    content, diags = check_content(REPO)
    assert diags.errors == []
    return content


def test_every_audience_page_in_every_language_lists_its_materials(content, bundled_site: Path) -> None:  # type: ignore[no-untyped-def]
    materials = {p.slug: p for p in content.materials if p.lang == "vi"}
    for audience in content.audiences:
        mine = [slug for slug, page in materials.items() if audience.id in page.meta.audiences]
        assert mine or not audience.citizen, f"no material for {audience.id}"
        for lang in content.site.codes:
            html = (bundled_site / lang / audience.id / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html
            for slug in mine:
                assert f'href="../materials/{slug}/"' in html, (lang, audience.id, slug)
            for hid in audience.hotlines:
                number = next(h.number for h in content.hotlines if h.id == hid)
                assert f'href="tel:{number.replace(" ", "")}"' in html


def test_starter_materials_cite_sources_and_are_not_marked_reviewed(content) -> None:  # type: ignore[no-untyped-def]
    assert len({p.slug for p in content.materials}) >= 15
    for page in content.materials:
        assert page.meta.sources, page.rel
        assert page.meta.review.status != "reviewed", f"{page.rel}: no competent authority reviewed the starter set"
        # Every material says whom to call under a heading of its own (pages for teenagers word it
        # their way: "Who to call", "Gọi 111").
        assert re.search(r"^## .*\b([Gg]ọi|[Cc]all)\b", page.body, re.M) or page.lang not in (
            "vi",
            "en",
        ), page.rel


def test_every_page_shows_a_hotline_in_the_same_place(bundled_site: Path) -> None:
    for page in ["vi/materials/quyen-khong-bi-tra-tan/", "en/plans/deadlines/", "km/hotlines/"]:
        html = (bundled_site / page / "index.html").read_text(encoding="utf-8")
        bar = html.split('class="pb-bar', 1)[1].split("</div>", 1)[0]
        assert 'class="pb-tel" href="tel:' in bar, page
    # The home page shows its hotlines once, in its help box at the top, not in the bar too.
    html = (bundled_site / "vi/index.html").read_text(encoding="utf-8")
    assert 'class="pb-tel"' not in html.split('class="pb-bar', 1)[1].split("</div>", 1)[0]
    assert html.index('class="pb-help-now"') < html.index('id="i-am"')


def test_long_sentence_and_missing_summary_warn(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    page = root / "content/materials/bao-ve-tre.vi.md"
    text = page.read_text(encoding="utf-8").replace("summary: Cách bảo vệ trẻ.\n", "")
    long = (
        "Khi thấy trẻ có dấu hiệu bị xâm hại thì cha mẹ cần bình tĩnh lắng nghe trẻ nói và không được la mắng "
        "hay đổ lỗi cho trẻ vì điều đó làm trẻ sợ hãi."
    )
    page.write_text(text + "\n" + long + "\n", encoding="utf-8")
    result = run_phobien(root, "check")
    assert result.returncode == 0
    assert result.stderr.splitlines()[:2] == [
        "content/materials/bao-ve-tre.vi.md:2:1: warning: no summary; add 'summary:' with one or two plain "
        "sentences (it is shown in lists and when the page is shared)",
        "content/materials/bao-ve-tre.vi.md:18:1: warning: a sentence of 36 syllables (limit 25, "
        "max_sentence_syllables in site.yml) is hard to read; split it: 'Khi thấy trẻ có dấu hiệu …'",
    ]


@pytest.fixture(scope="module")
def served(bundled_site: Path) -> Iterator[str]:
    proc, base = serve_folder(bundled_site)
    yield base
    proc.kill()
    proc.wait()


@pytest.mark.parametrize("lang", ["vi", "km"])
def test_home_on_a_phone(browser, served: str, lang: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{served}{lang}/")
    shot = tmp_path / f"home-{lang}-390.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    # "Need help now? Call 111" comes before the "I am ..." cards, and the first call button is in view.
    help_box = page.locator(".pb-help-now").bounding_box()
    cards = page.locator(".pb-cards").bounding_box()
    assert help_box and cards and help_box["y"] < cards["y"]
    assert page.locator(".pb-help-now .pb-tel").first.bounding_box()["y"] < 844
    assert page.locator(".pb-card").count() == 8
    icons = page.locator(".pb-card__icon svg")
    assert icons.count() == 8 and icons.first.bounding_box()["width"] >= 24
    for box in (page.locator(".pb-card a").nth(i).bounding_box() for i in range(8)):
        assert box["height"] >= 44
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    if lang == "km":
        # Khmer text is drawn with a Khmer font: the glyphs are wider than missing-glyph boxes would be.
        assert page.evaluate(
            "() => document.fonts.check('16px \"Khmer OS\"') || document.fonts.check('16px sans-serif')"
        )
    page.close()
