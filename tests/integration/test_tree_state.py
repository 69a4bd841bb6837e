"""What tells a build that the tree changed (reuse.tree_state): the same files as the tree
digest, and an edit is seen even when the file keeps its size and its modification time."""

from __future__ import annotations

import json
import os
from pathlib import Path

from phobien.publish import reuse
from phobien.publish.artifact import TREE, _files


def _tree(root: Path) -> None:
    (root / "content" / "materials").mkdir(parents=True)
    (root / "content" / "materials" / "a.vi.md").write_text("Một câu.\n", encoding="utf-8")
    (root / "content" / "site.yml").write_text("name: x\n", encoding="utf-8")
    (root / "content" / "__pycache__").mkdir()
    (root / "content" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (root / "docs").mkdir()
    (root / "docs" / ".hidden.md").write_text("h\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")


def _age(root: Path, seconds: int = 3600) -> None:
    """Every file of the tree as if written an hour ago (its ctime stays the present)."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            os.utime(path, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


def test_the_same_files_as_the_tree_digest(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "overrides").mkdir()
    os.symlink(tmp_path / "content" / "site.yml", tmp_path / "overrides" / "linked.yml")
    os.symlink(tmp_path / "docs", tmp_path / "overrides" / "linked-folder")
    expected = {name for n in TREE if (tmp_path / n).exists() for name, _ in _files(tmp_path / n, n)}
    assert {name for name, _, _ in reuse._tree_files(tmp_path, TREE)} == expected


def test_an_edit_is_seen_though_size_and_mtime_are_kept(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path)
    monkeypatch.setattr(reuse, "TRUSTED_AFTER", 0)  # ctime is the present: trust at once here
    first = reuse.tree_state(tmp_path, TREE)
    memo = json.loads((tmp_path / ".phobien-cache" / "tree.json").read_text(encoding="utf-8"))
    assert "content/materials/a.vi.md" in memo["files"]
    assert reuse.tree_state(tmp_path, TREE) == first
    path = tmp_path / "content" / "materials" / "a.vi.md"
    st = path.stat()
    path.write_text("Một cây.\n", encoding="utf-8")  # same size in bytes
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    second = reuse.tree_state(tmp_path, TREE)
    assert second != first
    path.write_text("Một câu.\n", encoding="utf-8")
    assert reuse.tree_state(tmp_path, TREE) == first


def test_files_changed_just_now_are_read_again(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = reuse.tree_state(tmp_path, TREE)
    assert not (tmp_path / ".phobien-cache" / "tree.json").exists()  # every ctime is too recent
    assert reuse.tree_state(tmp_path, TREE) == first


def test_a_damaged_memo_is_ignored(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path)
    monkeypatch.setattr(reuse, "TRUSTED_AFTER", 0)
    first = reuse.tree_state(tmp_path, TREE)
    memo = tmp_path / ".phobien-cache" / "tree.json"
    memo.write_text("{not json", encoding="utf-8")
    assert reuse.tree_state(tmp_path, TREE) == first
    memo.write_text('{"format": 1, "files": {"content/site.yml": 3}}', encoding="utf-8")
    assert reuse.tree_state(tmp_path, TREE) == first
