"""Cross-file checks: ids that must exist, ids that must be unique, languages per text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from phobien.core import clock
from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.text import is_slug, slugify
from phobien.engine import icon_svg
from phobien.load.tree import Content, Page
from phobien.load.validate import did_you_mean
from phobien.model.common import Localized, Model

RESERVED_SLUGS = {
    "materials",
    "plans",
    "agencies",
    "legal",
    "news",
    "hotlines",
    "search",
    "data",
    "assets",
    "l",
    "print",
    "deadlines",
    "about",
    "404",
}


class Index:
    """Known ids of one kind, with a readable name for messages."""

    def __init__(self, what: str, ids: Iterable[str], where: str, trusted: bool = True) -> None:
        self.trusted = trusted
        self.what = what
        self.where = where
        self.ids = list(ids)
        self.known = set(self.ids)

    def check(self, diags: Diagnostics, pos: Position, value: str, extra: Iterable[str] = ()) -> None:
        if not self.trusted or value in self.known or value in extra:
            return
        hint = did_you_mean(value, self.ids) or f"; use an id from {self.where}"
        diags.error(pos, f"unknown {self.what} '{value}'{hint}")


def legal_key(value: str) -> str:
    """How a legal reference is matched: by id or by number, ignoring marks and case."""
    return slugify(value)


def legal_index(content: Content) -> dict[str, str]:
    """Every way a legal document can be cited (its id, its number) -> its id; the first wins."""
    index = {legal_key(i): i for i in content.legal}
    for i, doc in content.legal.items():
        if doc.number:
            index.setdefault(legal_key(doc.number), i)
    return index


def _duplicates(diags: Diagnostics, content: Content, items: list[Any], what: str) -> None:
    seen: dict[str, Any] = {}
    for item in items:
        if item.id in seen:
            first = content.pos(seen[item.id], "id")
            diags.error(
                content.pos(item, "id"),
                f"duplicate {what} id '{item.id}' (also on line {first.line}); give each a different id",
            )
        else:
            seen[item.id] = item


def _localized_fields(
    obj: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], dict[str, str]]]:
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if info.annotation == Localized and isinstance(value, dict):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from _localized_fields(value, (*path, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _localized_fields(item, (*path, name, i))


def _check_languages(diags: Diagnostics, content: Content, objs: Iterable[Model]) -> None:
    """Every text needs the default language; texts in languages the site does not publish
    are allowed (content can be ready before a language is switched on) and reported once."""
    site = content.site
    if site is None:
        return
    codes = site.codes
    unpublished: dict[str, tuple[Position, set[str]]] = {}
    for obj in objs:
        for path, texts in _localized_fields(obj):
            for code in texts:
                if code not in codes:
                    pos = content.pos(obj, *path, code, key=True)
                    unpublished.setdefault(pos.path, (pos, set()))[1].add(code)
            if site.default_language not in texts:
                diags.error(
                    content.pos(obj, *path),
                    f"'{path[-1]}' has no text in the default language "
                    f"'{site.default_language}'; add '{site.default_language}: ...'",
                )
    for pos, langs in unpublished.values():
        listed = ", ".join(f"'{c}'" for c in sorted(langs))
        diags.warning(
            pos,
            f"texts in {listed} are not published: the site's languages are {', '.join(codes)}; "
            "add the language to content/site.yml or check the code",
        )


def check_references(content: Content, diags: Diagnostics) -> None:
    """Report every reference to something that does not exist, and every duplicate id."""
    broken = content.broken
    audiences = Index("audience", [a.id for a in content.audiences], "content/audiences.yml", "audiences" not in broken)
    topics = Index("topic", [t.id for t in content.topics], "content/topics.yml", "topics" not in broken)
    hotlines = Index("hotline", [h.id for h in content.hotlines], "content/hotlines.yml", "hotlines" not in broken)
    agencies = Index("agency", [a.id for a in content.agencies], "content/agencies.yml", "agencies" not in broken)
    legal_ids = legal_index(content)
    legal = Index("legal document", content.legal, "content/legal/ (file name or number)")

    _duplicates(diags, content, content.audiences, "audience")
    _duplicates(diags, content, content.topics, "topic")
    _duplicates(diags, content, content.hotlines, "hotline")
    _duplicates(diags, content, content.agencies, "agency")
    for audience in content.audiences:
        if audience.id in RESERVED_SLUGS:
            diags.error(
                content.pos(audience, "id"),
                f"'{audience.id}' is a reserved address of the site; choose another audience id",
            )
        for i, hid in enumerate(audience.hotlines):
            hotlines.check(diags, content.pos(audience, "hotlines", i), hid)
        if audience.icon and icon_svg(audience.icon) is None:
            diags.error(
                content.pos(audience, "icon"),
                f"unknown icon '{audience.icon}'; use a name of a bundled icon set, e.g. 'material/school'",
            )
    _check_languages(diags, content, [*content.audiences, *content.topics, *content.hotlines])
    if content.site is not None:
        _check_languages(diags, content, [content.site])
        agencies.check(diags, content.pos(content.site, "owner_agency"), content.site.owner_agency)
        _check_ui_strings(content, diags)
        slugs = {p.slug for p in content.docs if p.lang == content.site.default_language}
        if content.docs and content.site.safety_page not in slugs:
            diags.error(
                content.pos(content.site, "safety_page"),
                f"there is no page docs/{content.site.safety_page}.{content.site.default_language}.md on browsing "
                "safely; write it or name the right page",
            )

    def check_legal(pos: Position, ref: str) -> None:
        if f"legal/{legal_key(ref)}" in broken:
            return
        if legal_key(ref) not in legal_ids:
            legal.check(diags, pos, ref)

    max_age = content.site.hotline_max_age_days if content.site else 180
    today = clock.today()
    for hotline in content.hotlines:
        age = (today - hotline.verified_on).days
        if age > max_age:
            diags.warning(
                content.pos(hotline, "verified_on"),
                f"hotline {hotline.number} was last verified on {hotline.verified_on:%d/%m/%Y}, {age} days ago "
                f"(limit: {max_age} days, hotline_max_age_days in site.yml); call it or check its source, then "
                "update verified_on",
            )
        for i, aid in enumerate(hotline.audiences):
            audiences.check(diags, content.pos(hotline, "audiences", i), aid)
        if hotline.operator:
            agencies.check(diags, content.pos(hotline, "operator"), hotline.operator)
    for agency in content.agencies:
        if agency.parent:
            agencies.check(diags, content.pos(agency, "parent"), agency.parent)
        for i, sid in enumerate(agency.succeeded_by):
            agencies.check(diags, content.pos(agency, "succeeded_by", i), sid, extra=["unknown"])
    for doc in content.legal.values():
        if doc.superseded_by:
            check_legal(content.pos(doc, "superseded_by"), doc.superseded_by)
        for i, ref in enumerate(doc.amended_by):
            check_legal(content.pos(doc, "amended_by", i), ref)
    for plan_id, plan in content.plans.items():
        if plan_id in ("index", "deadlines"):
            diags.error(content.pos(plan), f"'{plan_id}' is a reserved address; rename the file")
        agencies.check(diags, content.pos(plan, "issuer"), plan.issuer)
        for i, ref in enumerate(plan.legal_basis):
            check_legal(content.pos(plan, "legal_basis", i), ref)
        for i, tid in enumerate(plan.topics):
            topics.check(diags, content.pos(plan, "topics", i), tid)
        section_ids = Index("section", [s.id for s in plan.sections], "this plan's 'sections'")
        seen: dict[str, int] = {}
        for t, task in enumerate(plan.tasks):
            if task.id in seen:
                diags.error(
                    content.pos(plan, "tasks", t, "id"),
                    f"duplicate task id '{task.id}' (also task {seen[task.id] + 1}); "
                    "ids are the task's numbering and must be unique",
                )
            seen.setdefault(task.id, t)
            if task.section is not None:
                section_ids.check(diags, content.pos(plan, "tasks", t, "section"), task.section)
            for role in ("lead", "partners"):
                for a, assignment in enumerate(getattr(task, role)):
                    agencies.check(diags, content.pos(plan, "tasks", t, role, a), assignment.agency)
        for r, duty in enumerate(plan.reporting):
            for role in ("by", "to"):
                for a, aid in enumerate(getattr(duty, role)):
                    agencies.check(diags, content.pos(plan, "reporting", r, role, a), aid)

    for page in [*content.materials, *content.articles]:
        _check_page_refs(page, diags, audiences, topics, hotlines, check_legal)
    _check_plain_language(content, diags)
    _check_translations(content, diags)
    _check_aliases(content, diags)
    _check_list_pages(content, diags)


def check_page_references(content: Content, page: Page, diags: Diagnostics) -> None:
    """The references of one page (``phobien serve`` after an edit of that page alone)."""
    broken = content.broken
    audiences = Index("audience", [a.id for a in content.audiences], "content/audiences.yml", "audiences" not in broken)
    topics = Index("topic", [t.id for t in content.topics], "content/topics.yml", "topics" not in broken)
    hotlines = Index("hotline", [h.id for h in content.hotlines], "content/hotlines.yml", "hotlines" not in broken)
    legal_ids = legal_index(content)
    legal = Index("legal document", content.legal, "content/legal/ (file name or number)")

    def check_legal(pos: Position, ref: str) -> None:
        if f"legal/{legal_key(ref)}" not in broken and legal_key(ref) not in legal_ids:
            legal.check(diags, pos, ref)

    if page.kind != "doc":
        _check_page_refs(page, diags, audiences, topics, hotlines, check_legal)


_LIST_PAGE = re.compile(r"^page-\d+$")


def _check_list_pages(content: Content, diags: Diagnostics) -> None:
    """``page-2``, ``page-3``… of a section are its list's further pages: no page may take them."""
    for page in [*content.materials, *content.articles]:
        if _LIST_PAGE.match(page.slug):
            diags.error(
                Position(page.rel),
                f"'{page.slug}' is the address of a further page of the list of this section; "
                "rename the file (e.g. add a word of its title)",
            )


