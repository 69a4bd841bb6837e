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

_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_ID = re.compile(r'\bid="([^"]+)"')
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # other sites, tel:, mailto:


def _target(page: Path, href: str, site: Path) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    if parts.path.startswith("/"):
        return None, fragment  # root-relative links do not survive a copy to a sub-folder or a USB stick
    resolved = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
    if parts.path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, fragment


@cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(_ID.findall(path.read_text(encoding="utf-8", errors="replace")))


def check_links(site: Path, sources: dict[str, str], diags: Diagnostics) -> int:
    """Report broken internal links of the built ``site``. ``sources`` maps an HTML file (relative
    to ``site``) to the content file it came from, for the message. Returns the number found."""
    _ids.cache_clear()
    broken = 0
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if page.name == "404.html":
            continue  # served at any address, so its links are root-relative on purpose
        text = page.read_text(encoding="utf-8", errors="replace")
        for href in dict.fromkeys(_LINK.findall(text)):
            if not href or _SKIP.match(href):
                continue
            target, fragment = _target(page, href, site)
            problem = None
            if target is None:
                problem = "starts with '/'; use a relative link so that copies of the site keep working"
            elif not target.is_file():
                problem = "leads to no page"
            elif fragment and target.suffix == ".html" and fragment not in _ids(target):
                problem = f"leads to a page without the heading or anchor '#{fragment}'"
            if problem:
                broken += 1
                source = sources.get(rel, f"site/{rel}")
                diags.warning(Position(source), f"the link '{href}' on /{rel} {problem}")
    return broken
