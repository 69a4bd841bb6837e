"""Where a staged page ends up, and relative links between pages.

Pages are staged as Markdown paths (``materials/x.md``, ``materials/index.md``). MkDocs turns
them into ``materials/x/`` (directory URLs, served) or ``materials/x.html`` (offline copy,
opened from disk where a folder does not open its index.html).
"""

from __future__ import annotations

import posixpath


def page_url(path: str, directory_urls: bool = True) -> str:
    """Site-relative URL of the staged page ``path`` ('' is the language's home)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative(from_path: str, to_path: str, directory_urls: bool = True, anchor: str = "") -> str:
    """Link from the page staged at ``from_path`` to the one at ``to_path``."""
    source = page_url(from_path, directory_urls)
    here = source.rstrip("/") if directory_urls else posixpath.dirname(source)
    target = page_url(to_path, directory_urls)
    rel = _relpath(target or ".", here or ".")
    if directory_urls and (target.endswith("/") or target == ""):
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` of two paths relative to the same folder, without asking the
    operating system for the current folder twice (it did for each of thousands of links)."""
    parts, base = path.split("/"), start.split("/")
    if path.startswith("/") or start.startswith("/") or ".." in parts or ".." in base:
        return posixpath.relpath(path, start)
    parts = [p for p in parts if p and p != "."]
    base = [p for p in base if p and p != "."]
    common = len(posixpath.commonprefix([parts, base]))
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def html_path(path: str, directory_urls: bool = True) -> str:
    """The HTML file (relative to the language folder) a staged page becomes."""
    url = page_url(path, directory_urls)
    return url + "index.html" if directory_urls else url


def leaflet_path(slug: str) -> str:
    """Where the leaflet of material ``slug`` is, relative to the language folder."""
    return f"print/{slug}.pdf"


def report_pdf_path(key: str) -> str:
    """Where the printable report ``<plan id>/<period>`` is, relative to the default language's folder."""
    return f"print/report-{key.replace('/', '-')}.pdf"


def poster_path(audience: str) -> str:
    """Where the poster of ``audience`` is, relative to the language folder."""
    return f"print/poster-{audience}.pdf"
