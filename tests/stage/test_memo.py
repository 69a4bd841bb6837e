"""Staging kept between builds (phobien.stage.memo): what is taken again is exactly what
staging would make, an edit re-stages only what read the edited text, and a damaged or
foreign memo is never used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import make_project

from phobien.load import Content, load_content
from phobien.stage import rawhtml
from phobien.stage.memo import StageMemo, content_key
from phobien.stage.pages import Kept, Options, stage_all, stage_language
from phobien.stage.staged import Staged

OPTIONS = Options(today=dt.date(2026, 11, 22))
EDITED = "content/materials/bao-tin-tre-bi-xam-hai-goi-ai-roi-dieu-gi-xay-ra.vi.md"


def _load(root: Path) -> Content:
    content, diags = load_content(root)
    assert not diags.errors, diags.items[:3]
    return content


def _memo(root: Path, content: Content, lang: str, code: str = "code-1", fresh: bool = False) -> StageMemo:
    key = content_key(content, repr((OPTIONS, code)))
    return StageMemo(root / ".phobien-cache" / "staging" / f"{lang}.bin", code, f"{key}:{lang}", content, fresh)


def _plain(root: Path, lang: str) -> list[Staged]:
    return stage_language(_load(root), lang, OPTIONS)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", bundled=True)


def test_a_second_staging_takes_every_kind_and_equals_staging_afresh(root: Path) -> None:
    content = _load(root)
    first = _memo(root, content, "en")
    made = stage_language(content, "en", OPTIONS, first)
    assert first.taken == 0 and first.made > 20
    again = _memo(root, _load(root), "en")
    taken = stage_language(_load(root), "en", OPTIONS, again)
    assert again.made == 0 and again.taken > 10
    assert taken == made == _plain(root, "en")


def test_an_edited_body_restages_the_pages_that_read_it_and_nothing_else(root: Path) -> None:
    for lang in ("vi", "en"):
        stage_language(_load(root), lang, OPTIONS, _memo(root, _load(root), lang))
    path = root / EDITED
    path.write_text(path.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    for lang in ("vi", "en"):
        content = _load(root)
        memo = _memo(root, content, lang)
        pages = stage_language(content, lang, OPTIONS, memo)
        # the materials kind and the one material (in English: its translation, whose notice
        # says the original changed), and no other kind
        assert memo.made == 2, lang
        assert pages == _plain(root, lang)
    en = {p.path: p for p in stage_language(_load(root), "en", OPTIONS)}
    assert "Một câu mới" not in en["materials/bao-tin-tre-bi-xam-hai-goi-ai-roi-dieu-gi-xay-ra.md"].body


def test_any_other_file_changed_restages_everything(root: Path) -> None:
    stage_language(_load(root), "vi", OPTIONS, _memo(root, _load(root), "vi"))
    hotlines = root / "content" / "hotlines.yml"
    hotlines.write_text(hotlines.read_text(encoding="utf-8") + "\n# một ghi chú\n", encoding="utf-8")
    content = _load(root)
    memo = _memo(root, content, "vi")
    assert stage_language(content, "vi", OPTIONS, memo) == _plain(root, "vi")
    assert memo.taken == 0


def test_another_code_version_a_clean_build_or_a_damaged_memo_take_nothing(root: Path) -> None:
    expected = _plain(root, "vi")
    stage_language(_load(root), "vi", OPTIONS, _memo(root, _load(root), "vi"))
    for memo in (_memo(root, _load(root), "vi", code="code-2"), _memo(root, _load(root), "vi", fresh=True)):
        assert stage_language(_load(root), "vi", OPTIONS, memo) == expected
        assert memo.taken == 0
    kept = root / ".phobien-cache" / "staging" / "vi.bin"
    kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])
    memo = _memo(root, _load(root), "vi")
    assert stage_language(_load(root), "vi", OPTIONS, memo) == expected
    assert memo.taken == 0


def test_kept_pages_carry_this_builds_raw_html_word(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHOBIEN_RAW_TOKEN", rawhtml.TOKEN)
    before = rawhtml.TOKEN
    stage_language(_load(root), "vi", OPTIONS, _memo(root, _load(root), "vi"))
    try:
        rawhtml.use_token("0123456789abcdef")
        memo = _memo(root, _load(root), "vi")
        pages = stage_language(_load(root), "vi", OPTIONS, memo)
        assert memo.made == 0
        assert pages == _plain(root, "vi")
        assert any("0123456789abcdef" in p.body for p in pages)
        assert not any(before in p.body for p in pages)
    finally:
        rawhtml.use_token(before)


def test_staging_all_languages_in_workers_keeps_a_memo_per_language(root: Path) -> None:
    kept = Kept(root / ".phobien-cache" / "staging", "code-1")
    first = stage_all(_load(root), OPTIONS, 2, kept)
    assert sorted(p.name for p in kept.folder.iterdir()) == sorted(f"{lang}.bin" for lang in first)
    assert stage_all(_load(root), OPTIONS, 2, kept) == first == stage_all(_load(root), OPTIONS, 1)
