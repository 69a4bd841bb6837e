"""Diagnostics: every problem found in content, with the place it was found.

Printed as ``path:line:col: error: what is wrong; how to fix it`` so that editors and
IDEs can jump to the place. Lines and columns are 1-based.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one place."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Position:
    """Where something is: a file and a 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1


def _plain(rel: str) -> bool:
    """Whether ``rel`` is a relative path that pathlib would give back unchanged."""
    return bool(rel) and not (
        rel.startswith(("/", "./", "../"))
        or rel.endswith(("/", "/.", "/.."))
        or rel in (".", "..")
        or "//" in rel
        or "/./" in rel
        or "/../" in rel
    )


class Diagnostics:
    """An ordered collection of diagnostics, filled while reading the whole tree."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._resolved_root = root.resolve() if root is not None else None
        self._prefixes = tuple(
            "" if str(base) == "." else f"{str(base).rstrip('/')}/"
            for base in ((root, self._resolved_root) if root is not None and self._resolved_root is not None else ())
        )
        self.items: list[Diagnostic] = []
        self.folders: dict[str, str] = {}
        """Folders of the project as the file system resolves them (:func:`phobien.load.files.inside`)."""

    def rel(self, path: Path | str) -> str:
        text = os.fspath(path)
        for prefix in self._prefixes:
            # The common case, a plain path under the root as given, without pathlib.
            if text.startswith(prefix) and (prefix or not text.startswith("/")) and _plain(text[len(prefix) :]):
                return text[len(prefix) :]
        p = Path(path)
        if self.root is not None and self._resolved_root is not None:
            for base in (self.root, self._resolved_root):
                # Most paths are under the root as given: no need to ask the file system.
                if p.is_absolute() == base.is_absolute() and p.is_relative_to(base) and ".." not in p.parts:
                    return p.relative_to(base).as_posix()
            try:
                return p.resolve().relative_to(self._resolved_root).as_posix()
            except ValueError:
                pass
        return p.as_posix()

    def add(self, pos: Position, severity: Severity, message: str) -> None:
        self.items.append(Diagnostic(pos.path, pos.line, pos.col, severity, message))

    def error(self, pos: Position, message: str) -> None:
        self.add(pos, Severity.ERROR, message)

    def warning(self, pos: Position, message: str) -> None:
        self.add(pos, Severity.WARNING, message)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        return sorted(dict.fromkeys(self.items), key=lambda d: (d.path, d.line, d.col, d.message))

    def write(self, stream: TextIO) -> None:
        """Print every problem, one ``path:line:col: severity: message`` line each, in file order."""
        for d in self.sorted():
            print(d.format(), file=stream)

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}"


class LogCollector(logging.Handler):
    """Keeps the messages of warnings that libraries log (MkDocs, WeasyPrint) to report them our way."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
