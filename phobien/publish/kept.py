"""What a language job of a split build (``phobien build-language``) keeps for its next run:
a copy of the language's finished folder and what each page was made from, in
``.phobien-cache/languages/`` (the workflow restores it per language with ``actions/cache``).
The next job of that language renders only the pages whose inputs changed and takes the others
from the copy, as ``phobien build`` does from the previous site (:mod:`phobien.publish.reuse`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from phobien.publish import artifact as art
from phobien.publish.work import LanguageOutcome, LanguageWork
from phobien.stage.urls import html_path


def _record(kept: Path, lang: str) -> Path:
    return kept / f"{lang}.json"


def reuse_kept(kept: Path, work: LanguageWork) -> None:
    """Let ``work`` reuse the kept copy of its language, when there is one, whole, made with the
    same engine settings; a copy that is damaged or of another version is not used."""
    lang = work.job.lang
    folder = kept / lang
    try:
        data = json.loads(_record(kept, lang).read_text(encoding="utf-8"))
        if data.get("format") != art.FORMAT or data.get("rendered_with") != work.rendered_with:
            return
        if not work.rendered_with or art.folder_digest(folder) != data["files"]:
            return
        pages = {str(k): str(v) for k, v in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return
    directory_urls = not work.offline
    work.reusable = {path: d for path, d in pages.items() if (folder / html_path(path, directory_urls)).is_file()}
    work.reuse_dir = folder if work.reusable else None


def keep(kept: Path, finished: Path, outcome: LanguageOutcome, work: LanguageWork) -> None:
    """Replace the kept copy of the language by ``finished`` (hard links where possible)."""
    lang = outcome.lang
    folder, record = kept / lang, _record(kept, lang)
    record.unlink(missing_ok=True)  # first: a half-replaced copy is never taken for whole
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(finished, folder, copy_function=_link_or_copy)
    data = {
        "format": art.FORMAT,
        "rendered_with": work.rendered_with,
        "pages": outcome.digests,
        "files": art.folder_digest(folder),
    }
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
