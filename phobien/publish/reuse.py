"""What a build records of what it made, so that the next build into the same folder makes only
what changed (``phobien build``; ``--clean`` makes everything again).

The record (``.phobien-cache/build/<folder>.json``, written after the new site is in place) says:

- what the whole site was made from (:func:`inputs_digest`: the code and the versions of its
  libraries, the tree — ``content/``, ``docs/``, ``overrides/``, ``mkdocs.yml`` —, the options and
  the date): when nothing of it changed and the site's files are as the build left them (size and
  time of every file), the next build has nothing to do;
- per language, what the engine was given for every page (:func:`engine_digest`: the code, the
  engine, ``mkdocs.yml``, ``overrides/``, the language's settings — interface strings, menu,
  address) and, per staged page, a digest of everything its HTML is made from
  (:func:`page_digest`: its staged Markdown, title, description, layout and per-page data).
  Pages are decided in full by staging (:mod:`phobien.stage`) before the engine runs, so a page
  whose digest did not change renders to the same HTML: its file is reused. A list, audience or
  home page that mentions an edited page has a changed staged text and is rendered again.

Everything else (search index, QR codes from their cache, feeds, sitemaps, redirects, open
data, PDFs from their cache) is made again from the finished pages, as in a cold build, so
the output is the same, byte for byte, as a cold build of the same tree on the same date.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phobien.core.heap import collector_held
from phobien.stage import rawhtml
from phobien.stage.staged import Staged

FORMAT = 1
"""Version of the record's layout; a record of another version is ignored (a cold build)."""
STAMP = ".phobien-stamp"
"""File in the staged folder naming the record of the build that last wrote it."""


