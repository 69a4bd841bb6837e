"""Decide every page of every language before any engine runs.

The result is a list of :class:`Staged` pages per language: a Markdown path, front matter
and body. Engines (MkDocs today) only render them. Untranslated pages fall back to the
default language's text under a notice in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from phobien.core import clock
from phobien.core.text import content_hash, slugify
from phobien.engine import icon_svg
from phobien.load import Content, Page
from phobien.load.lookup import legal_index
from phobien.model.hotline import Hotline
from phobien.model.legal import LegalDocument
from phobien.model.plan import Plan
from phobien.publish.opendata import plan_status
from phobien.stage.citations import anchor_of, cite
from phobien.stage.links import linked, targets_of
from phobien.stage.news import stage_news
from phobien.stage.rawhtml import mark, markdown_part
from phobien.stage.registry import stage_agencies, stage_deadlines, stage_legal, stage_plans
from phobien.stage.staged import NO_MENU, NO_MENU_TOC, Staged, editor_layout, legal_label
from phobien.stage.ui import UI
from phobien.stage.urls import page_url, relative


@dataclass
class Options:
    """What kind of output to stage."""

    directory_urls: bool = True
    today: dt.date = field(default_factory=clock.today)
    serve: bool = False
    print_: bool = True


LIST_PER_PAGE = 200
"""Items on one page of a list (materials, plans, legal documents, agencies, deadlines)."""


SCHOOLS_PER_PAGE = 50
"""Materials on one page for schools and partners (each with its QR code image)."""


def _split_groups(groups: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    """The groups of a list cut into pages of at most ``size`` items (at least one page)."""
    pages: list[list[dict[str, Any]]] = [[]]
    room = size
    for group in groups:
        items = list(group["items"])
        first = True
        while items or first:
            if room == 0:
                pages.append([])
                room = size
            part, items = items[:room], items[room:]
            pages[-1].append({**group, "items": part, "count": len(group["items"]), "continued": not first})
            room -= len(part)
            first = False
    return pages


def vndate(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("phobien", "templates"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html", "md", "j2"), default=True),
    trim_blocks=False,
    lstrip_blocks=False,
    undefined=jinja2.Undefined,
)
_ENV.filters["vndate"] = vndate
_ENV.filters["markdown"] = lambda text: Markup(markdown_part(str(text)))
_ENV.filters["cite"] = cite
_ENV.globals["source_anchor"] = anchor_of


def _qr_src(page_link: str, directory_urls: bool) -> str:
    """The QR code file of the page a relative link points to."""
    if directory_urls:
        return page_link.rstrip("/") + "/qr.svg" if page_link not in ("", "./") else "qr.svg"
    return page_link.removesuffix(".html") + ".qr.svg"


_ENV.filters["qrsrc"] = _qr_src


class Stager:
    """Builds the staged pages of one language."""

    def __init__(self, content: Content, lang: str, options: Options) -> None:
        self.content = content
        self.site = content.site
        self.lang = lang
        self.default = self.site.default_language
        self.options = options
        self.t = UI(content, lang)
        self.pages: list[Staged] = []
        self.agencies = {a.id: a for a in content.agencies}
        self.hotlines = {h.id: h for h in content.hotlines}
        self.legal_by_key = legal_index(content)
        self.link_targets = targets_of(content)

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def body_of(page: Page, fallback: bool) -> str:
        """The page's Markdown; a fallback in another language is wrapped with its ``lang``."""
        if not fallback:
            return page.body
        return f'<div lang="{page.lang}" markdown="1">\n\n{page.body.strip()}\n\n</div>\n'

    def loc_html(self, texts: dict[str, str] | None) -> Markup | str:
        """Like :meth:`loc`, for HTML: text in another language is marked with its ``lang``."""
        if not texts:
            return ""
        if texts.get(self.lang):
            return texts[self.lang]
        code = self.default if texts.get(self.default) else next(iter(texts))
        return Markup('<span lang="{}">{}</span>').format(code, texts[code])

    def loc(self, texts: dict[str, str] | None) -> str:
        if not texts:
            return ""
        return texts.get(self.lang) or texts.get(self.default) or next(iter(texts.values()))

    def render(self, template: str, path: str, **values: Any) -> str:
        def link(to: str, anchor_: str = "") -> str:
            return relative(path, to, self.options.directory_urls, anchor_)

        values.setdefault("notices", [])
        if "body" in values:
            values["body"] = linked(self, values["body"], path)
        # The template's own HTML is marked for the engine to pass through unparsed (rawhtml).
        return mark(_ENV.get_template(template).render(t=self.t, link=link, **values)).strip() + "\n"

    def paged(
        self,
        path: str,
        title: str,
        template: str,
        groups: list[dict[str, Any]],
        kind: str = "list",
        data: dict[str, Any] | None = None,
        per_page: int = 0,
        layout: frozenset[str] | None = None,
        description: str | None = None,
        **values: Any,
    ) -> None:
        """Stage a list page of ``groups`` (each with "items"); beyond :data:`LIST_PER_PAGE`
        items it continues on ``<folder>/page-2.md`` … (``<name>-2.md`` for a page not named
        index), so that a national list stays light on a phone. Groups keep their full count
        ("count") and are split across pages where needed."""
        chunks = _split_groups(groups, per_page or LIST_PER_PAGE)
        total = len(chunks)

        def nth(n: int) -> str:
            if n == 1:
                return path
            return path.replace("index.md", f"page-{n}.md") if path.endswith("index.md") else f"{path[:-3]}-{n}.md"

        for n, chunk in enumerate(chunks, start=1):
            here = nth(n)
            pager = None
            if total > 1:
                pager = {"n": n, "total": total, "prev": nth(n - 1) if n > 1 else None}
                pager["next"] = nth(n + 1) if n < total else None
            body = self.render(template, here, groups=chunk, pager=pager, **values)
            self.pages.append(
                Staged(
                    here,
                    title if n == 1 else f"{title} · {self.t('pager_page', n=n, total=total)}",
                    body,
                    kind=kind if n == 1 else "list",
                    layout=layout or NO_MENU,
                    data=dict(data or {}) if n == 1 else {},
                    description=description,
                )
            )

    def section_list(self, folder: str, items: list[dict[str, Any]]) -> None:
        """The index page of a section (``materials``, ``plans``): its intro and one list."""
        groups = [{"title": "", "anchor": "", "items": items}]
        self.paged(f"{folder}/index.md", self.t(folder), "list.md.j2", groups, intro=self.t(f"{folder}_intro"))

    def hotline_view(self, h: Hotline) -> dict[str, Any]:
        age = (self.options.today - h.verified_on).days
        return {
            "id": h.id,
            "number": h.number,
            "name": self.loc_html(h.name),
            "for_whom": self.loc_html(h.for_whom),
            "hours": self.loc_html(h.hours),
            "free": h.free,
            "verified_on": h.verified_on,
            "sources": h.sources,
            "stale": age > self.site.hotline_max_age_days,
        }

    def legal_ref(self, ref: str) -> tuple[str, LegalDocument] | None:
        doc_id = self.legal_by_key.get(slugify(ref))
        return (doc_id, self.content.legal[doc_id]) if doc_id else None

    def translation_notices(self, page: Page, fallback: bool, source: Page | None) -> list[dict[str, str]]:
        notices = []
        lang_name = self.site.language(self.lang).name
        default_name = self.site.language(self.default).name
        if fallback:
            notices.append(
                {"kind": "fallback", "text": self.t("fallback_notice", language=lang_name, default=default_name)}
            )
            return notices
        tr = page.meta.translation
        if tr is None:
            return notices
        if tr.by == "machine" and not tr.reviewed_by:
            notices.append({"kind": "machine", "text": self.t("machine_translation_notice", default=default_name)})
        elif not tr.reviewed_by:
            notices.append(
                {"kind": "unreviewed", "text": self.t("unreviewed_translation_notice", default=default_name)}
            )
        if source is not None and content_hash(source.body) != tr.source_hash:
            notices.append({"kind": "outdated", "text": self.t("outdated_translation_notice", default=default_name)})
        return notices

    def pick(self, pages: list[Page]) -> dict[str, tuple[Page, bool, Page | None]]:
        """For each slug: the page to show in this language, whether it is a fallback, its source."""
        by_slug: dict[str, dict[str, Page]] = defaultdict(dict)
        for p in pages:
            by_slug[p.slug][p.lang] = p
        result = {}
        for slug, versions in sorted(by_slug.items()):
            source = versions.get(self.default)
            if self.lang in versions:
                result[slug] = (versions[self.lang], False, source)
            elif source is not None:
                result[slug] = (source, True, source)
        return result

    # -- pages -----------------------------------------------------------------------------
    def stage(self) -> list[Staged]:
        self.stage_docs()
        self.stage_materials()
        self.stage_audiences()
        self.stage_hotlines()
        self.stage_search()
        stage_news(self)
        self.stage_schools()
        stage_legal(self)
        stage_plans(self)
        stage_deadlines(self)
        stage_agencies(self)
        return self.pages

    def stage_docs(self) -> None:
        picked = self.pick(self.content.docs)
        home = picked.pop("index", None)
        body = ""
        title = self.loc(self.site.name)
        notices: list[dict[str, str]] = []
        if home:
            page, fallback, source = home
            body = self.body_of(page, fallback)
            notices = self.translation_notices(page, fallback, source)
        audiences = [
            {
                "name": self.loc_html(a.name),
                "path": f"{a.id}.md",
                "icon": a.icon,
                "icon_svg": Markup(icon_svg(a.icon) or "") if a.icon else "",
            }
            for a in self.content.audiences
        ]
        top = sorted(self.content.hotlines, key=lambda h: h.priority)[:3]
        text = self.render(
            "home.md.j2", "index.md", body=body, audiences=audiences, hotlines=[self.hotline_view(h) for h in top]
        )
        notice_html = self.render("notices.html.j2", "index.md", notices=notices) if notices else ""
        self.pages.append(
            Staged(
                "index.md",
                title,
                notice_html + text,
                kind="home",
                layout=NO_MENU_TOC,
                fallback=bool(home and home[1]),
                description=home[0].meta.summary if home else None,
                source=home[0].rel if home else None,
            )
        )
        for slug, (page, fallback, source) in picked.items():
            notices = self.translation_notices(page, fallback, source)
            notice_html = self.render("notices.html.j2", f"{slug}.md", notices=notices) if notices else ""
            meta = page.meta
            self.pages.append(
                Staged(
                    f"{slug}.md",
                    meta.title,
                    notice_html + "\n" + linked(self, self.body_of(page, fallback), f"{slug}.md"),
                    description=meta.summary,
                    layout=editor_layout(getattr(meta, "hide", [])),
                    kind="doc",
                    data={"order": getattr(meta, "order", 100)},
                    fallback=fallback,
                    source=page.rel,
                    aliases=list(page.meta.aliases),
                )
            )

    def stage_materials(self) -> None:
        items = []
        for slug, (page, fallback, source) in self.pick(self.content.materials).items():
            meta = page.meta
            path = f"materials/{slug}.md"
            review = meta.review  # type: ignore[attr-defined]
            if review.status == "reviewed":
                review_text = self.t("reviewed_by", reviewer=review.reviewer, date=vndate(review.reviewed_on))
            else:
                review_text = self.t("not_reviewed_notice", date=vndate(review.reviewed_on))
            hotline_ids = list(meta.hotlines)  # type: ignore[attr-defined]
            if not hotline_ids:
                for aid in meta.audiences:  # type: ignore[attr-defined]
                    aud = next((a for a in self.content.audiences if a.id == aid), None)
                    hotline_ids += [h for h in (aud.hotlines if aud else []) if h not in hotline_ids]
            legal = []
            for ref in meta.legal_refs:  # type: ignore[attr-defined]
                found = self.legal_ref(ref)
                if found:
                    legal.append({"id": found[0], "label": legal_label(*found), "status": found[1].status})
            body = self.render(
                "material.md.j2",
                path,
                meta=meta,
                body=self.body_of(page, fallback),
                review_text=review_text,
                notices=self.translation_notices(page, fallback, source),
                hotlines=[self.hotline_view(self.hotlines[h]) for h in hotline_ids if h in self.hotlines],
                sources=meta.sources,
                legal=legal,  # type: ignore[attr-defined]
                leaflet=self.leaflet_href(path, slug, fallback),
            )
            self.pages.append(
                Staged(
                    path,
                    meta.title,
                    body,
                    description=meta.summary,
                    kind="material",
                    layout=NO_MENU_TOC,
                    fallback=fallback,
                    source=page.rel,
                    aliases=list(page.meta.aliases),
                    data={
                        "audiences": list(meta.audiences),
                        "order": meta.order,  # type: ignore[attr-defined]
                        "hotlines": hotline_ids,
                        "slug": slug,
                    },
                )
            )
            items.append(
                {
                    "path": path,
                    "title": meta.title,
                    "summary": meta.summary,
                    "order": meta.order,  # type: ignore[attr-defined]
                    "lang": page.lang if fallback else None,  # another language's title: say which
                }
            )
        items.sort(key=lambda x: (x["order"], x["title"]))
        self.section_list("materials", items)

    def stage_audiences(self) -> None:
        materials = [p for p in self.pages if p.kind == "material"]
        for audience in self.content.audiences:
            path = f"{audience.id}.md"
            mine = sorted(
                (m for m in materials if audience.id in m.data["audiences"]), key=lambda m: (m.data["order"], m.title)
            )
            body = self.render(
                "audience.md.j2",
                path,
                intro=self.loc_html(audience.intro),
                hotlines=[self.hotline_view(self.hotlines[h]) for h in audience.hotlines if h in self.hotlines],
                materials=[{"path": m.path, "title": m.title, "summary": m.description} for m in mine],
                tasks=self.official_tasks() if not audience.citizen else [],
            )
            self.pages.append(
                Staged(
                    path,
                    self.loc(audience.name),
                    body,
                    kind="audience",
                    layout=NO_MENU_TOC,
                    description=self.loc(audience.intro),
                    data={"hotlines": list(audience.hotlines)},
                )
            )

    def leaflet_href(self, path: str, slug: str, fallback: bool) -> str | None:
        """Link from the page at ``path`` to the leaflet of material ``slug`` (the original's for a fallback)."""
        from phobien.printing import leaflet_path

        if not self.options.print_:
            return None
        up = "../" * page_url(path, self.options.directory_urls).count("/")
        return up + (f"../{self.default}/" if fallback else "") + leaflet_path(slug)

    def stage_schools(self) -> None:
        """Every material with its short link, QR code and leaflet; posters per audience."""
        from phobien.printing import poster_path
        from phobien.stage.addresses import origin, short_code

        path = "nha-truong-va-doi-tac.md"
        depth = page_url(path, self.options.directory_urls).count("/")
        up = "../" * depth
        base = self.site.base_url.rstrip("/")
        materials = []
        default_name = self.site.language(self.default).name
        for slug, (page, fallback, _) in self.pick(self.content.materials).items():
            code = short_code(origin(f"materials/{slug}.md", list(page.meta.aliases)))
            leaflet = self.leaflet_href(path, slug, fallback)
            materials.append(
                {
                    "path": f"materials/{slug}.md",
                    "title": page.meta.title,
                    "short_url": f"{base}/l/{code}/",
                    "short_href": "../" * (depth + 1)
                    + (f"l/{code}/" if self.options.directory_urls else f"l/{code}.html"),
                    "leaflet": leaflet,
                    "leaflet_lang": self.default if fallback else None,
                    "leaflet_lang_name": default_name,
                    "order": page.meta.order,  # type: ignore[attr-defined]
                }
            )
        materials.sort(key=lambda m: (m["order"], m["title"]))
        posters = (
            [{"name": self.loc(a.name), "href": up + poster_path(a.id)} for a in self.content.audiences]
            if self.options.print_
            else []
        )
        self.paged(
            path,
            self.t("for_schools"),
            "schools.md.j2",
            [{"title": "", "anchor": "", "items": materials}],
            kind="doc",
            data={"order": 80},
            per_page=SCHOOLS_PER_PAGE,
            layout=NO_MENU_TOC,
            description=self.t("for_schools_intro"),
            posters=posters,
            directory_urls=self.options.directory_urls,
        )

    def stage_search(self) -> None:
        path = "search.md"
        depth = page_url(path, self.options.directory_urls).count("/")
        body = self.render("search.md.j2", path, lang=self.lang, asset=lambda p: "../" * depth + p)
        self.pages.append(Staged(path, self.t("search"), body, kind="search", layout=NO_MENU_TOC))

    def official_tasks(self) -> list[dict[str, str]]:
        return [
            {"path": f"plans/{pid}.md", "title": plan.title, "note": self.t("tasks_count", n=len(plan.tasks))}
            for pid, plan in sorted(self.content.plans.items())
        ]

    def stage_hotlines(self) -> None:
        hotlines = sorted(self.content.hotlines, key=lambda h: h.priority)
        body = self.render("hotlines.md.j2", "hotlines.md", hotlines=[self.hotline_view(h) for h in hotlines])
        self.pages.append(
            Staged(
                "hotlines.md",
                self.t("hotlines"),
                body,
                kind="hotlines",
                layout=NO_MENU_TOC,
                description=self.t("hotlines_intro"),
            )
        )

    def plan_status(self, plan: Plan) -> str:
        return plan_status(plan, self.options.today)

    def agency_name(self, agency_id: str) -> str:
        agency = self.agencies.get(agency_id)
        if agency is None:
            return agency_id
        if self.lang != "vi" and agency.name_en:
            return f"{agency.name_en} ({agency.name})"
        return agency.name


def stage_language(content: Content, lang: str, options: Options) -> list[Staged]:
    """All pages of ``lang``."""
    return Stager(content, lang, options).stage()
