"""Results of slow, pure work on one piece of text, kept between runs in the project's cache
folder (``.phobien-cache/``), so that a run after an edit redoes only the work of what changed.

A :class:`Memo` maps a digest of everything the result depends on (the key) to the result,
under a version: a digest of the code that computes it and of the libraries it calls
(:func:`version_of`). A memo of another version, or a damaged one, is ignored (the work is
done again). Only the entries used by the last run are written back, so the file does not
grow with every edit.

The file is made and read only by phobien, with Python's ``marshal`` (built-in types only:
reading it runs no code), and written whole, then renamed into place. A folder that cannot be
written (a read-only checkout) only means nothing is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

MISSING: Any = object()
"""What :meth:`Memo.get` returns for a key it does not hold."""


def version_of(modules: list[ModuleType], distributions: list[str]) -> str:
    """A digest of the source files of ``modules``, the installed versions of ``distributions``
    and Python's version."""
    h = hashlib.sha256(sys.version.encode("utf-8"))
    for module in modules:
        if module.__file__:
            h.update(b"\0" + Path(module.__file__).read_bytes())
    for name in distributions:
        try:
            h.update(f"\0{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"\0{name}".encode())
    return h.hexdigest()


def key_of(*parts: str | int) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class Memo:
    """One file of results: :meth:`get` those of the last run, :meth:`put` this run's,
    :meth:`save` at the end of the run."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path
        self.version = version
        self.before: dict[str, Any] = {}
        self.now: dict[str, Any] = {}
        self.changed = False
        if path is None or not path.is_file():
            return
        try:
            with path.open("rb") as f:
                if marshal.load(f) == version:
                    self.before = marshal.load(f)
        except (OSError, EOFError, ValueError, TypeError):
            self.before = {}

    def get(self, key: str) -> Any:
        if key in self.now:
            return self.now[key]
        value = self.before.get(key, MISSING)
        if value is not MISSING:
            self.now[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.now[key] = value
        self.changed = True

    def save(self) -> None:
        """Write this run's entries, unless they are exactly the last run's (none put, none left out)."""
        if self.path is None or (not self.changed and len(self.now) == len(self.before)):
            return
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as f:
                marshal.dump(self.version, f)
                marshal.dump(self.now, f)
            tmp.replace(self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


_HELD: dict[str, Memo] = {}


@contextlib.contextmanager
def held(name: str, memo: Memo) -> Iterator[Memo]:
    """Within: :func:`holding` gives ``memo`` for ``name`` (to code deep in a call chain, such as
    the YAML reader, without a parameter through every caller); saved when the block ends."""
    _HELD[name] = memo
    try:
        yield memo
    finally:
        _HELD.pop(name, None)
    memo.save()


def holding(name: str) -> Memo | None:
    """The memo :func:`held` for ``name``, if a block holds one now."""
    return _HELD.get(name)