def page_digest(page: Staged, meta: dict[str, Any]) -> str:
    """Everything the engine is given for one page. The word that marks the templates' HTML is
    drawn anew for every build (:mod:`phobien.stage.rawhtml`) and never reaches the HTML, so it
    is left out."""
    head = json.dumps(
        [page.path, page.title, page.description, sorted(page.layout), page.kind, meta],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    h = hashlib.sha256(head.encode("utf-8"))
    h.update(b"\0")
    h.update(page.body.replace(rawhtml.TOKEN, "\0").encode("utf-8"))
    return h.hexdigest()


def engine_digest(common: str, settings: dict[str, Any], strict: bool) -> str:
    """What every page of a language is rendered with: ``common`` (:func:`frame_digest`) and the
    language's own settings."""
    text = json.dumps([common, settings, strict], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frame_digest(code: str, engine: str, root: Path) -> str:
    """The code, the engine and what frames every page: ``mkdocs.yml`` and ``overrides/``."""
    h = hashlib.sha256(f"{code}\0{engine}\0".encode())
    for name in ("mkdocs.yml", "overrides"):
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in files:
            h.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class LanguageRecord:
    engine: str
    """:func:`engine_digest` of the language."""
    pages: dict[str, str]
    """Staged path → :func:`page_digest`."""


@dataclass
class Record:
    inputs: str
    """:func:`inputs_digest` of the build."""
    stamp: str
    """The word written into the staged folder (:data:`STAMP`) when the build left it."""
    languages: dict[str, LanguageRecord]
    files: dict[str, tuple[int, int]]
    """Every file of the finished site, relative to it: (size, modification time in ns)."""
    report: str = ""
    """What the build printed about the content (its warnings), shown again when nothing changed."""
    summary: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _name(out: Path) -> str:
    return hashlib.sha256(str(out.resolve()).encode("utf-8")).hexdigest()[:16]


def record_path(root: Path, out: Path) -> Path:
    return root / ".phobien-cache" / "build" / f"{_name(out)}.json"


def search_cache(root: Path, out: Path) -> Path:
    """Where the search index keeps the pages it analysed for builds into ``out``."""
    return root / ".phobien-cache" / "search" / _name(out)


def link_cache(root: Path, out: Path) -> Path:
    """Where the link check keeps what it read of the pages of builds into ``out``."""
    return root / ".phobien-cache" / "links" / _name(out)


def read_record(root: Path, out: Path) -> Record | None:
    """The record of the last build into ``out``, or None (none, damaged, another version)."""
    path = record_path(root, out)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("out") != str(out.resolve()):
            return None
        return Record(
            data["inputs"],
            data["stamp"],
            {lang: LanguageRecord(v["engine"], dict(v["pages"])) for lang, v in data["languages"].items()},
            {rel: (int(size), int(mtime)) for rel, (size, mtime) in data["files"].items()},
            data.get("report", ""),
            data.get("summary", ""),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def forget(root: Path, out: Path) -> None:
    """Remove the record of ``out``: what is there is no longer what it describes."""
    record_path(root, out).unlink(missing_ok=True)


def write_record(root: Path, out: Path, record: Record) -> None:
    """Write the record next to the other caches; written whole, then renamed into place."""
    path = record_path(root, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "out": str(out.resolve()),
        "inputs": record.inputs,
        "stamp": record.stamp,
        "languages": {lang: {"engine": r.engine, "pages": r.pages} for lang, r in record.languages.items()},
        "files": record.files,  # (size, time) tuples are written as JSON arrays
        "report": record.report,
        "summary": record.summary,
    }
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def site_files(out: Path) -> dict[str, tuple[int, int]]:
    """(size, modification time) of every file under ``out``.

    The folders are read with :func:`os.scandir` and every file is looked at once (a stat that
    follows links, as before); folders that are links are listed as files are not, and not
    entered, as :func:`os.walk` does."""
    files: dict[str, tuple[int, int]] = {}
    folders = [(str(out), "")]
    with collector_held():
        _walk_site(folders, files)
    return files


def _walk_site(folders: list[tuple[str, str]], files: dict[str, tuple[int, int]]) -> None:
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if not entry.is_symlink():
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                st = entry.stat()
                files[prefix + entry.name] = (st.st_size, st.st_mtime_ns)


def intact(out: Path, files: dict[str, tuple[int, int]], rel: str) -> bool:
    """Whether ``out/rel`` is the file the recorded build left (same size and time)."""
    try:
        st = os.stat(out / rel)
    except OSError:
        return False
    return files.get(rel) == (st.st_size, st.st_mtime_ns)


def unchanged_site(out: Path, record: Record) -> bool:
    """Every file the recorded build left is there as it left it, and there is no other."""
    try:
        return site_files(out) == record.files
    except OSError:
        return False


TRUSTED_AFTER = 5_000_000_000
"""A remembered digest of a tree file is used only for a file last changed (mtime and ctime) this
many ns before the digest was taken; a file changed just before or while it was read is read
again next time, however coarse the file system's clock (2 s on FAT)."""


def tree_state(root: Path, names: tuple[str, ...]) -> str:
    """Digest of every file under ``root/<name>`` (its path, size and a digest of its bytes), for
    telling whether the tree changed since the last build; the same files as
    :func:`phobien.publish.artifact.tree_digest` (``__pycache__`` left out).

    A file's bytes are read again only if it is not the file whose digest was remembered (in
    ``.phobien-cache/tree.json``): same size, modification and change times (ns), inode and
    device. The change time (ctime) is what makes that safe: a write can keep the size and the
    modification time can be set back (``touch -d``, ``cp -p``, an archive unpacked), but any
    write or such setting moves the ctime to the present, and no program can set it. See
    :data:`TRUSTED_AFTER` for files changed while they are read."""
    memo_path = root / ".phobien-cache" / "tree.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        known: dict[str, list[Any]] = memo["files"] if memo.get("format") == FORMAT else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        known = {}
    now = time.time_ns()
    files: dict[str, list[Any]] = {}
    h = hashlib.sha256()
    with collector_held():
        found = sorted(_tree_files(root, names))
    for name, path, st in found:
        sig = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
        old = known.get(name)
        if isinstance(old, list) and old[:-1] == sig:
            digest = old[-1]
        else:
            with open(path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        if max(st.st_mtime_ns, st.st_ctime_ns) < now - TRUSTED_AFTER:
            files[name] = [*sig, digest]
        h.update(f"\0{name}\0{st.st_size}\0{digest}".encode())
    if files != known:
        try:
            memo_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = memo_path.with_suffix(f".tmp-{os.getpid()}")
            tmp.write_text(json.dumps({"format": FORMAT, "files": files}), encoding="utf-8")
            tmp.replace(memo_path)
        except OSError:
            pass  # a read-only project: the files are read again next time
    return h.hexdigest()


def _tree_files(root: Path, names: tuple[str, ...]) -> list[tuple[str, str, os.stat_result]]:
    """(name, path, stat) of the tree's files, as ``Path.rglob("*")`` and ``is_file()`` find them:
    linked folders are not entered, linked files count, ``__pycache__`` folders are left out."""
    found: list[tuple[str, str, os.stat_result]] = []
    folders: list[tuple[str, str]] = []
    for name in names:
        path = os.path.join(root, name)
        if "__pycache__" in Path(path).parts:
            continue
        if os.path.isfile(path):
            found.append((name, path, os.stat(path)))
        elif os.path.isdir(path):  # a linked folder named in the tree is entered, as rglob does
            folders.append((path, name))
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append((entry.path, f"{prefix}/{entry.name}"))
                elif entry.is_file():
                    found.append((f"{prefix}/{entry.name}", entry.path, entry.stat()))
    return found


def inputs_digest(code: str, tree: str, settings: dict[str, Any]) -> str:
    """What the whole site is made from: code, tree and the build's settings (options, date)."""
    text = json.dumps([code, tree, settings], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_stamp(stage: Path) -> str:
    try:
        return (stage / STAMP).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def new_stamp() -> str:
    return secrets.token_hex(8)
