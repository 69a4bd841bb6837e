"""Load the whole content tree into typed models, collecting every problem at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from phobien.core import yamlpos
from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.memo import Memo, held, version_of
from phobien.core.text import is_slug, slugify
from phobien.core.yamlpos import Located, load, split_front_matter
from phobien.load.files import inside, number_line, read_text, walk_files
from phobien.load.markup import check_markup, remembered
from phobien.load.page import Page
from phobien.load.salvage import invalid_fields, is_salvaged
from phobien.load.validate import validate
from phobien.model.agency import Agency, AgencyFile
from phobien.model.common import Model
from phobien.model.hotline import Hotline, HotlineFile
from phobien.model.i18n import UIStrings
from phobien.model.legal import LegalDocument
from phobien.model.page import ArticleMeta, DocMeta, MaterialMeta, PageMeta
from phobien.model.plan import Plan
from phobien.model.province import Province, ProvinceFile
from phobien.model.reorganisation import ReorganisationFile
from phobien.model.report import Report
from phobien.model.site import Site
from phobien.model.synonyms import SynonymFile
from phobien.model.vocab import Audience, AudienceFile, Topic, TopicFile

M = TypeVar("M", bound=Model)

PAGE_NAME = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[a-z]{2,3})\.md$")


@dataclass
class Content:
    """Everything in content/ and docs/, validated."""

    root: Path
    site: Site = field(default_factory=lambda: Site.placeholder())
    """The site's settings; a placeholder (and "site" in ``broken``) when site.yml could not be read."""
    audiences: list[Audience] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    hotlines: list[Hotline] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    provinces: list[Province] = field(default_factory=list)
    reorganisations: ReorganisationFile | None = None
    """content/reorganisations.yml: the events that closed bodies (None when absent or broken)."""
    legal: dict[str, LegalDocument] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    """Reports on plans, by '<plan id>/<period>' (content/reports/<plan id>/<period>.yml)."""
    materials: list[Page] = field(default_factory=list)
    articles: list[Page] = field(default_factory=list)
    docs: list[Page] = field(default_factory=list)
    ui: dict[str, UIStrings] = field(default_factory=dict)
    synonyms: SynonymFile | None = None
    """content/synonyms.yml (optional): groups of words that mean the same, for search."""
    files: dict[str, Located] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    """Lists that could not be read: references to them are not checked (no false alarms)."""
    salvaged: bool = False
    """Some file failed validation and was kept in part (:mod:`phobien.load.salvage`): the run
    has errors, builds nothing, and its checks see objects with empty fields."""
    root_found: bool = True
    """False when there is no content/ folder at all (nothing else is reported then)."""

    def pos(self, obj: Model, *sub: str | int, key: bool = False) -> Position:
        """Position of ``obj`` (or of a field inside it) in the file it was read from."""
        located = self.files.get(obj._file)
        if located is None:
            return Position(obj._file or "content")
        path = (*obj._path, *sub)
        mark = located.key_mark(path) if key else located.value_mark(path)
        return Position(obj._file, mark.line, mark.col)


def _load_yaml(path: Path, content: Content, diags: Diagnostics) -> Located | None:
    rel = diags.rel(path)
    text = read_text(path, diags)
    if text is None:
        return None
    located, problems = load(text)
    for problem in problems:
        diags.error(Position(rel, problem.mark.line, problem.mark.col), problem.message)
    if located is None:
        return None
    content.files[rel] = located
    return located


def _load_model(model: type[M], path: Path, content: Content, diags: Diagnostics, keep: bool = False) -> M | None:
    located = _load_yaml(path, content, diags)
    if located is None:
        return None
    rel = diags.rel(path)
    if located.data is None:
        diags.error(Position(rel), "the file is empty; see the other files of its kind for the fields it needs")
        return None
    obj = validate(model, located, rel, diags, keep=keep)
    if obj is not None:
        obj.located_at(rel, ())
        content.salvaged |= is_salvaged(obj)
    return obj


def _locate_items(items: list[Any], rel: str, key: str) -> None:
    for i, item in enumerate(items):
        item.located_at(rel, (key, i))


def _required(path: Path, diags: Diagnostics, example: str) -> bool:
    if path.is_file():
        return True
    diags.error(Position(diags.rel(path)), f"missing file; create it (e.g. {example})")
    return False


def _load_list(model: type[M], key: str, path: Path, content: Content, diags: Diagnostics) -> list[Any]:
    if not _required(path, diags, f"'{key}: []'"):
        content.broken.add(key)
        return []
    obj = _load_model(model, path, content, diags, keep=True)
    items: list[Any] = getattr(obj, key, None) or []
    if obj is None or (is_salvaged(obj) and (not items or any("id" in invalid_fields(i) for i in items))):
        content.broken.add(key)  # an entry whose id is unknown: references to the list are not checked
    _locate_items(items, diags.rel(path), key)
    return items


