"""What to print: one job per leaflet and per poster, with every value its PDF shows.

A job's ``view`` is plain JSON-able data (no models), so that it can be hashed for the cache
and sent to a worker process. Everything a PDF shows comes from the view, the Markdown body
in it and the files in ``phobien/templates/print/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from phobien.core.diagnostics import Position
from phobien.load import Content, Page
from phobien.model.translation import by_key, original_of
from phobien.stage import views
from phobien.stage.citations import cite
from phobien.stage.context import StageContext
from phobien.stage.kinds import KINDS
from phobien.stage.urls import leaflet_path, poster_path, report_pdf_path

Kind = Literal["leaflet", "poster", "report"]


@dataclass(frozen=True)
class PrintJob:
    """One PDF to make."""

    kind: Kind
    lang: str
    target: str
    """Where the PDF goes, relative to the site folder: ``<lang>/print/<name>.pdf``."""
    position: Position
    """The content file (and place in it) that problems with this PDF are reported at."""
    view: dict[str, Any]
    inputs: tuple[str, ...] = field(default=())
    """Content files whose bytes also go into the cache key (the material and its original)."""
    base_dir: str = ""
    """Folder that relative image paths in the body are read from (the material's folder)."""


def site_url(content: Content, path: str) -> str:
    """Absolute address of ``path`` (relative to the site's root) on the published site."""
    return content.site.base_url.rstrip("/") + "/" + path


class _Views:
    """Builds the views of one language, from the same context and views as its web pages."""

    def __init__(self, content: Content, lang: str) -> None:
        self.ctx = StageContext(content, lang)
        self.content = content
        self.lang = lang
        self.t = self.ctx.t
        language = self.ctx.site.language(lang)
        self.script = language.script
        self.direction = language.direction

    def loc(self, texts: dict[str, str] | None) -> dict[str, str]:
        """Text in this language, else the default one's; with the language it is in."""
        return views.text_in(texts, self.lang, self.ctx.default)

    def optional(self, key: str) -> str:
        """An interface string that older content may not have yet ('' then)."""
        text = self.t(key)
        return "" if text == key else text

    def common(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "dir": self.direction,
            "script": self.script,
            "site_name": self.loc(self.ctx.site.name),
        }

    def hotline_list(self, ids: list[str]) -> list[dict[str, Any]]:
        hotlines = self.ctx.hotlines
        return [views.printed_hotline(hotlines[i], self.t, self.ctx.default) for i in ids if i in hotlines]

    def leaflet(self, page: Page, source: Page | None) -> dict[str, Any]:
        meta: Any = page.meta
        return {
            **self.common(),
            "title": meta.title,
            "summary": meta.summary or "",
            "review": {"status": meta.review.status, "text": views.review_text(self.t, meta.review, self.content.site)},
            "notices": self.ctx.notices(page, False, source),
            "body": cite(page.body, meta.sources, link=False),
            "hotlines": self.hotline_list(views.material_hotline_ids(self.content, meta)),
            "sources": [{"text": c["text"], "url": c["url"]} for c in map(views.source_citation, meta.sources)],
            "url": site_url(self.content, f"{self.lang}/materials/{page.slug}/"),
            "labels": {
                "who_to_call": self.t("who_to_call"),
                "sources": self.t("sources"),
                "qr": self.optional("share_qr"),
            },
        }

    def poster(self, audience_id: str) -> dict[str, Any]:
        audience = next(a for a in self.content.audiences if a.id == audience_id)
        ids = list(audience.hotlines) or [h.id for h in sorted(self.content.hotlines, key=lambda h: h.priority)[:2]]
        return {
            **self.common(),
            "name": self.loc(audience.name),
            "intro": self.loc(audience.intro),
            "hotlines": self.hotline_list(ids),
            "url": site_url(self.content, f"{self.lang}/{audience.id}/"),
            "labels": {"help_now": self.t("help_now"), "qr": self.optional("share_qr")},
        }


def _leaflets(content: Content, lang: str, views_: _Views) -> list[PrintJob]:
    """A leaflet per material written in ``lang`` (never for a fallback)."""
    keyed = by_key(content.materials)
    jobs = []
    for page in sorted((p for p in content.materials if p.lang == lang), key=lambda p: p.slug):
        source = page if page.meta.translation is None else original_of(page, keyed)
        inputs = (page.rel,) if source is None or source is page else (page.rel, source.rel)
        target = f"{lang}/{leaflet_path(page.slug)}"
        view = views_.leaflet(page, source)
        jobs.append(PrintJob("leaflet", lang, target, Position(page.rel), view, inputs, page.path.parent.as_posix()))
    return jobs


def _posters(content: Content, lang: str, views_: _Views) -> list[PrintJob]:
    """A poster per audience."""
    return [
        PrintJob("poster", lang, f"{lang}/{poster_path(a.id)}", content.pos(a, "id"), views_.poster(a.id))
        for a in content.audiences
    ]


def _reports(content: Content, lang: str, views_: _Views) -> list[PrintJob]:
    """A báo cáo per report, in the default language only (a Vietnamese official form)."""
    if lang != content.site.default_language:
        return []
    from phobien.printing.report_view import print_view

    jobs = []
    for key, report in sorted(content.reports.items()):
        if report.plan in content.plans:
            url = site_url(content, f"{lang}/reports/{key}/")
            target = f"{lang}/{report_pdf_path(key)}"
            jobs.append(
                PrintJob("report", lang, target, content.pos(report, "plan"), print_view(content, key, report, url))
            )
    return jobs


_MAKERS = {"leaflet": _leaflets, "poster": _posters, "report": _reports}
"""How each kind of print in :data:`~phobien.stage.kinds.KINDS` is made."""


def print_jobs(content: Content, languages: list[str]) -> list[PrintJob]:
    """Every leaflet (materials in the languages they are written in) and poster to make."""
    printed = [k.printed for k in KINDS.values() if k.printed]
    jobs: list[PrintJob] = []
    for lang in languages:
        views_ = _Views(content, lang)
        for what in printed:
            jobs += _MAKERS[what](content, lang, views_)
    return jobs
