"""Files at the root of the site: the language chooser, the 404 page and the sitemap."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from phobien.load import Content
from phobien.stage.staged import Staged
from phobien.stage.urls import page_url


def write_root_files(content: Content, out: Path, offline: bool) -> None:
    """The language chooser at '/' (every name from content escaped) and the root 404 page."""
    default = content.site.default_language
    target = f"{default}/" if not offline else f"{default}/index.html"
    index = "index.html" if offline else ""
    links = "".join(
        f'<li><a href="{lang.code}/{index}" hreflang="{lang.code}" lang="{lang.code}">{escape(lang.name)}</a></li>'
        for lang in content.site.languages
    )
    name = escape(content.site.name[default])
    (out / "index.html").write_text(
        f'<!doctype html>\n<html lang="{default}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{name}</title><meta http-equiv="refresh" content="0; url={target}">'
        f'<link rel="canonical" href="{escape(content.site.base_url.rstrip("/"))}/{default}/"></head>'
        f"<body><h1>{name}</h1><ul>{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    lang_404 = out / default / "404.html"
    if lang_404.exists():
        # The engine writes each language's 404 page with links from the site's root, as it is
        # served at any address; the root copy is the default language's.
        shutil.copy(lang_404, out / "404.html")


def write_sitemap(content: Content, staged: dict[str, list[Staged]], out: Path) -> None:
    """One sitemap for all languages; real translations are linked as hreflang alternates."""
    base = content.site.base_url.rstrip("/")
    translated: dict[str, dict[str, str]] = {}
    for lang, pages in staged.items():
        for page in pages:
            if not page.fallback:
                translated.setdefault(page.path, {})[lang] = f"{base}/{lang}/{page_url(page.path)}"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang, pages in staged.items():
        for page in pages:
            lines.append(f"<url><loc>{escape(f'{base}/{lang}/{page_url(page.path)}')}</loc>")
            alternates = translated.get(page.path, {})
            if not page.fallback and len(alternates) > 1:
                for code, url in alternates.items():
                    lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(url)}"/>')
            lines.append("</url>")
    lines.append("</urlset>")
    (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
