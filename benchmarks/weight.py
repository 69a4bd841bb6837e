"""Page weight: what a browser fetches before a person does anything, compressed.

Counted from the built files the way nginx serves them (gzip level 6): the HTML, its
stylesheets, scripts, images and icon. Search data is not counted: it is fetched only when
someone searches.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

_REFS = re.compile(
    r'<(?:link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script\b[^>]*\bsrc|img\b[^>]*\bsrc)="([^"]+)"', re.I
)


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_view(site: Path, page: str) -> dict[str, int]:
    """Compressed bytes of every file the page at ``page`` (relative to ``site``) loads first."""
    html_file = site / page
    if html_file.is_dir() or page.endswith("/") or page == "":
        html_file = html_file / "index.html"
    html = html_file.read_bytes()
    sizes = {html_file.relative_to(site).as_posix(): gz_size(html)}
    for ref in dict.fromkeys(_REFS.findall(html.decode("utf-8", errors="replace"))):
        if re.match(r"^(?:[a-z]+:|//)", ref):
            continue
        clean = ref.split("#")[0].split("?")[0]
        if clean.startswith("/"):
            target = site / clean.lstrip("/")  # root-relative (the 404 pages)
        else:
            target = Path(posixpath.normpath(posixpath.join(html_file.parent.as_posix(), clean)))
        if target.is_file():
            sizes[target.relative_to(site).as_posix()] = gz_size(target.read_bytes())
    return sizes