def _check_aliases(content: Content, diags: Diagnostics) -> None:
    """Old addresses (aliases) must be unique and must not hide a page that exists."""
    folders = {"material": "materials", "article": "news", "doc": ""}
    current: dict[tuple[str, str], Page] = {}
    for page in [*content.materials, *content.articles, *content.docs]:
        folder = folders[page.kind]
        current[(page.lang, f"{folder}/{page.slug}".strip("/"))] = page
    claimed: dict[tuple[str, str], Page] = {}
    for page in [*content.materials, *content.articles, *content.docs]:
        folder = folders[page.kind]
        for i, alias in enumerate(page.meta.aliases):
            path = alias.strip().strip("/").removesuffix("/index.html").removesuffix(".html")
            if "/" not in path and folder:
                path = f"{folder}/{path}"
            key = (page.lang, path)
            pos = page.pos("aliases", i)
            mark = page.located.value_mark(("aliases", i))
            pos = Position(page.rel, mark.line, mark.col)
            if not all(is_slug(part) for part in path.split("/")):
                diags.error(
                    pos,
                    f"alias '{alias}' is not an address of this site; write the old address, e.g. 'materials/ten-cu'",
                )
            elif key in current:
                diags.error(
                    pos,
                    f"alias '{alias}' is the address of {current[key].rel}; an alias must be an old "
                    "address that no page uses now",
                )
            elif key in claimed and claimed[key] is not page:
                diags.error(pos, f"alias '{alias}' is also claimed by {claimed[key].rel}; keep it on one page")
            else:
                claimed[key] = page


