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
- **Light** (:mod:`.files`): nothing is downloaded before a search starts; the first query of a
  visit fetches a tiny manifest and (up to a size) the titles of all pages, each query the
  shards of its words (FNV-1a hash, :mod:`.shards`), and once typing stops the metadata chunks
  (snippets) of the results it shows.
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
from typing import TYPE_CHECKING, Any

from phobien.search.cache import PageCache
from phobien.search.extract import PageText, page_text
from phobien.search.files import GzipSizes, Sizes, fragments_of, index_files, write_files
from phobien.search.index import LanguageIndex, language_index

if TYPE_CHECKING:
    from phobien.search.patch import Kept, Patched

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
    folder), pages whose HTML an earlier build analysed are not analysed again, the last build's
    index is patched with the pages that changed (:mod:`.patch`) and files the same as those the
    last build left in ``previous`` (its ``out/<lang>``) are linked from there."""
    if cache is None:
        index = _index_all(folder, lang, offline, synonyms, None)[0]
        write_files(folder / SEARCH_FOLDER, index_files(index, lang, sizes))
        return index
    from phobien.core.memo import MISSING, Memo
    from phobien.search import patch

    kept = PageCache(cache, lang, offline, synonyms)
    written = Memo(cache / f"{lang}.files", "1")
    last = patch.load(cache / f"{lang}.index", kept.version)
    if last is not None and written.get("manifest") is not MISSING and written.get("manifest")[0] == last.manifest:
        done = _patch(folder, lang, offline, synonyms, kept, last, written)
    else:
        done = None
    if done is None:
        index, state = _index_all(folder, lang, offline, synonyms, kept)
        assert state is not None
        fragments = state.fragments
    else:
        index, state = done.index, last
        fragments = last.fragments
    assert state is not None
    measure = GzipSizes(state.gzip)
    built = index_files(index, lang, sizes, fragments, measure, done.same if done is not None else None)
    write_files(folder / SEARCH_FOLDER, built, previous / SEARCH_FOLDER if previous is not None else None, written)
    state.gzip, state.manifest = measure.now, written.get("manifest")[0]
    patch.save(cache / f"{lang}.index", kept.version, state)
    kept.save()
    written.save()
    return index


def _index_all(
    folder: Path, lang: str, offline: bool, synonyms: list[list[str]] | None, kept: PageCache | None
) -> tuple[LanguageIndex, Kept | None]:
    """The index of every page (those ``kept`` has analysed taken from it), and what the next
    build patches (with ``kept``)."""
    index = language_index(lang, synonyms)
    rels, keys, searched, kinds, files = [], [], bytearray(), [], []
    for rel, path in _html_files(folder):
        if kept is not None:
            files.append(_signature(path))
        html = path.read_bytes()
        key = kept.key(rel, html) if kept is not None else ""
        found, entry = kept.get(key) if kept is not None else (False, None)
        if not found:
            text = page_text(html.decode("utf-8", errors="replace"), page_url(rel, offline))
            entry = index.analyse(text) if text is not None and not text.fallback else None
        if entry is not None:
            index.add_entry(entry)
            kinds.append(entry.kind_keys)
        if kept is not None:
            kept.keep(key, entry)
            rels.append(rel)
            keys.append(key)
            searched.append(entry is not None)
    index.finish()
    if kept is None:
        return index, None
    from phobien.search.patch import kept_of

    state = kept_of(index, rels, keys, bytes(searched), kinds, fragments_of(index))
    state.files = files
    return index, state


def _signature(path: Path) -> tuple[int, int, int]:
    """Size, time and inode of a built file: a page the build took from the previous site is the
    same file (a hard link), so its HTML need not be read again to know it is the same."""
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ino


def _patch(
    folder: Path, lang: str, offline: bool, synonyms: list[list[str]] | None, kept: PageCache, last: Kept, written: Any
) -> Patched | None:
    """The last build's index ``last`` patched with the pages whose HTML changed, or None."""
    from phobien.search.patch import Pages, patch

    index = language_index(lang, synonyms)
    rels, keys, fresh, files = [], [], {}, []
    known = dict(zip(last.rels, zip(last.files, last.keys, strict=True), strict=True))
    for rel, path in _html_files(folder):
        files.append(_signature(path))
        was = known.get(rel)
        if was is not None and was[0] == files[-1] and was[1] in kept.before:
            key = was[1]
        else:
            html = path.read_bytes()
            key = kept.key(rel, html)
            if key not in kept.before and key not in fresh:
                text = page_text(html.decode("utf-8", errors="replace"), page_url(rel, offline))
                fresh[key] = index.analyse(text) if text is not None and not text.fallback else None
        rels.append(rel)
        keys.append(key)
    try:
        done = patch(last, rels, keys, Pages(kept, fresh), lang, written)
    except (KeyError, IndexError, ValueError, TypeError, AssertionError):
        done = None  # a record that does not fit the pages: build anew
    if done is not None:
        last.files = files
        for key in keys:
            kept.keep(key, fresh.get(key))
    return done
