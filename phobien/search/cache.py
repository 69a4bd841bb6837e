"""Pages analysed by earlier builds, so that an incremental build indexes only the pages whose
HTML changed (:mod:`phobien.publish.reuse`): one file per language,
``.phobien-cache/search/<lang>.pickle``, mapping a digest of each page's address and HTML to
its :class:`~phobien.search.index.PageEntry` (or None: a page that is not searched).

The file is made and read only by phobien, in the project's own cache folder, like the other
caches there; an entry is used only under the same digest of phobien's search code, the
language, its synonyms and the kind of copy, so a change of any of them starts again. Only the
entries of the pages of the last build are kept."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from phobien.search.index import PageEntry

_CODE = Path(__file__).resolve().parent


def _version(lang: str, offline: bool, synonyms: list[list[str]] | None) -> str:
    h = hashlib.sha256(json.dumps([lang, offline, synonyms or []], ensure_ascii=False).encode("utf-8"))
    for path in sorted(_CODE.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


class PageCache:
    """The analysed pages of one language: :meth:`get` those of earlier builds, :meth:`keep`
    this build's, :meth:`save` once the index is written."""

    def __init__(self, folder: Path | None, lang: str, offline: bool, synonyms: list[list[str]] | None) -> None:
        self.path = folder / f"{lang}.pickle" if folder is not None else None
        self.version = _version(lang, offline, synonyms) if folder is not None else ""
        self.before: dict[str, PageEntry | None] = {}
        self.now: dict[str, PageEntry | None] = {}
        if self.path is not None and self.path.is_file():
            try:
                with self.path.open("rb") as f:
                    version, entries = pickle.load(f)
                if version == self.version and isinstance(entries, dict):
                    self.before = entries
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                self.before = {}  # damaged or of another layout: analyse every page again

    @staticmethod
    def key(rel: str, html: bytes) -> str:
        return hashlib.sha256(rel.encode("utf-8") + b"\0" + html).hexdigest()

    def get(self, key: str) -> tuple[bool, PageEntry | None]:
        """(found, entry) of the page with ``key``."""
        if key in self.before:
            return True, self.before[key]
        return False, None

    def keep(self, key: str, entry: PageEntry | None) -> None:
        if self.path is not None:
            self.now[key] = entry

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp-{os.getpid()}")
        with tmp.open("wb") as f:
            pickle.dump((self.version, self.now), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
