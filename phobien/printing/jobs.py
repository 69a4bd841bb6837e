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
from phobien.model.hotline import Hotline
from phobien.stage.citations import cite
from phobien.stage.pages import Options, Stager, vndate
from phobien.stage.ui import UI

Kind = Literal["leaflet", "poster"]


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


def material_hotline_ids(content: Content, page: Page) -> list[str]:
    """The material's own ``hotlines``, else those of its audiences (as on its web page)."""
    ids = list(getattr(page.meta, "hotlines", []))
    if ids:
        return ids
    audiences = {a.id: a for a in content.audiences}
    for aid in getattr(page.meta, "audiences", []):
        aud = audiences.get(aid)
        ids += [h for h in (aud.hotlines if aud else []) if h not in ids]
    return ids


class _Views:
    """Builds the views of one language."""

    def __init__(self, content: Content, lang: str) -> None:
        self.content = content
        self.site = content.site
        self.lang = lang
        self.default = self.site.default_language
        self.t = UI(content, lang)
        self.hotlines = {h.id: h for h in content.hotlines}
        language = self.site.language(lang)
        self.script = language.script
        self.direction = language.direction

    def loc(self, texts: dict[str, str] | None) -> dict[str, str]:
        """Text in this language, else the default one's; with the language it is in."""
        if not texts:
            return {"text": "", "lang": self.lang}
        if texts.get(self.lang):
            return {"text": texts[self.lang], "lang": self.lang}
        code = self.default if texts.get(self.default) else next(iter(texts))
        return {"text": texts[code], "lang": code}

    def optional(self, key: str) -> str:
        """An interface string that older content may not have yet ('' then)."""
        text = self.t(key)
        return "" if text == key else text

    def common(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "dir": self.direction,
            "script": self.script,
            "site_name": self.loc(self.site.name),
        }

    def hotline(self, h: Hotline) -> dict[str, Any]:
        return {
            "number": h.number,
            "name": self.loc(h.name),
            "hours": self.loc(h.hours),
            "cost": self.t("free_call") if h.free else self.t("paid_call"),
            "free": h.free,
        }

    def hotline_list(self, ids: list[str]) -> list[dict[str, Any]]:
        return [self.hotline(self.hotlines[i]) for i in ids if i in self.hotlines]

    def leaflet(self, page: Page, source: Page | None) -> dict[str, Any]:
        meta: Any = page.meta
        review = meta.review
        if review.status == "reviewed":
            review_text = self.t("reviewed_by", reviewer=review.reviewer, date=vndate(review.reviewed_on))
        else:
            review_text = self.t("not_reviewed_notice", date=vndate(review.reviewed_on))
        notices = Stager(self.content, self.lang, Options()).translation_notices(page, False, source)
        sources = []
        for s in meta.sources:
            text = s.title
            if s.article:
                text += f", {s.article}"
            if s.issuer:
                text += f" ({s.issuer}{', ' + vndate(s.date) if s.date else ''})"
            sources.append({"text": text, "url": s.url or ""})
        return {
            **self.common(),
            "title": meta.title,
            "summary": meta.summary or "",
            "review": {"status": review.status, "text": review_text},
            "notices": notices,
            "body": cite(page.body, meta.sources, link=False),
            "hotlines": self.hotline_list(material_hotline_ids(self.content, page)),
            "sources": sources,
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


def print_jobs(content: Content, languages: list[str]) -> list[PrintJob]:
    """Every leaflet (materials in the languages they are written in) and poster to make."""
    from phobien.printing import leaflet_path, poster_path

    default = content.site.default_language
    originals = {p.slug: p for p in content.materials if p.lang == default}
    jobs: list[PrintJob] = []
    for lang in languages:
        views = _Views(content, lang)
        for page in sorted((p for p in content.materials if p.lang == lang), key=lambda p: p.slug):
            source = originals.get(page.slug)
            inputs = (page.rel,) if source is None or source is page else (page.rel, source.rel)
            jobs.append(
                PrintJob(
                    "leaflet",
                    lang,
                    f"{lang}/{leaflet_path(page.slug)}",
                    Position(page.rel),
                    views.leaflet(page, source),
                    inputs,
                    page.path.parent.as_posix(),
                )
            )
        for audience in content.audiences:
            jobs.append(
                PrintJob(
                    "poster",
                    lang,
                    f"{lang}/{poster_path(audience.id)}",
                    content.pos(audience, "id"),
                    views.poster(audience.id),
                )
            )
    return jobs
