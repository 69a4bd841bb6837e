"""phobien's own search: built per language at build time, loaded only when someone searches.

Why not Pagefind or Material's search (measured in November 2026, see the platform notes):
Material's lunr search downloads the whole index on every page (13.8 MB at 2,000 pages),
does not fold tone marks and lets any one word match. Pagefind 1.5 folds tone marks and needs
all words, but does not fold "đ" to "d" ("dieu", "dai" find nothing), answers an unknown word
with short prefix guesses ("torture" matched 500 Vietnamese pages through "tổ/tố"), does not
work from file:// (no offline USB copy) and does not segment unspaced Khmer. So:

- **Matching** (:mod:`.tokens`): tone marks, đ/Đ, case and NFC/NFD do not matter
  (:func:`phobien.core.text.fold`); every word of a query must be in a page, with no prefix
  matching at all; pages with the exact accented form of a word rank first; quoted phrases
  match by word bigrams (:mod:`.index`, an approximation documented there).
- **Per language**: each language has its own index in ``<lang>/search/``; fallback pages
  (another language's text under a notice) belong to that other language's search.
- **Khmer**: words are found inside unspaced sentences: ICU dictionary words at build time
  (``icu4py``), ``Intl.Segmenter`` in the browser, matched through cluster bigrams because the
  two ICU versions do not always cut alike.
- **Light** (:mod:`.files`): nothing is downloaded before a search starts; a query fetches a
  tiny manifest, the shards of its words (FNV-1a hash, :mod:`.shards`) and the metadata chunks
  of the results it shows.
- **Offline**: the files are scripts calling ``window.__phobienSearch``, so search works from
  file:// as well as http://, under CSP ``script-src 'self'``.

Integration points (the rest of phobien calls only these):
- :func:`index_language` after a language's HTML exists in ``out/<lang>/`` (the build calls it
  in that language's worker; ``opensearch.xml`` is written with the language's other files);
- the page ``search.md`` staged per language from ``templates/search.md.j2``;
- ``overrides/assets/javascripts/search.js`` (loaded by the search page only).
"""

from __future__ import annotations

from pathlib import Path

from phobien.search.extract import PageText, page_text
from phobien.search.files import Sizes, index_files, write_files
from phobien.search.index import LanguageIndex, synonym_groups

SEARCH_FOLDER = "search"
"""Where the index of a language lives: the online search page's own folder, ``<lang>/search/``."""

__all__ = ["SEARCH_FOLDER", "collect_pages", "index_language", "synonyms_of"]


def synonyms_of(root: Path, lang: str) -> list[list[str]]:
    """The groups of ``root``/content/synonyms.yml for ``lang`` (none without the file). The file
    was checked before the build (``phobien check``); read here with phobien's own YAML reader."""
    from phobien.core.yamlpos import load
    from phobien.model.synonyms import SynonymFile

    path = root / "content" / "synonyms.yml"
    if not path.is_file():
        return []
    located, _ = load(path.read_text(encoding="utf-8"))
    if located is None or located.data is None:
        return []
    return SynonymFile.model_validate(located.data).synonyms.get(lang, [])


def page_url(rel: str, offline: bool) -> str:
    """URL of a built HTML file relative to its language's root."""
    if offline:
        return rel
    return rel.removesuffix("index.html")


def _is_search_page(rel: str) -> bool:
    return rel in (f"{SEARCH_FOLDER}/index.html", f"{SEARCH_FOLDER}.html")


def _html_files(folder: Path) -> list[tuple[str, Path]]:
    """The searchable HTML files of a language's folder, relative to it, in a stable order."""
    found = []
    for path in folder.rglob("*.html"):
        rel = path.relative_to(folder).as_posix()
        if rel != "404.html" and not _is_search_page(rel) and not rel.startswith("assets/"):
            found.append((rel, path))
    return sorted(found)


def collect_pages(folder: Path, offline: bool = False) -> list[PageText]:
    """The searchable pages of one language's built folder, in a stable order."""
    pages = []
    for rel, path in _html_files(folder):
        text = page_text(path.read_text(encoding="utf-8", errors="replace"), page_url(rel, offline))
        if text is not None and not text.fallback:
            pages.append(text)
    return pages


def index_language(
    folder: Path,
    lang: str,
    offline: bool = False,
    sizes: Sizes | None = None,
    synonyms: list[list[str]] | None = None,
    cache: Path | None = None,
    previous: Path | None = None,
) -> LanguageIndex:
    """Index the built pages of ``folder`` (``out/<lang>``) and write ``out/<lang>/search/*.js``;
    ``synonyms`` are the groups of ``content/synonyms.yml`` for ``lang``. With ``cache`` (a
    folder), pages whose HTML an earlier build analysed are not analysed again, and files the
    same as those the last build left in ``previous`` (its ``out/<lang>``) are linked from there."""
    from phobien.core.memo import Memo
    from phobien.search.cache import PageCache

    index = LanguageIndex(lang=lang, synonyms=synonym_groups(synonyms or [], lang))
    kept = PageCache(cache, lang, offline, synonyms)
    for rel, path in _html_files(folder):
        html = path.read_bytes()
        key = kept.key(rel, html) if cache is not None else ""
        found, entry = kept.get(key) if cache is not None else (False, None)
        if not found:
            text = page_text(html.decode("utf-8", errors="replace"), page_url(rel, offline))
            entry = index.analyse(text) if text is not None and not text.fallback else None
        if entry is not None:
            index.add_entry(entry)
        kept.keep(key, entry)
    index.finish()
    written = Memo(cache / f"{lang}.files", "1") if cache is not None else None
    old = previous / SEARCH_FOLDER if previous is not None else None
    write_files(folder / SEARCH_FOLDER, index_files(index, lang, sizes), old, written)
    kept.save()
    if written is not None:
        written.save()
    return index
