"""Three languages, one page missing a translation, one outdated, one machine-made."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien, serve_folder

TREES = (FIXTURES / "minimal", FIXTURES / "three-languages")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("three") / "p", *TREES)
    result = run_phobien(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def html(project: Path, path: str) -> str:
    return (project / "site" / path).read_text(encoding="utf-8")


def test_every_language_has_its_section_and_lang_attribute(project: Path) -> None:
    for lang in ("vi", "en", "km"):
        for page in (
            "index.html",
            "materials/bao-ve-tre/index.html",
            "materials/quyen-tre-em/index.html",
            "hotlines/index.html",
            "children/index.html",
        ):
            assert f'<html lang="{lang}"' in html(project, f"{lang}/{page}"), f"{lang}/{page}"


def test_material_interface_is_in_khmer(project: Path) -> None:
    page = html(project, "km/materials/bao-ve-tre/index.html")
    assert 'aria-label="ផ្នែកសំខាន់ៗ"' in page, "the main sections' label from content/i18n/km.yml"
    assert "ម៉ឺនុយ</summary>" in page, "the menu button on phones"
    assert "ចាកចេញភ្លាម" in page, "quick exit label from content/i18n/km.yml"
    assert "Skip to content" not in page and 'aria-label="Header"' not in page


def test_fallback_page_shows_default_text_under_notice(project: Path) -> None:
    page = html(project, "km/materials/quyen-tre-em/index.html")
    assert "pb-notice--fallback" in page
    assert "ទំព័រនេះមិនទាន់មានជា ភាសាខ្មែរ" in page
    assert '<div lang="vi">' in page
    assert "Trẻ em có quyền được bảo vệ khỏi mọi hình thức xâm hại." in page
    # In the Khmer list of materials, its Vietnamese title is marked as Vietnamese (WCAG 3.1.2).
    listing = html(project, "km/materials/index.html")
    assert '<a href="quyen-tre-em/" lang="vi">' in listing


def test_machine_and_outdated_notices(project: Path) -> None:
    km = html(project, "km/materials/bao-ve-tre/index.html")
    assert "pb-notice--machine" in km
    en_outdated = html(project, "en/materials/quyen-tre-em/index.html")
    assert "pb-notice--outdated" in en_outdated and "pb-notice--machine" not in en_outdated
    en_reviewed = html(project, "en/materials/bao-ve-tre/index.html")
    assert "pb-notice" not in en_reviewed, "a reviewed, current human translation carries no notice"


def test_switcher_targets(project: Path) -> None:
    page = html(project, "km/materials/quyen-tre-em/index.html")
    assert 'href="../../../vi/materials/quyen-tre-em/" hreflang="vi"' in page
    assert 'href="../../../en/materials/quyen-tre-em/" hreflang="en"' in page


def test_khmer_heading_anchor_is_stable_and_not_empty(project: Path) -> None:
    page = html(project, "km/materials/bao-ve-tre/index.html")
    ids = re.findall(r'<h2 id="([^"]*)">លេខទូរស័ព្ទ', page)
    assert ids and re.fullmatch(r"h-[0-9a-f]{8}", ids[0])
    assert 'id="so-dien-thoai"' in html(project, "vi/materials/bao-ve-tre/index.html")


def test_sitemap_has_hreflang_alternates_for_real_translations(project: Path) -> None:
    sitemap = html(project, "sitemap.xml")
    block = sitemap.split("<loc>https://example.vn/vi/materials/bao-ve-tre/</loc>")[1].split("</url>")[0]
    assert 'hreflang="km" href="https://example.vn/km/materials/bao-ve-tre/"' in block
    fallback = sitemap.split("<loc>https://example.vn/km/materials/quyen-tre-em/</loc>")[1].split("</url>")[0]
    assert "hreflang" not in fallback, "a fallback page is not a translation"


def test_translations_report(project: Path) -> None:
    result = run_phobien(project, "translations", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    by_lang = {r["language"]: r for r in data["languages"]}
    assert data["source_language"] == "vi"
    assert {k: by_lang["en"][k] for k in ("pages", "translated", "reviewed", "machine", "outdated", "missing")} == {
        "pages": 4,
        "translated": 4,
        "reviewed": 1,
        "machine": 0,
        "outdated": 1,
        "missing": 0,
    }
    assert {k: by_lang["km"][k] for k in ("pages", "translated", "reviewed", "machine", "outdated", "missing")} == {
        "pages": 4,
        "translated": 1,
        "reviewed": 0,
        "machine": 1,
        "outdated": 0,
        "missing": 3,
    }
    assert by_lang["km"]["interface"] == "machine, not reviewed"
    assert by_lang["en"]["critical_outdated"] == ["content/materials/quyen-tre-em.en.md"]
    table = run_phobien(project, "translations")
    assert table.stdout.splitlines()[1].split() == [
        "language",
        "pages",
        "translated",
        "reviewed",
        "machine",
        "outdated",
        "missing",
        "interface",
    ]
    assert run_phobien(project, "translations", "--strict").returncode == 1


def test_strict_build_fails_on_outdated_critical_translation_then_stamp_fixes_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", *TREES)
    result = run_phobien(root, "build", "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/materials/quyen-tre-em.en.md:11:3: warning: the original content/materials/quyen-tre-em.vi.md "
        "changed after this critical page was translated; update the translation, then run "
        "'phobien translations --stamp content/materials/quyen-tre-em.en.md'"
    )
    stamped = run_phobien(root, "translations", "--stamp", str(root / "content/materials/quyen-tre-em.en.md"))
    assert stamped.returncode == 0, stamped.stderr
    assert run_phobien(root, "build", "--strict").returncode == 0


def test_language_without_theme_strings_is_a_clear_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", *TREES)
    site = root / "content/site.yml"
    site.write_text(site.read_text().replace("  - code: km\n", "  - code: xx\n"), encoding="utf-8")
    result = run_phobien(root, "check")
    assert result.returncode == 1
    assert (
        "content/site.yml:13:11: error: the theme has no interface strings for 'xx'; add "
        "overrides/partials/languages/xx.html (a copy of Material's partials/languages/en.html with every "
        "value translated)" in result.stderr.splitlines()
    )


@pytest.fixture(scope="module")
def served(project: Path) -> Iterator[str]:
    proc, base = serve_folder(project / "site")
    yield base
    proc.kill()
    proc.wait()


def test_switcher_click_from_khmer_on_phone(browser, served: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(served + "km/materials/bao-ve-tre/")
    page.screenshot(path=str(tmp_path / "km-390.png"), full_page=True)
    page.locator("[data-lang-switch=vi]").click()
    page.wait_for_url("**/vi/materials/bao-ve-tre/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.close()


def test_machine_made_interface_is_labelled(project: Path) -> None:
    km = html(project, "km/index.html")
    assert "ត្រូវបានបកប្រែដោយម៉ាស៊ីន" in km.split('class="pb-ui-note"', 1)[1][:300]
    assert 'class="pb-ui-note"' not in html(project, "en/index.html")
