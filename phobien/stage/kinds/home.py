"""The home page of a language: its hand-written text (docs/index), then "I am …" and the
first hotlines."""

from __future__ import annotations

from markupsafe import Markup

from phobien.engine import icon_svg
from phobien.stage.context import StageContext
from phobien.stage.staged import NO_MENU_TOC, Staged


def stage(ctx: StageContext) -> list[Staged]:
    home = ctx.pick([p for p in ctx.content.docs if p.slug == "index"]).get("index")
    body = ""
    notices: list[dict[str, str]] = []
    if home:
        page, fallback, source = home
        body = ctx.body_of(page, fallback)
        notices = ctx.notices(page, fallback, source)
    audiences = [
        {
            "name": ctx.loc_html(a.name),
            "path": f"{a.id}.md",
            "icon": a.icon,
            "icon_svg": Markup(icon_svg(a.icon) or "") if a.icon else "",
        }
        for a in ctx.content.audiences
    ]
    top = sorted(ctx.content.hotlines, key=lambda h: h.priority)[:3]
    text = ctx.render("home.md.j2", "index.md", body=body, audiences=audiences, hotlines=[ctx.hotline(h) for h in top])
    return [
        Staged(
            "index.md",
            ctx.loc(ctx.site.name),
            ctx.notice_html("index.md", notices) + text,
            kind="home",
            layout=NO_MENU_TOC,
            fallback=bool(home and home[1]),
            description=home[0].meta.summary if home else None,
            source=home[0].rel if home else None,
        )
    ]
