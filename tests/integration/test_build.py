"""Real builds of real content trees."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, REPO, make_project, run_phobien


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_bundled_site_has_every_kind_of_page(bundled_site: Path) -> None:
    for lang in ("vi", "en"):
        for page in (
            "index.html",
            "hotlines/index.html",
            "materials/index.html",
            "plans/index.html",
            "legal/index.html",
            "agencies/index.html",
            "gioi-thieu/index.html",
            "an-toan/index.html",
            "tiep-can/index.html",
            "parents/index.html",
            "children/index.html",
            "officials/index.html",
            "404.html",
        ):
            assert (bundled_site / lang / page).is_file(), f"{lang}/{page}"
    root = (bundled_site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=vi/"' in root


def test_pages_have_language_and_no_external_requests(minimal_site: Path) -> None:
    vi = (minimal_site / "vi/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    en = (minimal_site / "en/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and '<html lang="en"' in en
    for html in (vi, en):
        assert not re.search(r'(src|href)="(https?:)?//(?!example\.vn)', html.split("<body", 1)[0]), (
            "head loads nothing external"
        )
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert "data-quick-exit" in html


def test_heading_anchors_fold_d(minimal_site: Path) -> None:
    vi = (minimal_site / "vi/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert 'id="so-dien-thoai"' in vi


def test_translation_notices(minimal_site: Path) -> None:
    en = (minimal_site / "en/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert "translated by machine and has not been checked by a person" in en
    assert "The Tiếng Việt original changed after this translation was made" in en
    assert "has not yet been reviewed by a competent authority" in en


def test_language_switcher_targets_same_page(minimal_site: Path) -> None:
    vi = (minimal_site / "vi/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert 'href="../../../en/materials/bao-ve-tre/" hreflang="en" lang="en" data-lang-switch="en"' in vi


def test_plan_page_lists_tasks_with_agencies(minimal_site: Path) -> None:
    plan = (minimal_site / "vi/plans/ke-hoach-thu/index.html").read_text(encoding="utf-8")
    assert "Tuyên truyền." in plan
    assert "Ủy ban nhân dân thành phố Hà Nội" in plan
    agency = (minimal_site / "vi/agencies/bo-tu-phap/index.html").read_text(encoding="utf-8")
    assert '<h2>Nhiệm vụ phối hợp</h2> <span class="pb-part__count">(1)</span>' in agency


def test_failed_build_leaves_previous_site_byte_for_byte(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    assert run_phobien(root, "build").returncode == 0
    before = tree_digest(root / "site")
    assert before
    # A broken template fails inside the engine, after the checks passed.
    (root / "overrides/main.html").write_text("{% extends 'base.html' %}{% block content %}{{ broken( }}{% endblock %}")
    result = run_phobien(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "template error" in result.stderr
    assert "The previous site/ was not changed." in result.stderr
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site.*")), "no temporary folder is left behind"


def test_content_error_leaves_previous_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    assert run_phobien(root, "build").returncode == 0
    before = tree_digest(root / "site")
    (root / "content/site.yml").write_text("name: [\n", encoding="utf-8")
    result = run_phobien(root, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("content/site.yml:2:1: error: YAML syntax error")
    assert tree_digest(root / "site") == before


def test_schemas_in_repository_are_current(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = subprocess.run(
        [sys.executable, "-m", "phobien", "schema", "--out", str(out)], capture_output=True, text=True, check=True
    )
    assert result.returncode == 0
    generated = tree_digest(out)
    assert generated == tree_digest(REPO / "schemas"), "run 'phobien schema' and commit schemas/"
    settings = (REPO / ".vscode/settings.json").read_text(encoding="utf-8")
    for name in generated:
        assert f"schemas/{name}" in settings or "front-matter" in name


def test_console_script_and_module_both_work() -> None:
    exe = Path(sys.executable).with_name("phobien")
    for cmd in ([str(exe), "--help"], [sys.executable, "-m", "phobien", "--help"]):
        result = subprocess.run(cmd, capture_output=True, text=True)
        assert result.returncode == 0
        assert "check" in result.stdout and "build" in result.stdout and "serve" in result.stdout


def test_pages_carry_no_inline_script_and_no_material_bundle(minimal_site: Path) -> None:
    for page in minimal_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b([^>]*)>", text)
        assert all("src=" in attrs for attrs in scripts), f"inline script in {page}"
        assert "bundle." not in text and "localStorage" not in text, page


def test_broken_links_warn_and_fail_strict_builds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    page = root / "content/materials/bao-ve-tre.vi.md"
    text = page.read_text(encoding="utf-8")
    # A link to a page that does not exist is an error of the checks, before any build.
    page.write_text(text + "\n[Cũ](../khong-co/)\n", encoding="utf-8")
    checked = run_phobien(root, "check")
    assert checked.returncode == 1
    assert "content/materials/bao-ve-tre.vi.md:19:6: error: the link '../khong-co/' leads to no page" in checked.stderr
    page.write_text(text + "\n[Mục](#khong-co-muc) · [Đúng](#so-dien-thoai)\n", encoding="utf-8")
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0
    lines = [line for line in result.stderr.splitlines() if "warning: the link" in line]
    assert lines == [
        "content/materials/bao-ve-tre.vi.md:1:1: warning: the link '#khong-co-muc' on "
        "/vi/materials/bao-ve-tre/index.html leads to a page without the heading or anchor '#khong-co-muc'",
    ]
    before = tree_digest(root / "site")
    strict = run_phobien(root, "build", "--strict", "--no-print")
    assert strict.returncode == 1
    assert "1 broken link(s) (--strict)" in strict.stderr
    assert tree_digest(root / "site") == before


def test_first_view_of_every_template_is_under_60_kb(bundled_site: Path) -> None:
    from benchmarks.weight import first_view

    for lang in ("vi", "en", "km", "hmn"):
        for path in (
            "",
            "parents/",
            "materials/quyen-khong-bi-tra-tan/",
            "plans/ha-noi-126-kh-ubnd-2023/",
            "plans/deadlines/",
            "agencies/ha-noi-cong-an/",
            "legal/41-2019-qh14/",
            "hotlines/",
            "search/",
            "404.html",
        ):
            sizes = first_view(bundled_site, f"{lang}/{path}")
            assert len(sizes) >= 3, sizes  # the HTML, its CSS and the quick-exit script at least
            assert sum(sizes.values()) <= 60 * 1024, (lang, path, sizes)


def test_every_page_has_description_and_open_graph_card(minimal_site: Path) -> None:
    for page in minimal_site.glob("*/**/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # redirects of short links and old addresses
        assert re.search(r'<meta name="description" content="[^"]+">', html), page
        for prop in ("og:title", "og:description", "og:locale", "og:url", "og:site_name"):
            assert f'<meta property="{prop}" content="' in html, (page, prop)
        assert "og:image" not in html, "no image hosts"
    vi = (minimal_site / "vi/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://example.vn/vi/materials/bao-ve-tre/">' in vi
    assert '<meta property="og:description" content="Cách bảo vệ trẻ.">' in vi
