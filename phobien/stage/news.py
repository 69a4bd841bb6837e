"""News per language: article pages, a paged list (newest first), lists per topic and audience,
and an Atom feed. Drafts and articles dated in the future are published only in ``phobien serve``,
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
    from phobien.stage.pages import Stager

PER_PAGE = 10


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


def stage_news(stager: Stager) -> None:
    from phobien.stage.staged import NO_MENU_TOC, Staged

    t = stager.t
    articles = visible_articles(stager.content, stager.lang, stager.options.today, stager.options.serve)
    markers = {"draft": t("news_draft"), "scheduled": t("news_scheduled")}
    topics = {x.id: x for x in stager.content.topics}
    audiences = {x.id: x for x in stager.content.audiences}
    items = []
    for page, marker in articles:
        meta: Any = page.meta
        path = f"news/{page.slug}.md"
        tags = [{"name": stager.loc(topics[x].name), "path": f"news/topic-{x}.md"} for x in meta.topics if x in topics]
        tags += [
            {"name": stager.loc(audiences[x].name), "path": f"news/for-{x}.md"}
            for x in meta.audiences
            if x in audiences
        ]
        body = stager.render(
            "article.md.j2", path, meta=meta, body=page.body, tags=tags, marker=markers.get(marker or "", "")
        )
        stager.pages.append(
            Staged(
                path,
                meta.title,
                body,
                description=meta.summary,
                kind="article",
                layout=NO_MENU_TOC,
                source=page.rel,
                data={"date": meta.date, "author": meta.author, "summary": meta.summary},
            )
        )
        items.append(
            {
                "path": path,
                "title": meta.title,
                "date": meta.date,
                "summary": meta.summary,
                "marker": markers.get(marker or ""),
                "topics": meta.topics,
                "audiences": meta.audiences,
            }
        )

    def list_page(path: str, title: str, chosen: list[dict[str, Any]], intro: str, groups: list[Any]) -> None:
        pages = [chosen[i : i + PER_PAGE] for i in range(0, len(chosen), PER_PAGE)] or [[]]
        for n, chunk in enumerate(pages, start=1):
            here = path if n == 1 else path.replace(".md", f"-{n}.md").replace("index-", "page-")
            newer = (
                None if n == 1 else (path if n == 2 else path.replace(".md", f"-{n - 1}.md").replace("index-", "page-"))
            )
            older = path.replace(".md", f"-{n + 1}.md").replace("index-", "page-") if n < len(pages) else None
            depth = page_url(here, stager.options.directory_urls).count("/")
            feed = "../" * depth + "feed.xml"
            body = stager.render(
                "news.md.j2",
                here,
                items=chunk,
                intro=intro if n == 1 else "",
                newer=newer,
                older=older,
                groups=groups if n == 1 else [],
                feed=feed,
            )
            label = title if n == 1 else f"{title} ({n})"
            stager.pages.append(
                Staged(
                    here,
                    label,
                    body,
                    kind="news",
                    layout=NO_MENU_TOC,
                    data={"order": 0 if n == 1 else 1000 + n},
                )
            )

    groups = []
    for tid, topic in topics.items():
        chosen = [a for a in items if tid in a["topics"]]
        if chosen:
            groups.append({"name": stager.loc(topic.name), "path": f"news/topic-{tid}.md", "count": len(chosen)})
            list_page(f"news/topic-{tid}.md", stager.loc(topic.name), chosen, stager.loc(topic.intro), [])
    for aid, audience in audiences.items():
        chosen = [a for a in items if aid in a["audiences"]]
        if chosen:
            list_page(f"news/for-{aid}.md", f"{t('news')}: {stager.loc(audience.name)}", chosen, "", [])
    list_page("news/index.md", t("news"), items, t("news_intro"), groups)


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
