"""Every internal link and anchor of the built site must resolve.

Runs on the finished HTML (so it checks what readers get, whoever generated the link) before
the new site is swapped in. A broken link is a warning; ``--strict`` makes it fail the build.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from phobien.diagnostics import Diagnostics, Position

PARALLEL_FROM = 2000
"""Check the languages in parallel processes from this many pages (starting them costs ~0.3 s)."""
_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_ID = re.compile(r'\bid="([^"]+)"')
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # other sites, tel:, mailto:


def _target(page: str, href: str, dirs: set[str]) -> tuple[str | None, str]:
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    if parts.path.startswith("/"):
        return None, fragment  # root-relative links do not survive a copy to a sub-folder or a USB stick
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if parts.path.endswith("/") or resolved in dirs:
        resolved = posixpath.join(resolved, "index.html")
    return resolved, fragment


@cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(_ID.findall(path.read_text(encoding="utf-8", errors="replace")))


def check_links(site: Path, sources: dict[str, str], diags: Diagnostics, workers: int = 1) -> int:
    """Report broken internal links of the built ``site``. ``sources`` maps an HTML file (relative
    to ``site``) to the content file it came from, for the message. Returns the number found.

    With ``workers`` > 1, the pages of each top folder (a language) are read in parallel."""
    files: set[str] = set()
    dirs: set[str] = set()
    for path in site.rglob("*"):
        (dirs if path.is_dir() else files).add(path.as_posix())
    # 404 pages are served at any address, so their links are root-relative on purpose.
    pages = sorted(f for f in files if f.endswith(".html") and not f.endswith("/404.html"))
    groups: dict[str, list[str]] = {}
    for name in pages:
        groups.setdefault(Path(name).relative_to(site).parts[0], []).append(name)
    jobs = [(site, names, files, dirs) for names in groups.values()]
    found: list[tuple[str, str, str]] = []
    if workers > 1 and len(jobs) > 1 and len(pages) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            for part in pool.map(_check_pages, jobs):
                found.extend(part)
    else:
        for job in jobs:
            found.extend(_check_pages(job))
    for rel, href, problem in found:
        source = sources.get(rel, f"site/{rel}")
        diags.warning(Position(source), f"the link '{href}' on /{rel} {problem}")
    return len(found)


def _check_pages(job: tuple[Path, list[str], set[str], set[str]]) -> list[tuple[str, str, str]]:
    """(page, link, problem) for every broken link of the given pages."""
    site, names, files, dirs = job
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
                problem = "leads to no page"
            elif fragment and target.endswith(".html") and fragment not in _ids(Path(target)):
                problem = f"leads to a page without the heading or anchor '#{fragment}'"
            if problem:
                broken.append((rel, href, problem))
    return broken
