"""Putting a finished site in place of the previous one, atomically, and removing the previous
one without making the build wait for it.

A build writes the new site next to the old one (``.site.tmp-<pid>``), then two renames put it
in place: the old site becomes ``.site.old-<pid>`` and the new one ``site``. Readers see the
old site or the new one, never a mix. Removing the old one (a folder per page: thousands of
files and folders) took a build after a one-word edit more than a second, and much more on a
busy disk; a separate process does it while the build reports its result
(:func:`remove_later`). That process first renames the folder to its own name
(``.site.old-<its pid>``), so that a folder named after a process that no longer runs is always
a leftover: a build killed half-way, or a removal interrupted. The next build removes those
(:func:`remove_leftovers`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_REMOVE = """
import os, shutil, sys
os.nice(19)  # after whatever the machine does next (the next build, a server)
prefix, paths = sys.argv[1], sys.argv[2:]
for path in paths:
    mine = path
    for k in range(100):
        name = f"{prefix}{k or ''}-{os.getpid()}"
        if not os.path.lexists(name):
            try:
                os.rename(path, name)
                mine = name
            except OSError:
                pass
            break
    shutil.rmtree(mine, ignore_errors=True)
"""
"""What the removing process runs: each folder renamed to the process's own name, then removed."""

_REMOVERS: list[subprocess.Popen[bytes]] = []
"""Removing processes started by this one (polled so that none is left a zombie in a long-running
``phobien serve``)."""


def swap(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` with two renames, so readers never see a half-built site; the
    old site is removed in the background (:func:`remove_later`)."""
    old = _aside(out) if out.exists() else None
    if old is not None:
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        remove_later(out, [old])


def _aside(out: Path) -> Path:
    """A free name for the old site: ``.site.old-<pid>`` (``.site.old1-<pid>``, … while an
    earlier one of this process is still there)."""
    for k in range(1000):
        old = out.parent / f".{out.name}.old{k or ''}-{os.getpid()}"
        if not os.path.lexists(old):
            return old
    raise OSError(f"too many old copies of {out} are waiting to be removed")


def remove_leftovers(out: Path) -> None:
    """Remove what killed builds and interrupted removals left next to ``out``
    (``.site.tmp-<pid>``, ``.site.old-<pid>`` of processes that no longer run)."""
    gone = []
    for p in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = p.name.removeprefix(f".{out.name}.").partition("-")
        if kind.rstrip("0123456789") not in ("tmp", "old") or not pid.isdigit():
            continue
        if (kind == "tmp" and int(pid) == os.getpid()) or not _running(int(pid)):
            # Renamed here first: this build's own folder may get the name a leftover had.
            aside = _aside(out)
            try:
                p.rename(aside)
            except OSError:
                continue
            gone.append(aside)
    if gone:
        remove_later(out, gone)


def remove_later(out: Path, folders: Sequence[Path]) -> None:
    """Remove ``folders`` (next to ``out``) in a separate process that outlives this one; here,
    at once, where no such process can be started."""
    global _REMOVERS
    _REMOVERS = [p for p in _REMOVERS if p.poll() is None]
    prefix = str(out.parent / f".{out.name}.old")
    if os.name == "posix":
        try:
            _REMOVERS.append(
                subprocess.Popen(
                    [sys.executable, "-I", "-S", "-c", _REMOVE, prefix, *map(str, folders)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # not stopped with the build by Ctrl-C
                )
            )
            return
        except OSError:
            pass
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
