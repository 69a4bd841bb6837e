"""The folders that the jobs of a split build pass to each other (:mod:`phobien.publish.split`).

Plain files only, and no absolute path in any of them, so that every job can run in its own
clean copy of the project at any path (a CI runner, another machine):

- the **staged artifact** (``phobien stage --out staged``): ``phobien-stage.json`` (what made it:
  the code and tree digests, the date and options of the build, every page's address and title),
  ``stage/<lang>/`` (the staged Markdown the engine renders) with ``stage/<lang>.phobien-pages.json``,
  and ``languages/<lang>.json`` (the rest of that language's job: engine settings, feed, QR codes,
  the files the other jobs write), with every path relative to the site or the staged folder;
- a **language output** (``phobien build-language --out languages``): ``<lang>/`` (the finished
  language folder) and ``phobien-<lang>.json`` (its result: warnings and the links that only the
  merge can check, relative to the site).

A job refuses an artifact made by other code or from another tree: its output would not be
the site that one machine builds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import phobien
from phobien.engine.base import LanguageJob
from phobien.publish.work import LanguageWork, page_digests
from phobien.stage.staged import Staged

FORMAT = 2
"""Version of the layout below; raised when it changes."""
MANIFEST = "phobien-stage.json"
STAGE = "stage"
LANGUAGES = "languages"
TREE = ("content", "docs", "overrides", "mkdocs.yml")
"""What the site is made from, besides the code: its digest is recorded in every artifact."""


class ArtifactError(Exception):
    """An artifact that cannot be used; ``str()`` is a one-line ``path:1:1: error: …`` message."""


def shown(path: Path) -> str:
    """``path`` as the user wrote it: relative to the current folder when under it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def refuse(path: Path, message: str) -> ArtifactError:
    return ArtifactError(f"{shown(path)}:1:1: error: {message}")


def _digest(files: Iterable[tuple[str, Path]], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode("utf-8"))
    for name, path in sorted(files):
        h.update(f"\0{name}\0{path.stat().st_size}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _files(folder: Path, prefix: str) -> list[tuple[str, Path]]:
    if folder.is_file():
        return [(prefix, folder)]
    return [
        (f"{prefix}/{p.relative_to(folder).as_posix()}", p)
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]


def code_digest() -> str:
    """phobien's own files (code, templates) and the versions of the libraries it requires."""
    versions = []
    try:
        for requirement in metadata.requires("phobien") or []:
            name = re.split(r"[^A-Za-z0-9._-]", requirement.strip(), maxsplit=1)[0]
            try:
                versions.append(f"{name}=={metadata.version(name)}")
            except metadata.PackageNotFoundError:
                continue  # an optional library that is not installed here
    except metadata.PackageNotFoundError:
        pass  # run from a source folder without being installed: the files alone count
    return _digest(_files(Path(phobien.__file__).parent, "phobien"), "\n".join(sorted(versions)))


def tree_digest(root: Path) -> str:
    """The project's content, hand-written pages, theme layer and mkdocs.yml."""
    return _digest(f for name in TREE if (root / name).exists() for f in _files(root / name, name))


def relative(path: str | Path, base: Path) -> str:
    """``path`` (under ``base``) relative to it; a trailing '/' is kept."""
    text, start = Path(path).as_posix() + ("/" if str(path).endswith("/") else ""), base.as_posix()
    if text == start:
        return ""
    if not text.startswith(start + "/"):
        raise ValueError(f"{text} is not under {start}")
    return text[len(start) + 1 :]


def rebase(rel: str, base: Path) -> str:
    """A path made by :func:`relative`, under ``base`` (absolute, POSIX)."""
    return f"{base.as_posix()}/{rel}" if rel else base.as_posix()


@dataclass
class Manifest:
    """What ``phobien-stage.json`` says: what made the artifact and every page's address."""

    code: str
    tree: str
    engine: str
    today: dt.date
    offline: bool
    strict: bool
    print_: bool
    raw_token: str
    source_date_epoch: int
    """When the build ran, for what the engine dates itself (SOURCE_DATE_EPOCH, the reproducible-builds
    convention: MkDocs's ``lastmod`` in each language's sitemap.xml and its .gz headers): the stage's
    time (or its SOURCE_DATE_EPOCH), so that jobs run later make what one machine makes at once."""
    """The word that marks the templates' HTML in the staged Markdown (:mod:`phobien.stage.rawhtml`)."""
    pages: dict[str, list[Staged]]
    """Per language, in order: the pages (address, title, old addresses, fallback, source; no body)."""
    digests: dict[str, str]
    """Per language, :func:`staged_digest` of what the stage wrote for it."""
    identity: str = ""
    """Digest of the manifest file: the language outputs name the artifact they were built from."""

    @property
    def languages(self) -> list[str]:
        return list(self.pages)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "made_by": "phobien stage",
            "code": self.code,
            "tree": self.tree,
            "engine": self.engine,
            "today": self.today.isoformat(),
            "offline": self.offline,
            "strict": self.strict,
            "print": self.print_,
            "raw_token": self.raw_token,
            "source_date_epoch": self.source_date_epoch,
            "languages": self.languages,
            "pages": {
                lang: [[p.path, p.title, p.aliases, p.fallback, p.source] for p in pages]
                for lang, pages in self.pages.items()
            },
            "digests": self.digests,
        }