def _check_plain_language(content: Content, diags: Diagnostics) -> None:
    from phobien.load.readability import check_readability

    if content.site is None:
        return
    citizens = {a.id for a in content.audiences if a.citizen}
    scripts = {lang.code: lang.script for lang in content.site.languages}
    for page in content.materials:
        if not citizens.intersection(getattr(page.meta, "audiences", [])):
            continue
        check_readability(
            page.rel,
            page.body,
            page.body_line,
            page.meta.summary,
            scripts.get(page.lang, "Latn"),
            content.site.max_sentence_syllables,
            diags,
            page.pos("title"),
            page.lang,
        )


def _check_page_refs(
    page: Page, diags: Diagnostics, audiences: Index, topics: Index, hotlines: Index, check_legal: Any
) -> None:
    meta = page.meta
    for name, index in (("audiences", audiences), ("topics", topics), ("hotlines", hotlines)):
        for i, value in enumerate(getattr(meta, name, [])):
            mark = page.located.value_mark((name, i))
            index.check(diags, Position(page.rel, mark.line, mark.col), value)
    for i, ref in enumerate(getattr(meta, "legal_refs", [])):
        mark = page.located.value_mark(("legal_refs", i))
        check_legal(Position(page.rel, mark.line, mark.col), ref)
    for i, source in enumerate(getattr(meta, "sources", [])):
        if source.title.startswith("CẦN GHI NGUỒN"):
            mark = page.located.value_mark(("sources", i, "title"))
            diags.warning(
                Position(page.rel, mark.line, mark.col),
                "the source is still the placeholder; name the document, its number and article",
            )
        if source.legal_ref:
            mark = page.located.value_mark(("sources", i, "legal_ref"))
            check_legal(Position(page.rel, mark.line, mark.col), source.legal_ref)
    if page.kind == "article":
        lang = getattr(meta, "language", None)
        if lang and lang != page.lang:
            mark = page.located.value_mark(("language",))
            diags.error(
                Position(page.rel, mark.line, mark.col),
                f"language '{lang}' does not match the file name's '.{page.lang}.md'; "
                "remove the field or rename the file",
            )


