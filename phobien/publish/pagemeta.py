"""Per-page data for the templates: language switcher, hotlines in view, short link, QR code."""

from __future__ import annotations

from typing import Any

from phobien.load import Content
from phobien.model.translation import in_language
from phobien.stage.addresses import origin_of, short_code
from phobien.stage.nav import ELSEWHERE, section_links, switch_target
from phobien.stage.pages import Options
from phobien.stage.staged import Staged
from phobien.stage.urls import page_url, relative


def page_meta(
    content: Content, staged: dict[str, list[Staged]], lang: str, opts: Options, only: list[Staged] | None = None
) -> dict[str, dict[str, Any]]:
    """Per-page data for the templates: language switcher targets and hotlines in view
    (of every page of ``lang``, or of the pages ``only``)."""
    paths = {code: {p.path for p in pages} for code, pages in staged.items()}
    hotlines = {h.id: h for h in content.hotlines}
    safety = f"{content.site.safety_page}.md"
    default_hotlines = [h.id for h in sorted(content.hotlines, key=lambda h: h.priority)[:2]]
    result: dict[str, dict[str, Any]] = {}
    for page in staged[lang] if only is None else only:
        alternates = []
        for other in content.site.languages:
            target = switch_target(page.path, paths[other.code])
            elsewhere = "" if target == page.path else f"#{ELSEWHERE}{lang}"
            alternates.append(
                {
                    "lang": other.code,
                    "name": other.name,
                    "current": other.code == lang,
                    "href": cross_language(page.path, other.code, target, opts.directory_urls) + elsewhere,
                    "same_page": target == page.path,
                }
            )
        ids = [] if page.kind == "home" else page.data.get("hotlines") or default_hotlines
        view = []
        for hid in ids[:2]:
            h = hotlines.get(hid)
            if h:
                view.append(
                    {
                        "number": h.number,
                        "tel": h.number.replace(" ", ""),
                        "name": in_language(h.name, lang, content.site.default_language)[0],
                    }
                )
        code = short_code(origin_of(page))
        url = page_url(page.path, opts.directory_urls)
        depth = url.count("/") if opts.directory_urls else page.path.count("/")
        result[page.path] = {
            "code": code,
            "short_url": f"{content.site.base_url.rstrip('/')}/l/{code}/",
            "short_href": "../" * (depth + 1) + (f"l/{code}/" if opts.directory_urls else f"l/{code}.html"),
            "qr": "qr.svg" if opts.directory_urls else url.rpartition("/")[2].removesuffix(".html") + ".qr.svg",
            "alternates": alternates,
            "hotlines": view,
            "search": relative(page.path, "search.md", opts.directory_urls),
            "safety": relative(page.path, safety, opts.directory_urls) if safety in paths[lang] else None,
            "nav": section_links(page.path, paths[lang], safety, opts.directory_urls),
        }
    return result


def cross_language(from_path: str, lang: str, to_path: str, directory_urls: bool) -> str:
    """Link from a page of one language to ``to_path`` in language ``lang``."""
    depth = page_url(from_path, directory_urls).count("/")
    return "../" * (depth + 1) + f"{lang}/" + page_url(to_path, directory_urls)
