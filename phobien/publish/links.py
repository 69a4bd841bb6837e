"""Every internal link and anchor of the built site must resolve.

Runs on the finished HTML (so it checks what readers get, whoever generated the link) before
the new site is swapped in. A broken link is a warning; ``--strict`` makes it fail the build.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.memo import MISSING, Memo, key_of, version_of

_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_ID = 'id="'
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # other sites, tel:, mailto:


@lru_cache(maxsize=1 << 14)
def _parts(href: str) -> tuple[str, str, str]:
    """The path of ``href`` (unquoted), what it was written as, and its fragment (unquoted);
    kept: the same links are on every page (menus, footers)."""
    parts = urlsplit(href)
    return unquote(parts.path), parts.path, unquote(parts.fragment)


Link = tuple[str, str | None, str, bool]
"""One link of a page: (as written, its target relative to the site — "" for the site's own
folder, an absolute path outside it, None for a root-relative link —, its fragment, whether it
was written as a folder, with a final '/')."""


def _links(site: str, page: str, text: str) -> list[Link]:
    """The links of ``page`` (an absolute path under ``site``) to check, resolved: what depends
    only on the page's text (the folders of the site are looked at by :func:`_target`)."""
    found: list[Link] = []
    own = page[len(site) + 1 :]
    for href in dict.fromkeys(_LINK.findall(text)):
        if not href or _SKIP.match(href):
            continue
        path, written, fragment = _parts(href)
        if not written:
            found.append((href, own, fragment, False))
        elif written.startswith("/"):
            found.append((href, None, fragment, False))  # root-relative: never survives a copy
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            rel = "" if resolved == site else resolved.removeprefix(site + "/")
            found.append((href, rel, fragment, written.endswith("/")))
    return found


def _target(site: str, link: Link, dirs: set[str]) -> str | None:
    """The file a link leads to (absolute), given the folders of the site; None: root-relative."""
    _, rel, _, folder = link
    if rel is None:
        return None
    target = rel if rel.startswith("/") else f"{site}/{rel}" if rel else site
    if folder or target in dirs:
        target = posixpath.join(target, "index.html")
    return target


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
    memo: Memo | None = None,
) -> list[tuple[str, str, str]]:
    """(page, link, problem) for every broken link of the pages ``names`` (absolute paths),
    given every file and folder the site has (or will have). Links into folders starting with
    one of ``later`` (written after the pages: leaflets) that do not exist yet are added to
    ``deferred`` as (page, link, target) instead, for :func:`check_deferred`. With ``memo``
    (:func:`link_memo`), the links and ids of a page whose file an earlier check read as it
    is (same place, size, time and file) are taken from there: the file is not read again."""
    _ids.cache_clear()
    base = site.as_posix()
    pages: dict[str, tuple[list[Link], frozenset[str]]] = {}
    for name in names:
        pages[name] = _page(base, name, memo)
    broken: list[tuple[str, str, str]] = []
    # What a link leads to depends only on its target, fragment and form, not on the page it is
    # on (a page's own ids are those of its entry in ``pages``), and menus repeat on every page.
    verdicts: dict[tuple[str | None, str, bool], tuple[str | None, str | None]] = {}
    for name, (links, _) in pages.items():
        rel = name[len(base) + 1 :]
        for link in links:
            href, where, fragment, folder = link
            verdict = verdicts.get((where, fragment, folder))
            if verdict is None:
                verdict = verdicts[(where, fragment, folder)] = _verdict(base, link, files, dirs, later, pages)
            target, problem = verdict
            if target is not None:  # into a folder written later
                if deferred is not None:
                    deferred.append((rel, href, target))
                    continue
                problem = "leads to no page"
            if problem:
                broken.append((rel, href, problem))
    return broken


def _verdict(
    site: str,
    link: Link,
    files: set[str],
    dirs: set[str],
    later: tuple[str, ...],
    pages: dict[str, tuple[list[Link], frozenset[str]]],
) -> tuple[str | None, str | None]:
    """(the target, when the link must wait for files written later; what is wrong, or None)."""
    fragment = link[2]
    target = _target(site, link, dirs)
    if target is None:
        return None, "starts with '/'; use a relative link so that copies of the site keep working"
    if target not in files:
        if later and target.startswith(later):
            return target, None
        return None, "leads to no page"
    if fragment and target.endswith(".html") and _lacks(target, fragment, pages):
        return None, f"leads to a page without the heading or anchor '#{fragment}'"
    return None, None


def _page(site: str, name: str, memo: Memo | None) -> tuple[list[Link], frozenset[str]]:
    """The links and ids of one page (from ``memo`` when it read this very file)."""
    key = ""
    if memo is not None:
        st = os.stat(name)
        key = key_of(name[len(site) + 1 :], st.st_size, st.st_mtime_ns, st.st_ino)
        kept = memo.get(key)
        if kept is not MISSING:
            links, ids = kept  # marshal gives the tuples back as tuples
            return links, frozenset(ids)
    text = Path(name).read_text(encoding="utf-8", errors="replace")
    found = _links(site, name, text), _ids_in(text)
    if memo is not None:
        memo.put(key, (found[0], sorted(found[1])))
    return found


def _lacks(target: str, fragment: str, pages: dict[str, tuple[list[Link], frozenset[str]]]) -> bool:
    """Whether the page ``target`` exists and has no element with the id ``fragment`` (the ids
    of the pages being checked are in ``pages``)."""
    if target in pages:
        return fragment not in pages[target][1]
    return Path(target).is_file() and fragment not in _ids(target)


def link_memo(folder: Path | None, lang: str) -> Memo | None:
    """Where the link check of ``lang`` keeps what it read of each page (:mod:`phobien.core.memo`)."""
    if folder is None:
        return None
    return Memo(folder / f"{lang}.bin", version_of([sys.modules[__name__]], []))


def check_deferred(deferred: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The links of :func:`check_pages` that had to wait, now that their targets are written."""
    return [(rel, href, "leads to no page") for rel, href, target in deferred if not Path(target).is_file()]
