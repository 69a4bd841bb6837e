"""content/provinces.yml: the model, the loader's messages and the gazetteer the importer uses."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, make_project

from phobien.importer.places import Gazetteer
from phobien.load import load_content


def test_bundled_file_has_the_63_and_the_34() -> None:
    content, diags = load_content(REPO)
    assert not [d for d in diags.errors if "provinces" in d.format()]
    assert len(content.provinces) == 63
    assert len([p for p in content.provinces if p.valid_until is None]) == 34
    by_id = {p.id: p for p in content.provinces}
    assert by_id["bac-giang"].merged_into == "bac-ninh"
    assert set(by_id["bac-ninh"].formed_from) == {"bac-giang", "bac-ninh"}


def test_wrong_reference_is_reported_at_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", bundled=True)
    path = root / "content/provinces.yml"
    text = path.read_text(encoding="utf-8").replace("merged_into: tuyen-quang", "merged_into: tuyen-qang", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "tuyen-qang" in s)
    _, diags = load_content(root)
    messages = [d.format() for d in diags.errors]
    expected = "error: 'tuyen-qang' is not an id of this file's provinces; use one of them"
    assert f"content/provinces.yml:{line}:18: {expected}" in messages


def test_gazetteer_finds_old_and_new_names() -> None:
    content, _ = load_content(REPO)
    places = Gazetteer(content.provinces)
    assert places.find("Quảng Ninh").id == "quang-ninh"
    assert places.find("TỈNH QUẢNG NAM").id == "quang-nam"
    assert places.find("Thành phố Hồ Chí Minh").id == "ho-chi-minh"
    assert places.find("Thừa Thiên Huế").id == "hue"
    assert places.find("Gotham") is None
    assert [p.name for p in places.successors(places.find("Quảng Nam"))] == ["Đà Nẵng"]
    assert places.successors(places.find("Hà Nội")) == []
