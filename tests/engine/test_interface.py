"""What the engine is given (layout flags, per-page data) and what it gives the rest of phobien."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from phobien.engine import get_engine, icon_svg
from phobien.engine.base import LanguageSite
from phobien.search.extract import page_text
from phobien.stage.staged import EDITOR_HIDE, LAYOUT_FLAGS, Staged, editor_layout

SITE = LanguageSite(
    lang="vi",
    name="Trang thử",
    url="https://example.vn/vi/",
    directory_urls=True,
    menu_titles={k: k.title() for k in ("home", "materials", "news", "plans", "legal", "agencies")},
    template_data={"lang": "vi"},
)


def _front_matter(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_layout_flags_are_phobiens_and_the_engine_maps_them_to_its_theme(tmp_path: Path) -> None:
    engine = get_engine()
    pages = [
        Staged("index.md", "Trang chủ", "x", layout=frozenset({"no-menu", "no-toc"})),
        Staged("a.md", "A", "y", layout=frozenset(LAYOUT_FLAGS), kind="doc"),
        Staged("b.md", "B", "z", description="Mô tả"),
    ]
    job = engine.language_job(SITE, pages, tmp_path, tmp_path / "stage" / "vi", tmp_path / "out", strict=False)
    engine.write_stage(job, pages, {"a.md": {"code": "abc"}})
    stage = tmp_path / "stage" / "vi"
    assert _front_matter(stage / "index.md") == {
        "title": "Trang chủ",
        "description": "Trang chủ — Trang thử",
        "hide": ["navigation", "toc"],
    }
    assert _front_matter(stage / "a.md")["hide"] == ["navigation", "toc", "footer", "path"]
    assert _front_matter(stage / "b.md") == {"title": "B", "description": "Mô tả"}
    data = json.loads((tmp_path / "stage" / "vi.phobien-pages.json").read_text(encoding="utf-8"))
    assert data == {"index.md": {"kind": "page"}, "a.md": {"kind": "doc", "code": "abc"}, "b.md": {"kind": "page"}}


def test_editors_hide_keeps_its_names_and_becomes_layout_flags() -> None:
    assert set(EDITOR_HIDE.values()) == LAYOUT_FLAGS
    assert editor_layout(["navigation", "path"]) == frozenset({"no-menu", "no-path"})
    assert editor_layout([]) == frozenset()


def test_a_hand_written_page_hides_the_table_of_contents(tmp_path: Path) -> None:
    import datetime as dt

    from conftest import FIXTURES, make_project

    from phobien.load import load_content
    from phobien.stage.pages import Options, stage_language

    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    page = root / "docs" / "an-toan.vi.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    page.write_text("---\nhide: [toc, footer]\n" + text[4:], encoding="utf-8")
    content, diags = load_content(root)
    assert not diags.errors, [d.format() for d in diags.items]
    pages = stage_language(content, "vi", Options(today=dt.date(2026, 11, 22), print_=False))
    staged = next(p for p in pages if p.source == "docs/an-toan.vi.md")
    assert staged.layout == frozenset({"no-toc", "no-footer"})


def test_the_menu_has_constant_size_and_lists_sections() -> None:
    job = get_engine().language_job(
        SITE,
        [
            Staged("index.md", "Home", ""),
            Staged("materials/index.md", "M", ""),
            Staged("materials/x.md", "X", "", kind="material"),
            Staged("an-toan.md", "An toàn", "", kind="doc"),
        ],
        Path("/r"),
        Path("/r/s/vi"),
        Path("/r/o/vi"),
        strict=False,
    )
    assert job.engine == get_engine().name and job.lang == "vi" and job.site_name == "Trang thử"
    assert job.settings["nav"] == [{"Home": "index.md"}, {"Materials": "materials/index.md"}, {"An toàn": "an-toan.md"}]
    assert job.settings["theme"] == {"language": "vi"}
    assert [next(iter(e)) if isinstance(e, dict) else e for e in job.settings["markdown_extensions"]] == list(
        get_engine().markdown().extensions
    )


def test_icons_come_through_the_engine() -> None:
    svg = icon_svg("material/school")
    assert svg is not None and svg.startswith('<svg aria-hidden="true" focusable="false" ')
    assert icon_svg("material/no-such-icon") is None
    assert icon_svg("../../etc/passwd") is None


def test_print_renders_with_the_engines_extensions() -> None:
    from phobien.printing.body import body_html

    html = body_html("## Đầu mục\n\n!!! note\n    Ghi chú\n\nThuật ngữ\n:   Giải thích\n")
    assert '<h2 id="dau-muc">Đầu mục</h2>' in html
    assert '<div class="admonition note">' in html and "<dl>" in html


def test_search_finds_the_main_content_by_phobiens_marker_on_any_element() -> None:
    html = (
        "<html><head><title>T</title></head><body><p>data-phobien-main in text is not a marker</p>"
        '<main id="m" data-phobien-main=""><h1>Tiêu đề</h1><p>Nội dung</p></main>'
        "<footer>chân trang</footer></body></html>"
    )
    page = page_text(html, "x/")
    assert page is not None and page.blocks == ["Tiêu đề", "Nội dung"]
    assert page_text('<p>data-phobien-main</p><article class="content"><h1>x</h1></article>', "x/") is None
