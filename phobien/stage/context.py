"""What every page kind stages from: the content, the language, the options, the interface
strings and the template renderer (:class:`StageContext`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from phobien.core import clock
from phobien.core.text import slugify
from phobien.load import Content, Page
from phobien.load.lookup import legal_index
from phobien.load.validity import closures
from phobien.model.hotline import Hotline
from phobien.model.legal import LegalDocument
from phobien.model.translation import by_key, in_language, original_of
from phobien.stage import views
from phobien.stage.citations import anchor_of, cite
from phobien.stage.links import Targets, rewrite_links, targets_of
from phobien.stage.rawhtml import mark, markdown_part
from phobien.stage.staged import Staged
from phobien.stage.ui import UI
from phobien.stage.urls import leaflet_path, page_url, relative

if TYPE_CHECKING:
    from phobien.stage.memo import StageMemo


@dataclass
class Options:
    """What kind of output to stage."""

    directory_urls: bool = True
    today: dt.date = field(default_factory=clock.today)
    serve: bool = False
    print_: bool = True


def _qr_src(page_link: str, directory_urls: bool) -> str:
    """The QR code file of the page a relative link points to."""
    if directory_urls:
        return page_link.rstrip("/") + "/qr.svg" if page_link not in ("", "./") else "qr.svg"
    return page_link.removesuffix(".html") + ".qr.svg"


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("phobien", "templates"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html", "md", "j2"), default=True),
    trim_blocks=False,
    lstrip_blocks=False,
    undefined=jinja2.Undefined,
)
_ENV.filters["vndate"] = views.vndate
_ENV.filters["markdown"] = lambda text: Markup(markdown_part(str(text)))
_ENV.filters["qrsrc"] = _qr_src
_ENV.filters["cite"] = cite
_ENV.globals["source_anchor"] = anchor_of

Picked = tuple[Page, bool, Page | None]
"""The page to show in a language, whether it is the default language's (a fallback), and the
original it was translated from (the shown page itself for a fallback)."""


class StageContext:
    """One language's view of the content, shared by every page kind."""

    def __init__(
        self, content: Content, lang: str, options: Options | None = None, memo: StageMemo | None = None
    ) -> None:
        self.content = content
        self.memo = memo
        """What the last build staged (:mod:`phobien.stage.memo`), when it is kept."""
        self.site = content.site
        self.lang = lang
        self.default = self.site.default_language
        self.options = options or Options()
        self.t = UI(content, lang)
        self.agencies = {a.id: a for a in content.agencies}
        self.hotlines = {h.id: h for h in content.hotlines}
        self.closures = closures(content)
        """The bodies that no longer exist (:mod:`phobien.load.validity`), by id."""
        self._legal_by_key: dict[str, str] | None = None
        self._link_targets: Targets | None = None

    def each(self, kind: str, item: str, make: Callable[[], list[Staged]]) -> list[Staged]:
        """The pages ``make`` stages for one ``item`` of ``kind`` (a material, an article):
        the last build's when nothing they were made from changed."""
        return make() if self.memo is None else self.memo.staged(kind, item, make)

    # -- text ------------------------------------------------------------------------------
    def loc(self, texts: dict[str, str] | None) -> str:
        """Text in this language, else the default language's."""
        return in_language(texts, self.lang, self.default)[0]

    def loc_html(self, texts: dict[str, str] | None) -> Markup | str:
        """Like :meth:`loc`, for HTML: text in another language is marked with its ``lang``."""
        return views.html_in(texts, self.lang, self.default)

    @staticmethod
    def body_of(page: Page, fallback: bool) -> str:
        """The page's Markdown; a fallback in another language is wrapped with its ``lang``."""
        if not fallback:
            return page.body
        return f'<div lang="{page.lang}" markdown="1">\n\n{page.body.strip()}\n\n</div>\n'

    def render(self, template: str, path: str, **values: Any) -> str:
        """``template`` rendered for the page staged at ``path`` (``link`` is relative to it)."""

        def link(to: str, anchor_: str = "") -> str:
            return relative(path, to, self.options.directory_urls, anchor_)

        values.setdefault("notices", [])
        if "body" in values:
            values["body"] = self.linked(values["body"], path)
        # The template's own HTML is marked for the engine to pass through unparsed (rawhtml).
        return mark(_ENV.get_template(template).render(t=self.t, link=link, **values)).strip() + "\n"

    def linked(self, body: str, path: str) -> str:
        """``body`` of the page staged at ``path``, its links to pages of the site rewritten to
        the page in this language (:mod:`phobien.stage.links`): the one call of each place a
        body is staged."""
        if self._link_targets is None:
            self._link_targets = targets_of(self.content)
        return rewrite_links(body, path, self.lang, self._link_targets, self.options.directory_urls)

    # -- pages of this language ------------------------------------------------------------
    def pick(self, pages: list[Page]) -> dict[str, Picked]:
        """For each slug: the page to show in this language, whether it is a fallback, its original."""
        by_slug: dict[str, dict[str, Page]] = defaultdict(dict)
        for p in pages:
            by_slug[p.slug][p.lang] = p
        keyed = by_key(pages)
        result = {}
        for slug, versions in sorted(by_slug.items()):
            if self.lang in versions:
                page = versions[self.lang]
                result[slug] = (page, False, page if page.lang == self.default else original_of(page, keyed))
            elif self.default in versions:
                result[slug] = (versions[self.default], True, versions[self.default])
        return result

    def notices(self, page: Page, fallback: bool, source: Page | None) -> list[dict[str, str]]:
        return views.translation_notices(self.t, self.site, page, fallback, source)

    def notice_html(self, path: str, notices: list[dict[str, str]]) -> str:
        return self.render("notices.html.j2", path, notices=notices) if notices else ""

    # -- references ------------------------------------------------------------------------
    def legal_ref(self, ref: str) -> tuple[str, LegalDocument] | None:
        if self._legal_by_key is None:
            self._legal_by_key = legal_index(self.content)
        doc_id = self._legal_by_key.get(slugify(ref))
        return (doc_id, self.content.legal[doc_id]) if doc_id else None

    def agency_name(self, agency_id: str) -> str:
        agency = self.agencies.get(agency_id)
        if agency is None:
            return agency_id
        if self.lang != "vi" and agency.name_en:
            return f"{agency.name_en} ({agency.name})"
        return agency.name

    def hotline(self, h: Hotline) -> dict[str, Any]:
        return views.hotline_view(h, self.lang, self.site, self.options.today)

    def hotline_views(self, ids: list[str]) -> list[dict[str, Any]]:
        return [self.hotline(self.hotlines[i]) for i in ids if i in self.hotlines]

    def up(self, path: str) -> str:
        """From the page staged at ``path`` up to the language folder."""
        return "../" * page_url(path, self.options.directory_urls).count("/")

    def leaflet_href(self, path: str, slug: str, fallback: bool) -> str | None:
        """Link from the page at ``path`` to the leaflet of material ``slug`` (the original's for a fallback)."""
        if not self.options.print_:
            return None
        return self.up(path) + (f"../{self.default}/" if fallback else "") + leaflet_path(slug)