def _load_dir(model: type[M], folder: Path, content: Content, diags: Diagnostics, keep: bool = False) -> dict[str, M]:
    result: dict[str, M] = {}
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not inside(path, diags) or path.is_dir():
            continue
        rel = diags.rel(path)
        if path.suffix == ".yaml":
            diags.error(Position(rel), "rename the file to end in '.yml'")
            continue
        if path.suffix != ".yml":
            diags.warning(Position(rel), f"ignored: only .yml files belong in {diags.rel(folder)}/")
            continue
        if not is_slug(path.stem):
            diags.error(
                Position(rel),
                f"file name '{path.name}' is not a valid id; use lower-case ASCII letters, digits "
                "and hyphens, e.g. '87-qd-ttg.yml'",
            )
            continue
        obj = _load_model(model, path, content, diags, keep=keep)
        if obj is not None:
            result[path.stem] = obj
        if obj is None or is_salvaged(obj):
            content.broken.add(f"{folder.name}/{path.stem}")
        if obj is None and (number := number_line(path)):
            content.broken.add(f"{folder.name}-number/{slugify(number)}")
    return result


def _load_reports(folder: Path, content: Content, diags: Diagnostics) -> dict[str, Report]:
    """content/reports/<plan id>/<period>.yml; a file directly in reports/ has no plan."""
    result: dict[str, Report] = {}
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if not inside(path, diags):
            continue
        if path.is_dir() and not path.name.startswith("."):
            for key, report in _load_dir(Report, path, content, diags).items():
                result[f"{path.name}/{key}"] = report
        elif path.is_file():
            diags.error(
                Position(diags.rel(path)),
                "a report belongs in the folder of its plan: content/reports/<plan id>/<period>.yml",
            )
    return result


def _load_pages(
    kind: str, meta_model: type[PageMeta], folder: Path, content: Content, diags: Diagnostics, langs: set[str] | None
) -> list[Page]:
    pages: list[Page] = []
    if not folder.is_dir():
        return pages
    for path in walk_files(folder, diags):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        rel = diags.rel(path)
        if path.suffix != ".md":
            if kind != "doc":
                diags.warning(Position(rel), f"ignored: only .md files belong in {diags.rel(folder)}/")
            continue
        m = PAGE_NAME.match(path.name)
        if not m:
            diags.error(
                Position(rel),
                "the file name must be '<name>.<language>.md' with a language code, "
                "e.g. 'quyen-khong-bi-tra-tan.vi.md'",
            )
            continue
        slug, lang = m.group("slug"), m.group("lang")
        if not is_slug(slug):
            diags.error(
                Position(rel),
                f"'{slug}' in the file name is not a valid page address; use lower-case ASCII "
                "letters, digits and hyphens, without tone marks (e.g. 'quyen-cua-tre-em')",
            )
            continue
        if langs is not None and lang not in langs:
            diags.error(
                Position(rel),
                f"language '{lang}' in the file name is not one of the site's languages "
                f"({', '.join(sorted(langs))}); see content/site.yml",
            )
            continue
        page = _load_page(kind, meta_model, path, slug, lang, content, diags)
        if page is not None:
            pages.append(page)
    return pages


def _load_page(
    kind: str, meta_model: type[PageMeta], path: Path, slug: str, lang: str, content: Content, diags: Diagnostics
) -> Page | None:
    rel = diags.rel(path)
    text = read_text(path, diags)
    if text is None:
        return None
    front, body, body_line = split_front_matter(text)
    if front is None:
        if text.startswith("---"):
            diags.error(Position(rel), "the front matter has no closing '---' line; add one after the last field")
            return None
        if kind == "doc":
            front = ""
        else:
            diags.error(
                Position(rel),
                "the page has no front matter; start the file with a '---' line, the fields "
                "(title, summary, ...) and another '---' line",
            )
            return None
    located, problems = load(front, line_offset=1)
    for problem in problems:
        diags.error(Position(rel, problem.mark.line, problem.mark.col), problem.message)
    if located is None:
        return None
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        diags.error(Position(rel, 2, 1), "the front matter must be 'name: value' lines")
        return None
    if kind == "doc" and "title" not in located.data:
        located.data["title"] = _first_heading(body) or slug
    meta = validate(meta_model, located, rel, diags, keep=True)
    if meta is None:
        return None
    content.files[rel] = located
    meta.located_at(rel, ())
    content.salvaged |= is_salvaged(meta)
    check_markup(body, rel, body_line, diags)
    return Page(kind, slug, lang, path, rel, meta, body, body_line, located)


PAGE_FOLDERS: dict[str, tuple[str, type[PageMeta], str]] = {
    "content/materials": ("material", MaterialMeta, "materials"),
    "content/articles": ("article", ArticleMeta, "articles"),
    "docs": ("doc", DocMeta, "docs"),
}
"""Folder of Markdown pages -> (kind of page, its front matter, the :class:`Content` list)."""


def page_folder(rel: str) -> str | None:
    """The folder of :data:`PAGE_FOLDERS` that holds the file ``rel`` (relative to the project)."""
    return next((folder for folder in PAGE_FOLDERS if rel.startswith(folder + "/")), None)


