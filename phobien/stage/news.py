"""News per language: which articles are published, and the Atom feed (the pages are staged by
:mod:`phobien.stage.kinds.news`). Drafts and articles dated in the future are published only in ``phobien serve``,
marked as such.

Material's blog plugin was not used: it builds its own pages inside one MkDocs run from a
docs/blog folder, does not combine with per-language builds decided before the engine runs
(and not with mkdocs-static-i18n either), and would tie the news to an engine that reaches end
of life in May 2027.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from phobien.stage.urls import page_url

if TYPE_CHECKING:
    from phobien.load import Content, Page


def visible_articles(content: Content, lang: str, today: Any, serve: bool) -> list[tuple[Page, str | None]]:
    """This language's articles, newest first, with a marker for drafts and scheduled ones in serve."""
    result = []
    for page in content.articles:
        if page.lang != lang:
            continue
        meta: Any = page.meta
        marker = "draft" if meta.draft else "scheduled" if meta.date > today else None
        if marker and not serve:
            continue
        result.append((page, marker))
    result.sort(key=lambda pm: (pm[0].meta.date, pm[0].slug), reverse=True)  # type: ignore[attr-defined]
    return result


def atom_feed(
    content: Content, lang: str, articles: list[tuple[Page, str | None]], title: str, directory_urls: bool = True
) -> str:
    """The Atom feed of this language's latest 20 published articles."""
    base = f"{content.site.base_url.rstrip('/')}/{lang}/"
    published = [page for page, marker in articles if marker is None][:20]
    updated = published[0].meta.date.isoformat() if published else "2000-01-01"  # type: ignore[attr-defined]
    entries = []
    for page in published:
        meta: Any = page.meta
        url = base + page_url(f"news/{page.slug}.md", directory_urls)
        entries.append(
            f'<entry><title>{escape(meta.title)}</title><link href="{escape(url)}"/><id>{escape(url)}</id>'
            f"<updated>{meta.date.isoformat()}T00:00:00Z</updated><author><name>{escape(meta.author)}</name></author>"
            + (f"<summary>{escape(meta.summary)}</summary>" if meta.summary else "")
            + "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">'
        f'<title>{escape(title)}</title><link href="{escape(base)}feed.xml" rel="self"/>'
        f'<link href="{escape(base)}news/"/><id>{escape(base)}news/</id><updated>{updated}T00:00:00Z</updated>'
        + "".join(entries)
        + "</feed>\n"
    )
