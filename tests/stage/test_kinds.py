"""The table of page kinds: the build, the preview and printing all go through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, make_project

from phobien.load import Content, load_content
from phobien.printing.jobs import print_jobs
from phobien.stage.context import Options, StageContext
from phobien.stage.kinds import KINDS, of_files
from phobien.stage.pages import stage_language


def _load(root: Path) -> Content:
    content, diags = load_content(root)
    assert not diags.errors, [d.format() for d in diags.errors]
    return content


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return _load(make_project(tmp_path_factory.mktemp("bundled") / "p", bundled=True))


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Content:
    trees = (FIXTURES / "minimal", FIXTURES / "three-languages")
    return _load(make_project(tmp_path_factory.mktemp("three") / "p", *trees))


def test_the_build_stages_exactly_the_kinds_of_the_table_in_order(bundled: Content) -> None:
    options = Options()
    for lang in ("vi", "en"):
        ctx = StageContext(bundled, lang, options)
        by_kind = {name: kind.stage(ctx) for name, kind in KINDS.items()}
        staged = stage_language(bundled, lang, options)
        assert [p.path for p in staged] == [p.path for pages in by_kind.values() for p in pages]
        assert [name for name, pages in by_kind.items() if not pages] == []  # every kind makes pages
        assert len({p.path for p in staged}) == len(staged)  # no two kinds stage the same path


def test_every_page_kind_the_build_makes_comes_from_one_entry(bundled: Content) -> None:
    ctx = StageContext(bundled, "vi", Options())
    made = {name: sorted({p.kind for p in kind.stage(ctx)}) for name, kind in KINDS.items()}
    assert made == {
        "home": ["home"],
        "docs": ["doc"],
        "materials": ["list", "material"],
        "audiences": ["audience"],
        "hotlines": ["hotlines"],
        "search": ["search"],
        "news": ["article", "news"],
        "schools": ["doc"],
        "legal": ["legal", "list"],
        "plans": ["list", "plan"],
        "deadlines": ["deadlines"],
        "agencies": ["agency", "list"],
        "reports": ["late"],
    }


def test_kinds_made_from_files_name_the_file_of_each_page(three: Content) -> None:
    assert [k.name for k in of_files("docs")] == ["home", "docs"]
    assert [k.name for k in of_files("materials")] == ["materials"]
    assert [k.name for k in of_files("articles")] == ["news"]
    for lang in ("vi", "en", "km"):
        ctx = StageContext(three, lang, Options())
        for field in ("docs", "materials"):
            sources = {p.source for kind in of_files(field) for p in kind.stage(ctx) if p.source}
            shown = {page.rel for page, _, _ in ctx.pick(getattr(three, field)).values()}
            assert sources == shown, (lang, field)


def test_printing_makes_what_the_table_marks_as_printed(three: Content) -> None:
    assert {k.name: k.printed for k in KINDS.values() if k.printed} == {
        "materials": "leaflet",
        "audiences": "poster",
        "reports": "report",
    }
    jobs = print_jobs(three, ["km"])
    leaflets = [j.target for j in jobs if j.kind == "leaflet"]
    posters = [j.target for j in jobs if j.kind == "poster"]
    assert leaflets == ["km/print/bao-ve-tre.pdf"]  # only what is written in km, never a fallback
    assert posters == [f"km/print/poster-{a.id}.pdf" for a in three.audiences]
    km = jobs[0]
    assert km.inputs == ("content/materials/bao-ve-tre.km.md", "content/materials/bao-ve-tre.vi.md")
    assert [n["kind"] for n in km.view["notices"]] == ["machine"]


def test_bundled_tree_is_what_the_test_copies() -> None:
    assert (REPO / "content" / "site.yml").is_file()
