"""News: a page per article, the list (newest first, in pages of :data:`PER_PAGE`), and lists
per topic and per audience. The feed is written with the site (:func:`phobien.stage.news.atom_feed`)."""

from __future__ import annotations

from functools import partial
from typing import Any

from phobien.core.pagination import page_path, split
from phobien.load import Page
from phobien.stage.context import StageContext
from phobien.stage.news import visible_articles
from phobien.stage.staged import NO_MENU_TOC, Staged

PER_PAGE = 10


def _article(ctx: StageContext, page: Page, marker: str) -> Staged:
    meta: Any = page.meta
    path = f"news/{page.slug}.md"
    topics = {x.id: x for x in ctx.content.topics}
    audiences = {x.id: x for x in ctx.content.audiences}
    tags = [{"name": ctx.loc(topics[x].name), "path": f"news/topic-{x}.md"} for x in meta.topics if x in topics]
    tags += [{"name": ctx.loc(audiences[x].name), "path": f"news/for-{x}.md"} for x in meta.audiences if x in audiences]
    body = ctx.render("article.md.j2", path, meta=meta, body=page.body, tags=tags, marker=marker)
    return Staged(
        path,
        meta.title,
        body,
        description=meta.summary,
        kind="article",
        layout=NO_MENU_TOC,
        source=page.rel,
        data={"date": meta.date, "author": meta.author, "summary": meta.summary},
    )


def _list(
    ctx: StageContext, path: str, title: str, chosen: list[dict[str, Any]], intro: str, groups: list[Any]
) -> list[Staged]:
    chunks = split(chosen, PER_PAGE)
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        here = page_path(path, n)
        body = ctx.render(
            "news.md.j2",
            here,
            items=chunk,
            intro=intro if n == 1 else "",
            newer=page_path(path, n - 1) if n > 1 else None,
            older=page_path(path, n + 1) if n < len(chunks) else None,
            groups=groups if n == 1 else [],
            feed=ctx.up(here) + "feed.xml",
        )
        label = title if n == 1 else f"{title} ({n})"
        data = {"order": 0 if n == 1 else 1000 + n}
        pages.append(Staged(here, label, body, kind="news", layout=NO_MENU_TOC, data=data))
    return pages


def _one(ctx: StageContext, page: Page, marker: str) -> list[Staged]:
    return [_article(ctx, page, marker)]


def stage(ctx: StageContext) -> list[Staged]:
    t = ctx.t
    markers = {"draft": t("news_draft"), "scheduled": t("news_scheduled")}
    pages = []
    items = []
    for page, marker in visible_articles(ctx.content, ctx.lang, ctx.options.today, ctx.options.serve):
        staged = ctx.each("news", page.rel, partial(_one, ctx, page, markers.get(marker or "", "")))[0]
        pages.append(staged)
        meta: Any = page.meta
        items.append(
            {
                "path": staged.path,
                "title": meta.title,
                "date": meta.date,
                "summary": meta.summary,
                "marker": markers.get(marker or ""),
                "topics": meta.topics,
                "audiences": meta.audiences,
            }
        )
    groups = []
    for topic in ctx.content.topics:
        chosen = [a for a in items if topic.id in a["topics"]]
        if chosen:
            path = f"news/topic-{topic.id}.md"
            groups.append({"name": ctx.loc(topic.name), "path": path, "count": len(chosen)})
            pages += _list(ctx, path, ctx.loc(topic.name), chosen, ctx.loc(topic.intro), [])
    for audience in ctx.content.audiences:
        chosen = [a for a in items if audience.id in a["audiences"]]
        if chosen:
            title = f"{t('news')}: {ctx.loc(audience.name)}"
            pages += _list(ctx, f"news/for-{audience.id}.md", title, chosen, "", [])
    return pages + _list(ctx, "news/index.md", t("news"), items, t("news_intro"), groups)
