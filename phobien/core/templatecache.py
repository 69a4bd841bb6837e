"""Compiled Jinja templates kept between runs in the project's cache folder
(``.phobien-cache/templates/``), so that a build compiles only the templates that changed.

Compiling the theme's and phobien's templates cost a build after a one-word edit more than a
second (each language's engine run and the staging compile them again). Jinja checks each
template's source against its kept code; what else the code depends on (the environment's
settings, the code of its filters and tests, which the compiler may call on constants, and
the versions of Jinja and the libraries) is the name of the folder (:func:`cache_key`). A
folder of another key is removed when its purpose gets a new one; a folder that cannot be
written only means nothing is kept.

Kept code is run: whoever can write ``.phobien-cache/`` can run code in a build (as with
Python's own ``__pycache__``). Do not restore this folder from an untrusted cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "autoescape",
    "finalize",
    "undefined",
    "sandboxed",
    "intercepted_binops",
    "intercepted_unops",
    "policies",
)
"""Environment attributes the compiled code depends on."""

_LIBRARIES = ("Jinja2", "MarkupSafe", "properdocs", "mkdocs", "mkdocs-material")


def _describe(value: Any) -> str:
    """A text that is the same in every process for the same setting (a function by its
    module, name and the values it closes over, not by its address)."""
    if callable(value) and hasattr(value, "__qualname__"):
        cells = [c.cell_contents for c in getattr(value, "__closure__", None) or ()]
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}{_describe(cells) if cells else ''}"
    if isinstance(value, dict):
        pairs = sorted((repr(k), _describe(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(map(_describe, value)) if isinstance(value, (set, frozenset)) else map(_describe, value)
        return "[" + ",".join(items) + "]"
    return repr(value)


def _source_of(function: Any) -> bytes:
    """The source file of the module that defines ``function`` (b"" when there is none)."""
    module = sys.modules.get(getattr(function, "__module__", "") or "")
    path = getattr(module, "__file__", None)
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b""


@cache
def _phobien_code() -> str:
    """phobien's Python files: its filters and what they call (a few milliseconds)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def cache_key(env: jinja2.Environment) -> str:
    """What code compiled in ``env`` depends on, besides each template's source: phobien's
    code, the libraries' versions, the environment's settings, filters and tests."""
    h = hashlib.sha256(f"{sys.version}\0{_phobien_code()}".encode())
    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"\0{name}=={metadata.version(name)}".encode())
    for name in _SETTINGS:
        h.update(f"\0{name}={_describe(getattr(env, name, None))}".encode())
    h.update(f"\0extensions={sorted(env.extensions)}".encode())
    sources: dict[str, bytes] = {}
    for kind, functions in (("filter", env.filters), ("test", env.tests)):
        for name in sorted(functions):
            function = functions[name]
            h.update(f"\0{kind}:{name}={_describe(function)}".encode())
            module = getattr(function, "__module__", "") or ""
            if module not in sources:
                sources[module] = _source_of(function)
    for module in sorted(sources):
        h.update(b"\0" + module.encode() + b"\0" + sources[module])
    return h.hexdigest()[:24]


class KeptTemplates(FileSystemBytecodeCache):
    """A bytecode cache in ``<root>/.phobien-cache/templates/<purpose>-<key>/``. The key is
    worked out when the first template is loaded, when every plugin has set up the environment."""

    def __init__(self, root: Path, purpose: str) -> None:
        super().__init__(directory="")
        self.root = root
        self._base = root / ".phobien-cache" / "templates"
        self._purpose = purpose
        self._ready = False

    def _prepare(self, env: jinja2.Environment) -> bool:
        if not self._ready:
            self._ready = True
            folder = self._base / f"{self._purpose}-{cache_key(env)}"
            try:
                if not folder.is_dir():
                    for old in self._base.glob(f"{self._purpose}-*"):
                        shutil.rmtree(old, ignore_errors=True)
                    folder.mkdir(parents=True, exist_ok=True)
                self.directory = str(folder)
            except OSError:
                self.directory = ""
        return bool(self.directory)

    def load_bytecode(self, bucket: Bucket) -> None:
        if self._prepare(bucket.environment):
            with contextlib.suppress(OSError):
                super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self._prepare(bucket.environment):
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)


def keep_compiled(env: jinja2.Environment, root: Path | None, purpose: str) -> None:
    """Keep the templates ``env`` compiles under ``root``'s cache folder (nothing when ``root``
    is None; an environment already keeping them there is left as it is)."""
    if root is None:
        return
    kept = env.bytecode_cache
    if not isinstance(kept, KeptTemplates) or kept.root != Path(root):
        env.bytecode_cache = KeptTemplates(Path(root), purpose)
