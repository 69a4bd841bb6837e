"""Faults of the machine and leftovers of killed builds; symlinks and bombs outside the table."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import REPO, make_project

os.environ.setdefault("PHOBIEN_TODAY", "2026-11-22")
MINIMAL = REPO / "tests" / "fixtures" / "minimal"


def _project(tmp_path: Path) -> Path:
    import shutil

    root = make_project(tmp_path / "p")
    shutil.rmtree(root / "content")
    shutil.rmtree(root / "docs")
    shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
    return root


def _phobien(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if args and args[0] == "build":
        args = ("build", "--preview", *args[1:])  # the fixture's base_url is an example address
    return subprocess.run(
        [sys.executable, "-m", "phobien", "--root", str(root), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _project(tmp_path_factory.mktemp("faults"))
    result = _phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    return root


def test_unwritable_cache_gives_one_line_and_keeps_site(built: Path) -> None:
    before = (built / "site" / "vi" / "index.html").read_bytes()
    cache = built / ".phobien-cache"
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    cache.write_text("not a folder")  # what a read-only or full disk does to the stage folder: OSError
    try:
        result = _phobien(built, "build", "--no-print")
    finally:
        cache.unlink()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("phobien build: failed: cannot write"), result.stderr[-2000:]
    assert last.endswith("The previous site/ was not changed.")
    assert (built / "site" / "vi" / "index.html").read_bytes() == before


def test_leftovers_of_killed_builds_are_removed(built: Path) -> None:
    for name in (".site.tmp-999999", ".site.old-999998"):
        (built / name / "vi").mkdir(parents=True)
    result = _phobien(built, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    # Removed by a process of their own, as is the site this build replaced: soon, not at once.
    deadline = time.monotonic() + 60
    while list(built.glob(".site.*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(built.glob(".site.tmp-*")) and not list(built.glob(".site.old-*"))


def test_symlinked_data_file_is_not_read(tmp_path: Path) -> None:
    root = _project(tmp_path)
    secret = tmp_path / "secret.yml"
    secret.write_text("hotlines: [SECRET-CONTENT]\n")
    (root / "content" / "hotlines.yml").unlink()
    (root / "content" / "hotlines.yml").symlink_to(secret)
    result = _phobien(root, "check")
    assert result.returncode == 1
    assert "content/hotlines.yml:1:1: error: 'content/hotlines.yml' is a symbolic link" in result.stderr
    assert "SECRET-CONTENT" not in result.stderr


def test_alias_bomb_in_a_data_file_is_refused_quickly(tmp_path: Path) -> None:
    root = _project(tmp_path)
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    (root / "content" / "topics.yml").write_text("\n".join(lines) + "\ntopics: *i\n")
    start = time.monotonic()
    result = _phobien(root, "check")
    assert time.monotonic() - start < 30
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/topics.yml:2:8: error: YAML alias '*a' is not allowed in content" in result.stderr
