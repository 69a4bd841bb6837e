"""Translated pages: their original exists, and a critical page's translation is not outdated."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.core.text import content_hash
from phobien.load.lookup import References
from phobien.load.tree import Content


def check_translations(content: Content, refs: References, diags: Diagnostics) -> None:
    default = content.site.default_language
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
            if source is None and (page.path.parent / tr.source.rpartition("/")[-1]).is_file():
                continue  # the original is there but could not be read: its own error says why
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
