"""`phobien check` on real trees: exact messages, exit codes, no tracebacks."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import FIXTURES, make_project, run_phobien

from phobien.checks import check_content


def test_minimal_tree_is_clean(minimal: Path) -> None:
    result = run_phobien(minimal, "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == ["phobien check: 0 errors, 0 warnings"]


def test_invalid_tree_lists_every_problem_exactly(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "invalid")
    result = run_phobien(root, "check")
    expected = (FIXTURES / "invalid.expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == expected
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    page = root / "content/materials/bao-ve-tre.vi.md"
    page.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", page.read_text()).encode())
    result = run_phobien(root, "check")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/materials/bao-ve-tre.vi.md:1:1: warning: the file starts with a byte-order mark (BOM); "
        "it was ignored, but save the file as 'UTF-8' without BOM (or run 'phobien check --fix')",
        "content/materials/bao-ve-tre.vi.md:2:9: warning: text is not in Unicode NFC form (accents stored "
        "as separate characters); it was normalised for the build; run 'phobien check --fix' to rewrite the file",
        "phobien check: 0 errors, 2 warnings",
    ]
    assert run_phobien(root, "check", "--strict").returncode == 1
    fixed = run_phobien(root, "check", "--fix", "--strict")
    assert fixed.returncode == 0, fixed.stderr
    assert page.read_bytes().startswith(b"---")
    assert unicodedata.is_normalized("NFC", page.read_text(encoding="utf-8"))


def test_build_runs_the_same_checks(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/audiences.yml").write_text("audiences:\n  - id: parents\n", encoding="utf-8")
    result = run_phobien(root, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/audiences.yml:2:5: error: required fields 'name', 'intro' are missing; add each as 'name: ...'",
        "phobien build: stopped before building: 1 error, 0 warnings. The previous site/ was not changed.",
    ]
    assert not (root / "site").exists()


def test_a_page_cannot_take_the_address_of_a_list_page(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    materials = root / "content/materials"
    (materials / "bao-ve-tre.vi.md").rename(materials / "page-2.vi.md")
    (materials / "bao-ve-tre.en.md").unlink()
    result = run_phobien(root, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/materials/page-2.vi.md:1:1: error: 'page-2' is the address of a further page of the list of "
        "this section; rename the file (e.g. add a word of its title)"
    )


def test_missing_content_folder(tmp_path: Path) -> None:
    result = run_phobien(tmp_path, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content:1:1: error: there is no content/ folder here; run phobien in the project folder"
    )


def test_stale_hotline_warns_and_fails_strict(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    hotlines = root / "content/hotlines.yml"
    hotlines.write_text(hotlines.read_text().replace("verified_on: 2026-11-01", "verified_on: 2026-01-01"))
    result = run_phobien(root, "check")
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        "content/hotlines.yml:12:18: warning: hotline 111 was last verified on 01/01/2026, 325 days ago "
        "(limit: 180 days, hotline_max_age_days in site.yml); call it or check its source, then update verified_on"
    )
    assert run_phobien(root, "check", "--strict").returncode == 1


def test_a_second_check_remembers_and_an_edit_is_checked_again(tmp_path: Path) -> None:
    """The second check takes what the sanitiser found in unchanged bodies from the project's
    cache: the same messages, every one; a body edited since is checked again."""
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "invalid")
    first = run_phobien(root, "check")
    assert (root / ".phobien-cache/check/markup.bin").is_file()
    assert run_phobien(root, "check").stderr == first.stderr
    page = root / "content/materials/bao-ve-tre.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>x()</script>\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    again = run_phobien(root, "check").stderr.splitlines()
    found = f"content/materials/bao-ve-tre.vi.md:{line}:1: error: <script>: scripts are not allowed in content"
    assert found in again and found not in first.stderr
    assert set(first.stderr.splitlines()[:-1]) <= set(again)
    (root / ".phobien-cache/check/markup.bin").write_bytes(b"\x00damaged")
    assert run_phobien(root, "check").stderr.splitlines() == again


def test_kept_yaml_and_sentences_give_what_reading_again_gives(tmp_path: Path) -> None:
    """The check keeps each YAML document it read without a problem, and the long sentences of
    each body: a second check prints the same; a file changed since is read again, a file with
    a problem is never kept (its message stays exact), a damaged memo is ignored, and a
    hand-written page's title taken from its first heading follows the heading."""
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "invalid")
    page = root / "docs/gioi-thieu.vi.md"
    page.write_text("# Giới thiệu trang\n\nMột đoạn.\n", encoding="utf-8")
    first = run_phobien(root, "check").stderr
    for name in ("yaml.bin", "sentences.bin"):
        assert (root / ".phobien-cache/check" / name).is_file()
    assert run_phobien(root, "check").stderr == first
    hotlines = root / "content/hotlines.yml"
    text = hotlines.read_text(encoding="utf-8")
    hotlines.write_text(text.replace("    free: true\n", "    free: true\n    free: false\n", 1), encoding="utf-8")
    line = text.splitlines().index("    free: true") + 2
    duplicate = (
        f"content/hotlines.yml:{line}:5: error: duplicate key 'free' (first defined on line {line - 1}); "
        "keep one of them"
    )
    for _ in range(2):
        assert duplicate in run_phobien(root, "check").stderr.splitlines()
    hotlines.write_text(text, encoding="utf-8")
    for name in ("yaml.bin", "sentences.bin"):
        (root / ".phobien-cache/check" / name).write_bytes(b"\x00damaged")
    assert run_phobien(root, "check").stderr == first
    page.write_text("# Về chúng tôi\n\nMột đoạn.\n", encoding="utf-8")
    content, _ = check_content(root)
    assert {p.rel: p.meta.title for p in content.docs}["docs/gioi-thieu.vi.md"] == "Về chúng tôi"
