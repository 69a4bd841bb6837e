"""Sources at the claim: markers that name no source, and provisions cited without a marker."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_project, run_phobien

from phobien.checks import check_content
from phobien.model.common import Source
from phobien.stage.citations import cite

FRONT = """---
title: Thử
summary: Trang thử.
audiences: [parents]
sources:
  - id: luat-tre-em
    title: Luật Trẻ em 2016
    article: Điều 6
  - title: Trang không có id
review:
  status: not_reviewed
  reviewed_on: 2026-11-01
---

"""


def _check(tmp_path: Path, body: str) -> list[str]:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/materials/thu.vi.md").write_text(FRONT + body, encoding="utf-8")
    _, diags = check_content(root)
    return [d.format() for d in diags.sorted() if d.path == "content/materials/thu.vi.md"]


def test_a_marker_must_name_a_source_of_the_page(tmp_path: Path) -> None:
    body = "Trẻ em được bảo vệ (Điều 6).[^luat-tre-m]\n"
    assert _check(tmp_path, body) == [
        "content/materials/thu.vi.md:15:29: error: '[^luat-tre-m]' names no source of this page; "
        "did you mean '[^luat-tre-em]'?"
    ]


def test_an_unknown_marker_lists_the_ids_of_the_page(tmp_path: Path) -> None:
    assert _check(tmp_path, "Gọi 111.[^hotline]\n") == [
        "content/materials/thu.vi.md:15:9: error: '[^hotline]' names no source of this page; add 'id: hotline' to "
        "its entry in 'sources:' (the ids here: luat-tre-em)"
    ]


def test_a_provision_cited_without_a_marker_is_a_warning(tmp_path: Path) -> None:
    body = (
        "## Điều 6 nói gì\n\nMột điều quan trọng: gọi 111.\n\n"
        "- Cấm xâm hại trẻ em (khoản 1 Điều 6).\n- Có nguồn (Điều 6).[^luat-tre-em]\n\n```\nĐiều 99 trong mã\n```\n"
    )
    assert _check(tmp_path, body) == [
        "content/materials/thu.vi.md:19:1: warning: this text cites 'khoản 1' but shows no source; end the sentence "
        "with [^id], the id of its entry in 'sources:'"
    ]


def test_markers_become_numbered_links_on_the_page_and_numbers_on_paper() -> None:
    sources = [Source(id="a", title="Luật A", article="Điều 1"), Source(id="b", title='Luật "B"')]
    text = "Một.[^b] Hai.[^a] Ba.[^c] `[^a]`"
    assert cite(text, sources) == (
        'Một.<sup class="pb-cite"><a href="#nguon-b" title="Luật &quot;B&quot;">[2]</a></sup> '
        'Hai.<sup class="pb-cite"><a href="#nguon-a" title="Luật A, Điều 1">[1]</a></sup> Ba.[^c] `[^a]`'
    )
    assert cite(text, sources, link=False) == "Một.<sup>[2]</sup> Hai.<sup>[1]</sup> Ba.[^c] `[^a]`"


def test_the_built_page_links_each_claim_to_its_source(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/materials/thu.vi.md").write_text(FRONT + "Trẻ em được bảo vệ.[^luat-tre-em]\n", encoding="utf-8")
    assert run_phobien(root, "build", "--no-print").returncode == 0
    html = (root / "site/vi/materials/thu/index.html").read_text(encoding="utf-8")
    assert '<a href="#nguon-luat-tre-em" title="Luật Trẻ em 2016, Điều 6">[1]</a>' in html
    assert '<li id="nguon-luat-tre-em">Luật Trẻ em 2016, Điều 6</li>' in html


def test_every_bundled_material_cites_its_provisions() -> None:
    repo = Path(__file__).resolve().parents[2]
    _, diags = check_content(repo)
    unsourced = [d.format() for d in diags.items if "shows no source" in d.message or "names no source" in d.message]
    assert unsourced == []