def write_json(path: Path, data: Any) -> bytes:
    """Write ``data`` as UTF-8 JSON (the same bytes for the same data); returns the bytes."""
    raw = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8") + b"\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


def read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        raise refuse(path, f"there is no such file; {what}") from None
    except (OSError, ValueError) as exc:
        raise refuse(path, f"cannot be read ({type(exc).__name__}: {exc}); {what}") from None


def read_manifest(folder: Path, root: Path) -> Manifest:
    """The manifest of the staged artifact ``folder``, after checking that it was made by this
    code from this tree (``root``). Raises :class:`ArtifactError`."""
    path = folder / MANIFEST
    again = "make it again with 'phobien stage --out FOLDER' and pass that folder"
    data = read_json(path, f"the folder is not a staged artifact; {again}")
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("made_by") != "phobien stage":
        raise refuse(path, f"not a staged artifact of this version of phobien (format {FORMAT}); {again}")
    code = code_digest()
    if data.get("code") != code:
        raise refuse(
            path,
            f"staged by another version of phobien (code {str(data.get('code'))[:12]}, here {code[:12]}); "
            f"install the same version in every job, or {again}",
        )
    tree = tree_digest(root)
    if data.get("tree") != tree:
        raise refuse(
            path,
            f"staged from other content (content/, docs/, overrides/, mkdocs.yml: {str(data.get('tree'))[:12]}, "
            f"here {tree[:12]} in {shown(root)}); check out the same commit in every job, or {again}",
        )
    try:
        return _manifest(data, hashlib.sha256(path.read_bytes()).hexdigest())
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(path, f"damaged ({type(exc).__name__}: {exc}); {again}") from None


def _manifest(data: dict[str, Any], identity: str) -> Manifest:
    pages = {
        lang: [Staged(p, t, "", aliases=list(a), fallback=bool(f), source=s) for p, t, a, f, s in items]
        for lang, items in data["pages"].items()
    }
    return Manifest(
        data["code"],
        data["tree"],
        data["engine"],
        dt.date.fromisoformat(data["today"]),
        bool(data["offline"]),
        bool(data["strict"]),
        bool(data["print"]),
        str(data["raw_token"]),
        int(data["source_date_epoch"]),
        pages,
        {str(k): str(v) for k, v in data["digests"].items()},
        identity,
    )


def staged_digest(folder: Path, lang: str) -> str:
    """Every file the stage wrote for ``lang``: its staged folder, what the engine wrote beside it
    (``stage/<lang>.*``) and its work (``languages/<lang>.json``)."""
    stage = folder / STAGE
    files = [
        f
        for p in (stage.iterdir() if stage.is_dir() else [])
        if p.name == lang or p.name.startswith(f"{lang}.")
        for f in _files(p, f"{STAGE}/{p.name}")
    ]
    work = folder / LANGUAGES / f"{lang}.json"
    return _digest([*files, *([(f"{LANGUAGES}/{lang}.json", work)] if work.is_file() else [])])


def folder_digest(folder: Path) -> str:
    """Every file under ``folder`` (a language's output)."""
    return _digest(_files(folder, "") if folder.is_dir() else [])


def work_json(work: LanguageWork, site: Path, stage_dir: Path) -> dict[str, Any]:
    """A language's work as plain data, every path relative to the site or the staged folder."""
    job = work.job
    return {
        "job": {
            "engine": job.engine,
            "lang": job.lang,
            "stage_dir": relative(job.stage_dir, stage_dir),
            "out_dir": relative(job.out_dir, site),
            "site_name": job.site_name,
            "settings": job.settings,
            "strict": job.strict,
        },
        "site_name": work.site_name,
        "extra_files": work.extra_files,
        "qr": [[url, relative(target, site)] for url, target in work.qr],
        "offline": work.offline,
        "outside_files": sorted(relative(f, site) for f in work.outside_files),
        "later": [relative(f, site) for f in work.later],
        "rendered_with": work.rendered_with,
        "digests": page_digests(work),
    }


def work_from_json(data: dict[str, Any], root: Path, stage_dir: Path, site: Path) -> LanguageWork:
    """:func:`work_json` read back, every path rebased on this job's folders."""
    j = data["job"]
    job = LanguageJob(
        j["engine"],
        j["lang"],
        root.resolve(),
        Path(rebase(j["stage_dir"], stage_dir)),
        Path(rebase(j["out_dir"], site)),
        j["site_name"],
        j["settings"],
        j["strict"],
    )
    return LanguageWork(
        job=job,
        pages=[],  # written to the staged folder by `phobien stage`
        meta={},
        site_name=data["site_name"],
        extra_files=data["extra_files"],
        qr=[(url, rebase(rel, site)) for url, rel in data["qr"]],
        qr_cache=root / ".phobien-cache" / "qr",
        offline=data["offline"],
        outside_files={rebase(f, site) for f in data["outside_files"]},
        later=tuple(rebase(f, site) for f in data["later"]),
        rendered_with=data["rendered_with"],
        digests=dict(data["digests"]),
    )
