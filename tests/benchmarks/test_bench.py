"""The benchmark's content generator (scripts/bench): a valid tree, the same bytes for the same seed.

No timing is asserted here: scripts/bench measures, this only checks what it measures on.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import run_phobien

from benchmarks.generate import generate, layout


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_generated_tree_passes_check(tmp_path: Path) -> None:
    root = tmp_path / "bench"
    manifest = generate(root, 40, ["vi", "en", "km", "hmn"])
    result = run_phobien(root, "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stderr
    # Every section of the real site has pages; translations carry their machine provenance.
    spread = manifest.layout
    assert spread.materials + spread.articles + spread.plans + spread.legal + spread.agencies + spread.audiences == 40
    assert min(spread.materials, spread.articles, spread.plans, spread.legal, spread.agencies) >= 2
    assert manifest.tasks > spread.plans
    translated = [p for p in (root / "content").rglob("*.md") if not p.name.endswith(".vi.md")]
    assert translated
    assert all("  by: machine" in p.read_text(encoding="utf-8") for p in translated)
    assert {p.name.split(".")[-2] for p in translated} == {"en", "km", "hmn"}
    # Vietnamese text with its marks: tone marks and đ are frequent.
    text = "".join(p.read_text(encoding="utf-8") for p in (root / "content" / "materials").glob("*.vi.md"))
    assert len(re.findall(r"[đĐ]", text)) > 20
    assert len(re.findall(r"[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]", text)) > 200


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", 40, ["vi", "en", "km", "hmn"], seed=3)
    generate(tmp_path / "b", 40, ["vi", "en", "km", "hmn"], seed=3)
    generate(tmp_path / "c", 40, ["vi", "en", "km", "hmn"], seed=4)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_layout_spreads_pages_over_sections() -> None:
    for pages in (20, 40, 500, 5000):
        spread = layout(pages)
        counts = [spread.audiences, spread.materials, spread.articles, spread.legal, spread.plans, spread.agencies]
        assert sum(counts) == pages
        assert min(counts) >= 2
    with pytest.raises(ValueError, match="at least 20"):
        layout(10)


def test_long_lists_of_a_national_site_are_paged(tmp_path: Path) -> None:
    """Deadlines and section lists beyond 200 items continue on further pages with a pager;
    the menu keeps pointing at the first page and every link resolves (--strict)."""
    from phobien.core.pagination import LIST_PER_PAGE

    root = tmp_path / "bench"
    generate(root, 700, ["vi", "en"])
    result = run_phobien(root, "build", "--no-print", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    vi = root / "site" / "vi"
    first = (vi / "plans/deadlines/index.html").read_text(encoding="utf-8")
    pages = sorted(vi.glob("plans/deadlines-*/index.html"))
    assert pages, "about 800 tasks make more than one page of deadlines"
    for page in [vi / "plans/deadlines/index.html", *pages]:
        assert page.read_text(encoding="utf-8").count('<li><strong lang="vi">') <= LIST_PER_PAGE
    assert '<a href="../deadlines-2/" rel="next">' in first and 'rel="prev">' not in first
    assert f"Trang 1/{len(pages) + 1}" in first
    last = pages[-1].read_text(encoding="utf-8")
    assert 'rel="prev">' in last and 'rel="next">' not in last
    materials = (vi / "materials/index.html").read_text(encoding="utf-8")
    assert 'href="page-2/" rel="next"' in materials
    assert "Next page" in (root / "site/en/materials/index.html").read_text(encoding="utf-8")
    # The page for schools shows a QR code per material: 50 a page.
    schools = (vi / "nha-truong-va-doi-tac/index.html").read_text(encoding="utf-8")
    assert schools.count('class="pb-print-item"') == 50
    assert '<a href="../nha-truong-va-doi-tac-2/" rel="next">' in schools


def test_the_incremental_benchmark_measures_an_edit_and_no_change(tmp_path: Path) -> None:
    """``scripts/bench --incremental`` on a small tree: the edited build renders only some pages
    of each language, the next one has nothing to do; both are reported (no time is asserted)."""
    import json

    from benchmarks.__main__ import main

    out = tmp_path / "bench.json"
    assert main(["--pages", "20", "--languages", "vi,en", "--no-mkdocs", "--no-serve", "--incremental",
                 "--json", str(out)]) == 0  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))["incremental"]
    edit, same = result["after_one_edit"], result["nothing_changed"]
    assert set(edit["rendered_per_language"]) == {"vi", "en"}, edit
    assert 0 < max(edit["rendered_per_language"].values()) < json.loads(out.read_text())["html_pages"] / 2
    assert not edit["nothing_to_do"] and same["nothing_to_do"] and not same["rendered_per_language"]
    assert 0 < same["share_of_cold_cpu"] < 1 and edit["share_of_cold_wall"] > 0
