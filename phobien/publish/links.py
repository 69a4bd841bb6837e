"""Every internal link and anchor of the built site must resolve.

Runs on the finished HTML (so it checks what readers get, whoever generated the link) before
the new site is swapped in. A broken link is a warning; ``--strict`` makes it fail the build.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from phobien.core.diagnostics import Diagnostics, Position

_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_ID = 'id="'
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # other sites, tel:, mailto:


@lru_cache(maxsize=1 << 14)
def _parts(href: str) -> tuple[str, str, str]:
    """The path of ``href`` (unquoted), what it was written as, and its fragment (unquoted);
    kept: the same links are on every page (menus, footers)."""
    parts = urlsplit(href)
    return unquote(parts.path), parts.path, unquote(parts.fragment)


def _target(page: str, href: str, dirs: set[str]) -> tuple[str | None, str]:
    path, written, fragment = _parts(href)
    if not written:
        return page, fragment
    if written.startswith("/"):
        return None, fragment  # root-relative links do not survive a copy to a sub-folder or a USB stick
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if written.endswith("/") or resolved in dirs:
        resolved = posixpath.join(resolved, "index.html")
    return resolved, fragment


def _ids_in(text: str) -> frozenset[str]:
    """The values of ``id="…"`` attributes, as the pattern ``\\bid="([^"]+)"`` finds them, but
    by finding the literal (the pattern's ``\\b`` made it try every position: ten times slower)."""
    found: list[str] = []
    at = text.find(_ID)
    while at >= 0:
        before = text[at - 1] if at else " "
        end = text.find('"', at + len(_ID))
        if end < 0:
            break
        if before.isalnum() or before == "_" or end == at + len(_ID):  # not at a word's start, or empty
            at = text.find(_ID, at + 1)
            continue
        found.append(text[at + len(_ID) : end])
        at = text.find(_ID, end + 1)
    return frozenset(found)


@cache
def _ids(path: str) -> frozenset[str]:
    """The ids of a page (a page of another language is not checked until it exists)."""
    return _ids_in(Path(path).read_text(encoding="utf-8", errors="replace"))


@lru_cache(maxsize=4)
def _text_ids(text: str) -> frozenset[str]:
    """The ids of the page being checked (its links to its own headings are many)."""
    return _ids_in(text)


def _lacks(target: str, fragment: str, page: str, text: str) -> bool:
    """Whether the page ``target`` exists and has no element with the id ``fragment`` (the
    page being checked, ``page``, is read from its ``text``)."""
    if target == page:
        return fragment not in _text_ids(text)
    return Path(target).is_file() and fragment not in _ids(target)


def scan(folder: Path) -> tuple[set[str], set[str]]:
    """Every file and every folder under ``folder`` (absolute POSIX paths)."""
    files: set[str] = set()
    dirs: set[str] = {folder.as_posix()}
    for path in folder.rglob("*"):
        (dirs if path.is_dir() else files).add(path.as_posix())
    return files, dirs


def folders_of(files: set[str]) -> set[str]:
    """The folders holding ``files`` (for links to a folder written without its final '/')."""
    return {f.rpartition("/")[0] for f in files}


def html_pages(files: set[str]) -> list[str]:
    """The pages to check among ``files``; 404 pages are served at any address, so their links
    are root-relative on purpose."""
    return sorted(f for f in files if f.endswith(".html") and not f.endswith("/404.html"))


def report_broken(found: list[tuple[str, str, str]], sources: dict[str, str], diags: Diagnostics) -> None:
    """One warning per broken link, at the content file the page came from."""
    for rel, href, problem in found:
        source = sources.get(rel, f"site/{rel}")
        diags.warning(Position(source), f"the link '{href}' on /{rel} {problem}")


def check_pages(
    site: Path,
    names: list[str],
    files: set[str],
    dirs: set[str],
    later: tuple[str, ...] = (),
    deferred: list[tuple[str, str, str]] | None = None,
) -> list[tuple[str, str, str]]:
    """(page, link, problem) for every broken link of the pages ``names`` (absolute paths),
    given every file and folder the site has (or will have). Links into folders starting with
    one of ``later`` (written after the pages: leaflets) that do not exist yet are added to
    ``deferred`` as (page, link, target) instead, for :func:`check_deferred`."""
    _ids.cache_clear()
    broken: list[tuple[str, str, str]] = []
    for name in names:
        rel = Path(name).relative_to(site).as_posix()
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        for href in dict.fromkeys(_LINK.findall(text)):
            if not href or _SKIP.match(href):
                continue
            target, fragment = _target(name, href, dirs)
            problem = None
            if target is None:
                problem = "starts with '/'; use a relative link so that copies of the site keep working"
            elif target not in files:
                if later and deferred is not None and target.startswith(later):
                    deferred.append((rel, href, target))
                    continue
                problem = "leads to no page"
            elif fragment and target.endswith(".html") and _lacks(target, fragment, name, text):
                problem = f"leads to a page without the heading or anchor '#{fragment}'"
            if problem:
                broken.append((rel, href, problem))
    return broken


def check_deferred(deferred: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The links of :func:`check_pages` that had to wait, now that their targets are written."""
    return [(rel, href, "leads to no page") for rel, href, target in deferred if not Path(target).is_file()]