def reload_page(content: Content, path: Path, diags: Diagnostics) -> Page | None:
    """Read one material, article or docs page again (``phobien serve`` after an edit); the
    rest of the content is taken as it was. :func:`phobien.checks.recheck_page` also checks it."""
    folder = page_folder(diags.rel(path))
    m = PAGE_NAME.match(path.name)
    if folder is None or not m:
        return None
    kind, meta_model, _ = PAGE_FOLDERS[folder]
    page = _load_page(kind, meta_model, path, m.group("slug"), m.group("lang"), content, diags)
    return page


def _first_heading(body: str) -> str | None:
    m = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
    return m.group(1) if m else None


def _load_optional(model: type[M], key: str, cdir: Path, content: Content, diags: Diagnostics) -> M | None:
    """content/<key>.yml when there is one; a file that cannot be read marks ``key`` broken."""
    path = cdir / f"{key}.yml"
    if not path.is_file():
        return None
    obj = _load_model(model, path, content, diags)
    if obj is None:
        content.broken.add(key)
        return None
    rel = diags.rel(path)
    for name in ("sources", "events", "agencies"):
        _locate_items(getattr(obj, name, []), rel, name)
    return obj


def _load_provinces(path: Path, content: Content, diags: Diagnostics) -> list[Province]:
    """content/provinces.yml (optional: a project without it has no gazetteer), its ids checked."""
    if not path.is_file():
        return []
    obj = _load_model(ProvinceFile, path, content, diags)
    if obj is None:
        content.broken.add("provinces")
        return []
    rel = diags.rel(path)
    _locate_items(obj.provinces, rel, "provinces")
    located = content.files[rel]
    ids = {p.id for p in obj.provinces}
    sources = {s.id for s in obj.sources}

    def unknown(where: tuple[str | int, ...], ref: str, kind: str) -> None:
        mark = located.value_mark(where)
        diags.error(Position(rel, mark.line, mark.col), f"'{ref}' is not an id of this file's {kind}; use one of them")

    for i, p in enumerate(obj.provinces):
        if p.merged_into and p.merged_into not in ids:
            unknown(("provinces", i, "merged_into"), p.merged_into, "provinces")
        if p.source not in sources:
            unknown(("provinces", i, "source"), p.source, "sources")
        for j, ref in enumerate(p.formed_from):
            if ref not in ids:
                unknown(("provinces", i, "formed_from", j), ref, "provinces")
    return obj.provinces


def load_content(root: Path, diags: Diagnostics | None = None) -> tuple[Content, Diagnostics]:
    """Read and validate every file of ``root``/content and ``root``/docs, each on its own.
    Never raises for bad content. The checks across files are in :mod:`phobien.checks`."""
    diags = diags or Diagnostics(root)
    cdir = root / "content"
    content = Content(root=root)
    if not cdir.is_dir():
        diags.error(Position("content"), "there is no content/ folder here; run phobien in the project folder")
        content.root_found = False
        return content, diags
    site = None
    if _required(cdir / "site.yml", diags, "copy site.yml from the phobien starter content"):
        site = _load_model(Site, cdir / "site.yml", content, diags)
    if site is None:
        content.broken.add("site")
    else:
        content.site = site
    langs = None if "site" in content.broken else set(content.site.codes)
    with remembered(root), held(yamlpos.MEMO, Memo(root / ".phobien-cache" / "check" / "yaml.bin", _YAML)):
        _load_rest(cdir, root, content, diags, langs)
    return content, diags


_YAML = version_of([yamlpos], ["PyYAML"])
"""The version of what a YAML document is read into (:data:`phobien.core.yamlpos.MEMO`)."""


def _load_rest(cdir: Path, root: Path, content: Content, diags: Diagnostics, langs: set[str] | None) -> None:
    content.audiences = _load_list(AudienceFile, "audiences", cdir / "audiences.yml", content, diags)
    content.topics = _load_list(TopicFile, "topics", cdir / "topics.yml", content, diags)
    content.hotlines = _load_list(HotlineFile, "hotlines", cdir / "hotlines.yml", content, diags)
    content.agencies = _load_list(AgencyFile, "agencies", cdir / "agencies.yml", content, diags)
    content.provinces = _load_provinces(cdir / "provinces.yml", content, diags)
    content.reorganisations = _load_optional(ReorganisationFile, "reorganisations", cdir, content, diags)
    content.legal = _load_dir(LegalDocument, cdir / "legal", content, diags, keep=True)
    content.plans = _load_dir(Plan, cdir / "plans", content, diags, keep=True)
    content.reports = _load_reports(cdir / "reports", content, diags)
    for folder, (kind, meta_model, field_name) in PAGE_FOLDERS.items():
        setattr(content, field_name, _load_pages(kind, meta_model, root / folder, content, diags, langs))
    i18n = _load_dir(UIStrings, cdir / "i18n", content, diags)
    content.ui = i18n
    if (cdir / "synonyms.yml").is_file():
        content.synonyms = _load_model(SynonymFile, cdir / "synonyms.yml", content, diags)
