"""Shared fixtures: real content trees copied into a temporary project folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Every test sees the same "today", in this process and in the phobien commands it runs.
os.environ["PHOBIEN_TODAY"] = "2026-11-22"

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(dest: Path, *trees: Path, bundled: bool = False) -> Path:
    """A project folder: the repository's engine files plus content trees laid over each other."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", dest / "overrides")
    if bundled:
        shutil.copytree(REPO / "content", dest / "content")
        shutil.copytree(REPO / "docs", dest / "docs")
    for tree in trees:
        shutil.copytree(tree, dest, dirs_exist_ok=True)
    return dest


def run_phobien(root: Path, *args: str, publish: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as an editor would. The fixtures' base_url is an example
    address, so a build is a preview (``--preview``) unless ``publish`` asks for the real thing."""
    if args and args[0] == "build" and not publish:
        args = ("build", "--preview", *args[1:])
    return subprocess.run(
        [sys.executable, "-m", "phobien", "--root", str(root), *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", FIXTURES / "minimal")


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content of the repository, built once for the session."""
    root = make_project(tmp_path_factory.mktemp("bundled") / "project", bundled=True)
    result = run_phobien(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("minimal") / "project", FIXTURES / "minimal")
    result = run_phobien(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def serve_folder(folder: Path):  # type: ignore[no-untyped-def]
    """Start a static server on 127.0.0.1 for ``folder``; returns (process, base URL)."""

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    wait_until_up(base)
    return proc, base


def wait_until_up(url: str, seconds: float = 10.0) -> None:
    """Wait until a server we started answers at ``url`` (any HTTP status counts)."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
