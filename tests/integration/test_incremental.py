"""``phobien build`` after edits makes only what changed, and the site is the one a cold build
of the same tree makes, every file byte for byte.

One project is built again and again after a series of edits of the kinds editors make (change,
add, delete and rename a material, change an interface string, change a template of the theme
layer); after each, a copy of the project holds the same tree and is built cold (``--clean``)
into its own folder, and the two sites are compared file by file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien
from test_build import tree_digest

DATES = {"PHOBIEN_TODAY": "2026-11-20", "SOURCE_DATE_EPOCH": "1795000000"}
RENDERED = re.compile(r"\[(\w+)\] (\d+) HTML files \((\d+) rendered, the others unchanged\)")


@pytest.fixture
def dates(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in DATES.items():
        monkeypatch.setenv(name, value)


def _cold(project: Path, scratch: Path, warnings: str | None = None) -> Path:
    """The site a cold build makes of ``project``'s tree, in a copy that shares nothing with it;
    its warnings must be ``warnings`` (those of the other build) when given."""
    shutil.rmtree(scratch, ignore_errors=True)
    # Not the old sites either (".merged.old-<pid>"): they are being removed while this copies.
    leftovers = shutil.ignore_patterns(".phobien-cache", "site", ".site.*", ".*.old*-*", ".*.tmp-*")
    shutil.copytree(project, scratch, ignore=leftovers)
    result = run_phobien(scratch, "build", "--clean", "--no-print")
    assert result.returncode == 0, result.stderr
    if warnings is not None:
        assert _warnings(result.stderr) == _warnings(warnings)
    return scratch / "site"


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "warning:" in line]


def _build(project: Path) -> tuple[str, dict[str, tuple[int, int]]]:
    result = run_phobien(project, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    rendered = {m[0]: (int(m[1]), int(m[2])) for m in RENDERED.findall(result.stderr)}
    return result.stderr, rendered


def _same(site: Path, cold: Path) -> None:
    ours, theirs = tree_digest(site), tree_digest(cold)
    assert ours.keys() == theirs.keys(), (sorted(ours.keys() - theirs.keys()), sorted(theirs.keys() - ours.keys()))
    differ = sorted(name for name in ours if ours[name] != theirs[name])
    assert not differ, differ


@pytest.mark.usefixtures("dates")
def test_builds_after_edits_are_the_cold_builds_of_the_same_tree(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "minimal", FIXTURES / "three-languages")
    scratch = tmp_path / "cold"
    materials = project / "content" / "materials"

    first, rendered = _build(project)
    assert not rendered, first  # nothing to reuse yet: every page is rendered
    _same(project / "site", _cold(project, scratch))

    def edit(what: str) -> dict[str, tuple[int, int]]:
        stderr, rendered = _build(project)
        assert "nothing changed" not in stderr, what
        _same(project / "site", _cold(project, scratch, stderr))
        return rendered

    # Change the text of a material: its page in each language is made again, not the others.
    search = project / "site" / "vi" / "search"
    before = {p.name: p.stat().st_ino for p in search.glob("*.js")}
    page = materials / "quyen-tre-em.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột câu mới về quyền của trẻ em.\n", encoding="utf-8")
    rendered = edit("change")
    assert set(rendered) == {"vi", "en", "km"}, rendered
    assert all(made < total for total, made in rendered.values()), rendered
    # The search files whose text did not change are the previous build's files (hard links).
    after = {p.name: p.stat().st_ino for p in search.glob("*.js")}
    same = {name for name in after if before.get(name) == after[name]}
    assert same and "manifest.js" not in same and len(same) < len(after), (len(same), len(after))
    # The index was patched with the edited page (phobien/search/patch.py), not built anew: the
    # shards of its words are new files, the cold build above has the same bytes.
    assert any(name.startswith("w") for name in after.keys() - same), sorted(after.keys() - same)
    assert len(list((project / ".phobien-cache" / "search").glob("*/vi.index"))) == 1

    # Links are checked again on pages that were not made again: a page that is not edited links
    # to one that is renamed below, and to a heading that is not there.
    kept = materials / "bao-ve-tre.en.md"
    kept.write_text(
        kept.read_text(encoding="utf-8")
        + '\n<a href="../quyen-tre-em/">Rights</a> <a href="../quyen-tre-em/#nowhere">There</a>'
        + ' <a href="../quyen-tre-em/#the-right-to-protection">Protection</a>\n',
        encoding="utf-8",
    )
    stderr, _ = _build(project)
    assert "leads to a page without the heading or anchor '#nowhere'" in stderr, stderr
    assert "'#the-right-to-protection'" not in stderr, stderr
    _same(project / "site", _cold(project, scratch, stderr))

    # The heading that page links to is renamed: the page is not made again, its links are
    # checked again (against the new ids), as a cold build checks them.
    linked = materials / "quyen-tre-em.en.md"
    text = linked.read_text(encoding="utf-8")
    linked.write_text(text.replace("## The right to protection", "## The right to be protected"), encoding="utf-8")
    stderr, rendered = _build(project)
    assert rendered["en"][1] < rendered["en"][0], rendered
    broken = "bao-ve-tre/index.html leads to a page without the heading or anchor '#the-right-to-protection'"
    assert broken in stderr, stderr
    _same(project / "site", _cold(project, scratch, stderr))
    linked.write_text(text, encoding="utf-8")

    # Add a material, then delete another, then rename one (a new address, the old one gone).
    new = materials / "tro-giup-phap-ly.vi.md"
    new.write_text(
        (materials / "quyen-tre-em.vi.md").read_text(encoding="utf-8").replace("title:", "title: Trợ giúp —", 1),
        encoding="utf-8",
    )
    edit("add")
    (materials / "bao-ve-tre.km.md").unlink()
    edit("delete")
    for lang in ("vi", "en"):
        text = (materials / f"quyen-tre-em.{lang}.md").read_text(encoding="utf-8")
        (materials / f"quyen-cua-tre.{lang}.md").write_text(text.replace("quyen-tre-em.vi.md", "quyen-cua-tre.vi.md"))
        (materials / f"quyen-tre-em.{lang}.md").unlink()
    stderr = _build(project)[0]
    _same(project / "site", _cold(project, scratch, stderr))
    assert not (project / "site" / "vi" / "materials" / "quyen-tre-em").exists()
    assert "the link '../quyen-tre-em/' on /en/materials/bao-ve-tre/index.html leads to no page" in stderr, stderr

    # An interface string of one language: that language's pages are made again.
    strings = project / "content" / "i18n" / "en.yml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace("quick_exit: Quick exit", "quick_exit: Leave now"), encoding="utf-8"
    )
    rendered = edit("UI string")
    assert "en" not in rendered and {"vi", "km"} <= set(rendered), rendered
    assert "Leave now" in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")

    # A template of the theme layer frames every page.
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    edit("template")


@pytest.mark.usefixtures("dates")
def test_a_build_with_nothing_changed_leaves_the_site_and_clean_builds_all(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "minimal")
    _build(project)
    site = project / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    stderr, _ = _build(project)
    assert "nothing changed since the last build" in stderr, stderr
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before

    # A file of the site changed by hand: that page is made again, the site is whole again.
    material = site / "vi" / "materials" / "bao-ve-tre" / "index.html"
    material.write_text("damaged", encoding="utf-8")
    stderr, rendered = _build(project)
    assert "nothing changed" not in stderr and rendered, stderr
    _same(site, _cold(project, tmp_path / "cold"))

    clean = run_phobien(project, "build", "--no-print", "--clean")
    assert clean.returncode == 0 and not RENDERED.search(clean.stderr), clean.stderr
    assert os.path.getsize(material) > 1000


@pytest.mark.usefixtures("dates")
def test_a_language_job_renders_only_what_changed_from_its_kept_copy(tmp_path: Path) -> None:
    """``phobien build-language`` keeps a copy of its output in .phobien-cache/languages/ (the
    workflow restores it per language); after an edit and a new stage, the next job of that
    language renders only the changed pages, and the merged site is the one of ``phobien build``."""
    trees = (FIXTURES / "minimal", FIXTURES / "three-languages")
    project = make_project(tmp_path / "project", *trees)

    def jobs() -> str:
        shutil.rmtree(project / "staged", ignore_errors=True)
        shutil.rmtree(project / "languages", ignore_errors=True)
        staged, languages = str(project / "staged"), str(project / "languages")
        assert run_phobien(project, "stage", "--preview", "--no-print", "--out", staged).returncode == 0
        langs = [f"--language={x}" for x in ("vi", "en", "km")]
        made = run_phobien(project, "build-language", "--staged", staged, *langs, "--out", languages)
        assert made.returncode == 0, made.stderr
        merged = run_phobien(
            project, "merge", "--staged", staged, "--languages", languages, "--out", str(project / "merged")
        )
        assert merged.returncode == 0, merged.stderr
        return made.stderr

    assert not RENDERED.search(jobs())  # nothing kept yet
    assert (project / ".phobien-cache" / "languages" / "vi.json").is_file()
    page = project / "content" / "materials" / "bao-ve-tre.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nGọi 111 bất cứ lúc nào.\n", encoding="utf-8")
    rendered = {m[0]: (int(m[1]), int(m[2])) for m in RENDERED.findall(jobs())}
    assert set(rendered) == {"vi", "en", "km"} and all(made < total for total, made in rendered.values()), rendered
    _same(project / "merged", _cold(project, tmp_path / "cold"))

    # A kept copy changed by hand is not used: every page is rendered again.
    (project / ".phobien-cache" / "languages" / "vi" / "index.html").write_text("damaged", encoding="utf-8")
    again = jobs()
    assert "[vi] " in again and not any(m[0] == "vi" for m in RENDERED.findall(again)), again


def _ended_pid() -> int:
    """The id of a process that has ended."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(ended.stdout)


def _leftovers(project: Path, seconds: float = 60) -> list[str]:
    """What is left next to the site once the removals under way are done (or ``seconds`` passed)."""
    deadline = time.monotonic() + seconds
    while list(project.glob(".site.*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    return sorted(p.name for p in project.glob(".site.*"))


@pytest.mark.usefixtures("dates")
def test_the_replaced_site_and_interrupted_removals_are_removed(tmp_path: Path) -> None:
    """The site a build replaces is removed by another process, after the new one is in place;
    what an interrupted build or removal left is removed by the next build."""
    project = make_project(tmp_path / "project", FIXTURES / "minimal")
    _build(project)
    pid = _ended_pid()
    half = project / f".site.old-{pid}"  # a removal stopped half-way
    shutil.copytree(project / "site" / "vi", half / "vi")
    (project / f".site.tmp-{pid}" / "vi").mkdir(parents=True)  # a build killed half-way
    other = project / ".site.old-x"  # not a name phobien gives: left alone
    other.mkdir()
    page = project / "content" / "materials" / "bao-ve-tre.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    stderr, rendered = _build(project)
    assert rendered, stderr
    _same(project / "site", _cold(project, tmp_path / "cold"))
    other.rmdir()
    assert _leftovers(project) == []