def _check_translations(content: Content, diags: Diagnostics) -> None:
    from phobien.core.text import content_hash

    default = content.site.default_language if content.site else "vi"
    for group in (content.materials, content.articles, content.docs):
        by_key = {(p.slug, p.lang): p for p in group}
        for page in group:
            tr = page.meta.translation
            if page.lang == default:
                if tr is not None:
                    diags.error(
                        page.pos("translation"),
                        "a page in the default language is an original, not a translation; remove 'translation'",
                    )
                continue
            if tr is None:
                continue
            src_slug, _, rest = tr.source.rpartition("/")[-1].partition(".")
            source = by_key.get((src_slug, rest.removesuffix(".md")))
            if source is None:
                diags.error(
                    page.pos("translation", "source"),
                    f"translation source '{tr.source}' does not exist; name the original "
                    f"file, e.g. '{page.slug}.{default}.md'",
                )
                continue
            critical = getattr(source.meta, "critical", False) or getattr(page.meta, "critical", False)
            if critical and content_hash(source.body) != tr.source_hash:
                diags.warning(
                    page.pos("translation", "source_hash"),
                    f"the original {source.rel} changed after this critical page was translated; update the "
                    f"translation, then run 'phobien translations --stamp {page.rel}'",
                )


def _check_ui_strings(content: Content, diags: Diagnostics) -> None:
    from phobien.stage.ui import KEYS

    assert content.site is not None
    default = content.site.default_language
    rel = f"content/i18n/{default}.yml"
    if "i18n/" + default in content.broken:
        return
    if default not in content.ui:
        diags.error(
            Position(rel),
            "missing interface strings of the default language; copy this file from the phobien starter content",
        )
        return
    have = content.ui[default]
    missing = [k for k in KEYS if k not in have.strings]
    if missing:
        diags.error(
            content.pos(have, "strings"), f"missing interface string(s) {', '.join(missing)}; add them under 'strings:'"
        )
    for code, ui in content.ui.items():
        if code not in content.site.codes:
            diags.warning(content.pos(ui), f"'{code}' is not one of the site's languages; the file is not used")
        for key in ui.strings:
            if key not in KEYS:
                diags.warning(
                    content.pos(ui, "strings", key, key=True),
                    f"unknown interface string '{key}'{did_you_mean(key, list(KEYS))}",
                )
