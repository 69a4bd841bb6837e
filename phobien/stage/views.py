"""Views shown on the web pages and on paper alike: the text in a language, a hotline, the
review line, the status of a plan or a law, a source citation, the translation notices.

Plain functions of the models and the interface strings (:class:`~phobien.stage.ui.UI`), so
that :mod:`phobien.stage.kinds` and :mod:`phobien.printing.jobs` say the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from phobien.load import Content, Page
from phobien.model.hotline import Hotline
from phobien.model.legal import LegalDocument
from phobien.model.plan import Plan
from phobien.model.site import Site
from phobien.model.translation import in_language, is_outdated
from phobien.stage.staged import legal_label
from phobien.stage.ui import UI


def vndate(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def text_in(texts: dict[str, str] | None, lang: str, default: str) -> dict[str, str]:
    """The text to show in ``lang`` with the language it is in: ``{"text": …, "lang": …}``."""
    text, code = in_language(texts, lang, default)
    return {"text": text, "lang": code}


def html_in(texts: dict[str, str] | None, lang: str, default: str) -> Markup | str:
    """The text to show in ``lang`` for HTML: text in another language is marked with its ``lang``."""
    text, code = in_language(texts, lang, default)
    if not text or code == lang:
        return text
    return Markup('<span lang="{}">{}</span>').format(code, text)


def hotline_view(h: Hotline, lang: str, site: Site, today: dt.date) -> dict[str, Any]:
    """A hotline on a web page (name, for whom, hours in the reader's language where written)."""
    default = site.default_language
    return {
        "id": h.id,
        "number": h.number,
        "name": html_in(h.name, lang, default),
        "for_whom": html_in(h.for_whom, lang, default),
        "hours": html_in(h.hours, lang, default),
        "free": h.free,
        "verified_on": h.verified_on,
        "sources": h.sources,
        "stale": (today - h.verified_on).days > site.hotline_max_age_days,
    }


def printed_hotline(h: Hotline, t: UI, default: str) -> dict[str, Any]:
    """A hotline on paper: its texts with the language they are in, and what a call costs."""
    return {
        "number": h.number,
        "name": text_in(h.name, t.lang, default),
        "hours": text_in(h.hours, t.lang, default),
        "cost": t("free_call") if h.free else t("paid_call"),
        "free": h.free,
    }


def material_hotline_ids(content: Content, meta: Any) -> list[str]:
    """The material's own ``hotlines``, else those of its audiences (web page and leaflet)."""
    ids = list(getattr(meta, "hotlines", []))
    if ids:
        return ids
    audiences = {a.id: a for a in content.audiences}
    for aid in getattr(meta, "audiences", []):
        aud = audiences.get(aid)
        ids += [h for h in (aud.hotlines if aud else []) if h not in ids]
    return ids


def review_due(review: Any, site: Site) -> dt.date | None:
    """When a material's next review is due: ``review_max_age_days`` after its last one."""
    if review.reviewed_on is None:
        return None
    return review.reviewed_on + dt.timedelta(days=site.review_max_age_days)


def review_text(t: UI, review: Any, site: Site) -> str:
    """Who reviewed a material and when, or that nobody has yet; who checked it last, and when
    the next review is due (as health services date their leaflets)."""
    if review.status == "reviewed":
        text = t("reviewed_by", reviewer=review.reviewer, date=vndate(review.reviewed_on))
    else:
        text = t("not_reviewed_notice", date=vndate(review.reviewed_on))
        text += " " + t("review_checked_by", reviewer=review.reviewer or t("review_by_editors"))
    due = review_due(review, site)
    return text + (" " + t("review_next", due=vndate(due)) if due else "")


def source_citation(source: Any) -> dict[str, str]:
    """A source as cited: its title (linked to ``url`` where there is one) and the details after
    it, ", <article> (<issuer>, <date>)"; ``text`` is the whole citation as plain text."""
    detail = f", {source.article}" if source.article else ""
    if source.issuer:
        detail += f" ({source.issuer}{', ' + vndate(source.date) if source.date else ''})"
    return {
        "id": source.id or "",
        "title": source.title,
        "url": source.url or "",
        "detail": detail,
        "text": source.title + detail,
    }


def legal_status(doc_id: str, doc: LegalDocument) -> dict[str, str]:
    """A legal document as cited: its id, label and status today."""
    return {"id": doc_id, "label": legal_label(doc_id, doc), "status": doc.status}


def plan_status(plan: Plan, today: dt.date) -> str:
    """running, ended, not_started or open_ended (no end year in the text)."""
    start, end = plan.period.start_year, plan.period.end_year
    if end is not None and end < today.year:
        return "ended"
    if start is not None and start > today.year:
        return "not_started"
    return "running" if end is not None else "open_ended"


def translation_notices(t: UI, site: Site, page: Page, fallback: bool, source: Page | None) -> list[dict[str, str]]:
    """What a reader of ``page`` in language ``t.lang`` is told about its translation: shown in
    the default language (``fallback``), machine-made, not reviewed, outdated (``source``: its
    original)."""
    default_name = site.language(site.default_language).name
    if fallback:
        text = t("fallback_notice", language=site.language(t.lang).name, default=default_name)
        return [{"kind": "fallback", "text": text}]
    tr = page.meta.translation
    if tr is None:
        return []
    notices = []
    if tr.by == "machine" and not tr.reviewed_by:
        notices.append({"kind": "machine", "text": t("machine_translation_notice", default=default_name)})
    elif not tr.reviewed_by:
        notices.append({"kind": "unreviewed", "text": t("unreviewed_translation_notice", default=default_name)})
    if is_outdated(page, source):
        notices.append({"kind": "outdated", "text": t("outdated_translation_notice", default=default_name)})
    return notices
