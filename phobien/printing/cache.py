"""PDFs are slow to make: keep each one under a hash of everything that goes into it.

The key of a PDF covers its view (every text, hotline, interface string and address it shows),
the bytes of its content files, the print templates and CSS, the code that renders it, the
versions of the libraries that render it and the fonts installed. If none of these changed,
the cached file is copied instead of rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from importlib import metadata
from pathlib import Path

from phobien.printing.jobs import PrintJob

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "print"
CODE = Path(__file__).resolve().parent
LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools", "segno", "Markdown", "pymdown-extensions")
FORMAT = "1"
"""Change to invalidate every cached PDF."""


def _files_digest(folder: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob(pattern)):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def _fonts() -> str:
    """The installed fonts (a new Khmer font changes how leaflets look)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ""
    try:
        out = subprocess.run([fc_list, "--format", "%{file}|%{family}\n"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return hashlib.sha256("\n".join(sorted(out.stdout.splitlines())).encode()).hexdigest()


def fingerprint() -> str:
    """What every PDF depends on besides its own data."""
    parts = {
        "format": FORMAT,
        "templates": _files_digest(TEMPLATES, "*"),
        "code": _files_digest(CODE, "*.py"),
        "versions": _versions(),
        "fonts": _fonts(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def job_key(job: PrintJob, root: Path, common: str) -> str:
    """The cache key of ``job``: its kind, view and content files plus :func:`fingerprint`."""
    h = hashlib.sha256()
    h.update(common.encode() + b"\0" + job.kind.encode() + b"\0")
    h.update(json.dumps(job.view, sort_keys=True, ensure_ascii=False, default=str).encode())
    for rel in job.inputs:
        path = root / rel
        h.update(b"\0" + rel.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()[:32]


class Cache:
    """``<project>/.phobien-cache/print/<key>.pdf``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def prune(self, keep: set[str]) -> None:
        """Remove PDFs no current leaflet or poster uses, and leftovers of interrupted writes."""
        for path in self.folder.iterdir():
            if path.suffix == ".pdf" and path.stem in keep:
                continue
            try:
                if path.name.startswith(".") and time.time() - path.stat().st_mtime < 3600:
                    continue  # another build may be writing it right now
                path.unlink()
            except OSError:
                pass


def store(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` atomically (a concurrent build never sees half a file)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
