"""Every internal link and anchor of the built site must resolve.

Runs on the finished HTML (so it checks what readers get, whoever generated the link) before
the new site is swapped in. A broken link is a warning; ``--strict`` makes it fail the build.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import sys
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.memo import MISSING, Memo, key_of, version_of

_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)
_ID = 'id="'
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # other sites, tel:, mailto:


@lru_cache(maxsize=1 << 14)
def _parts(href: str) -> tuple[str, str, str]:
    """The path of ``href`` (unquoted), what it was written as, and its fragment (unquoted);
    kept: the same links are on every page (menus, footers)."""
    parts = urlsplit(href)
    return unquote(parts.path), parts.path, unquote(parts.fragment)


Link = tuple[str, str | None, str, bool]
"""One link of a page: (as written, its target relative to the site — "" for the site's own
folder, an absolute path outside it, None for a root-relative link —, its fragment, whether it
was written as a folder, with a final '/')."""


def _links(site: str, page: str, text: str) -> list[Link]:
    """The links of ``page`` (an absolute path under ``site``) to check, resolved: what depends
    only on the page's text (the folders of the site are looked at by :func:`_target`)."""
    found: list[Link] = []
    own = page[len(site) + 1 :]
    for href in dict.fromkeys(_LINK.findall(text)):
        if not href or _SKIP.match(href):
            continue
        path, written, fragment = _parts(href)
        if not written:
            found.append((href, own, fragment, False))
        elif written.startswith("/"):
            found.append((href, None, fragment, False))  # root-relative: never survives a copy
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            rel = "" if resolved == site else resolved.removeprefix(site + "/")
            found.append((href, rel, fragment, written.endswith("/")))
    return found


def _target(site: str, link: Link, dirs: set[str]) -> str | None:
    """The file a link leads to (absolute), given the folders of the site; None: root-relative."""
    _, rel, _, folder = link
    if rel is None:
        return None
    target = rel if rel.startswith("/") else f"{site}/{rel}" if rel else site
    if folder or target in dirs:
        target = posixpath.join(target, "index.html")
    return target


def _ids_in(text: str) -> frozenset[str]:
    """The values of ``id="…"`` attributes, as the pattern ``\\bid="([^"]+)"`` finds them, but
    by finding the literal (the pattern's ``\\b`` made it try every position: ten times slower)."""
    found: list[str] = []
    at = text.find(_ID)
    while at >= 0:
        before = text[at - 1] if at else " "
        end = text.find('"', at + len(_ID))
        if end < 0:
            break
        if before.isalnum() or before == "_" or end == at + len(_ID):  # not at a word's start, or empty
            at = text.find(_ID, at + 1)
            continue
        found.append(text[at + len(_ID) : end])
        at = text.find(_ID, end + 1)
    return frozenset(found)


@cache
def _ids(path: str) -> frozenset[str]:
    """The ids of a page (a page of another language is not checked until it exists)."""
    return _ids_in(Path(path).read_text(encoding="utf-8", errors="replace"))


def scan(folder: Path) -> tuple[set[str], set[str]]:
    """Every file and every folder under ``folder`` (absolute POSIX paths; a link to a folder
    is a folder, not looked into)."""
    files: set[str] = set()
    dirs: set[str] = {folder.as_posix()}
    todo = [folder.as_posix()]
    while todo:
        top = todo.pop()
        try:
            entries = os.scandir(top)
        except OSError:
            continue
        with entries:
            for entry in entries:
                path = f"{top}/{entry.name}"
                if entry.is_dir():
                    dirs.add(path)
                    if not entry.is_symlink():
                        todo.append(path)
                else:
                    files.add(path)
    return files, dirs


def folders_of(files: set[str]) -> set[str]:
    """The folders holding ``files`` (for links to a folder written without its final '/')."""
    return {f.rpartition("/")[0] for f in files}


def html_pages(files: set[str]) -> list[str]:
    """The pages to check among ``files``; 404 pages are served at any address, so their links
    are root-relative on purpose."""
    return sorted(f for f in files if f.endswith(".html") and not f.endswith("/404.html"))


def report_broken(found: list[tuple[str, str, str]], sources: dict[str, str], diags: Diagnostics) -> None:
    """One warning per broken link, at the content file the page came from."""
    for rel, href, problem in found:
        source = sources.get(rel, f"site/{rel}")
        diags.warning(Position(source), f"the link '{href}' on /{rel} {problem}")


Found = tuple[str, str | None, str | None]
"""A link of a page that is broken or must wait: (as written, what is wrong, the target written
later — relative to the site — that it waits for)."""

Entry = tuple[tuple[int, int, int], list[str], list[str], bool, list[Found]]
"""What the check of one page found, kept for the next build: the identity of the file checked
(size, time, file), its ids, the pages (relative) whose ids its links were checked against,
whether ids of pages on disk outside ``names`` were, and its :data:`Found` links."""


def check_pages(
    site: Path,
    names: list[str],
    files: set[str],
    dirs: set[str],
    later: tuple[str, ...] = (),
    deferred: list[tuple[str, str, str]] | None = None,
    memo: LinkMemo | None = None,
) -> list[tuple[str, str, str]]:
    """(page, link, problem) for every broken link of the pages ``names`` (absolute paths),
    given every file and folder the site has (or will have). Links into folders starting with
    one of ``later`` (written after the pages: leaflets) that do not exist yet are added to
    ``deferred`` as (page, link, target) instead, for :func:`check_deferred`. With ``memo``
    (:func:`link_memo`): when the site has the same files and folders as at the last check,
    a page whose file is the one checked then (same place, size, time and file), and whose
    links lead to pages whose ids are the same, has the same broken links: only the others are
    checked. Else the links and ids of a page whose file was read as it is are taken from there."""
    _ids.cache_clear()
    base = site.as_posix()
    cut = len(base) + 1
    state = memo.last(base, files, dirs, later) if memo is not None else {}
    if state and state.keys() != {name[cut:] for name in names}:
        state = {}
    links, ids, idents = _read(base, names, memo.links if memo is not None and not state else None, state)
    for name in _dependents(base, names, links, ids, state):
        links[name] = _page(base, name, idents[name], None)[0]
    checked = _check_all(base, links, ids, files, dirs, later)
    broken: list[tuple[str, str, str]] = []
    kept: dict[str, Entry] = {}
    for name in names:
        rel = sys.intern(name[cut:])  # marshal writes an interned string once, then refers to it
        if name in checked:
            found, deps, volatile = checked[name]
            own = sorted(map(sys.intern, ids[name]))
            kept[rel] = (idents[name], own, sorted(sys.intern(d[cut:]) for d in deps), volatile, found)
        else:
            kept[rel] = state[rel]
        for href, problem, target in kept[rel][4]:
            if target is not None:  # into a folder written later
                if deferred is not None:
                    deferred.append((rel, href, target if target.startswith("/") else f"{base}/{target}"))
                    continue
                problem = "leads to no page"
            if problem:
                broken.append((rel, href, problem))
    if memo is not None:
        memo.keep(kept)
    return broken


def _read(
    site: str, names: list[str], memo: Memo | None, state: dict[str, Entry]
) -> tuple[dict[str, list[Link]], dict[str, frozenset[str]], dict[str, tuple[int, int, int]]]:
    """The links of the pages whose file is not the one of ``state`` (from ``memo`` when it
    read this very file), the ids of every page, and the identity of every page's file."""
    links: dict[str, list[Link]] = {}
    ids: dict[str, frozenset[str]] = {}
    idents: dict[str, tuple[int, int, int]] = {}
    cut = len(site) + 1
    for name in names:
        st = os.stat(name)
        ident = idents[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
        last = state.get(name[cut:])
        if last is not None and tuple(last[0]) == ident:
            ids[name] = frozenset(last[1])
        else:
            links[name], ids[name] = _page(site, name, ident, memo)
    return links, ids, idents


def _dependents(
    site: str, names: list[str], links: dict[str, list[Link]], ids: dict[str, frozenset[str]], state: dict[str, Entry]
) -> list[str]:
    """The pages of ``state`` whose file is the same but whose links must be checked again:
    they lead to an anchor of a page whose ids changed, or of a page outside ``names``."""
    if not state:
        return []
    cut = len(site) + 1
    moved = {name[cut:] for name in links if frozenset(state[name[cut:]][1]) != ids[name]}
    again = []
    for name in names:
        if name not in links:
            _, _, deps, volatile, _ = state[name[cut:]]
            if volatile or (moved and not moved.isdisjoint(deps)):
                again.append(name)
    return again


def _check_all(
    site: str,
    pages: dict[str, list[Link]],
    ids: dict[str, frozenset[str]],
    files: set[str],
    dirs: set[str],
    later: tuple[str, ...],
) -> dict[str, tuple[list[Found], set[str], bool]]:
    """For each page of ``pages`` (→ its links): its :data:`Found` links, the pages whose ids
    were looked at, and whether ids of pages outside ``ids`` were."""
    # What a link leads to depends only on its target, fragment and form, not on the page it is
    # on (a page's own ids are those of its entry in ``ids``), and menus repeat on every page.
    verdicts: dict[tuple[str | None, str, bool], tuple[str | None, str | None, str | None]] = {}
    checked: dict[str, tuple[list[Found], set[str], bool]] = {}
    cut = len(site) + 1
    for name, links in pages.items():
        found: list[Found] = []
        deps: set[str] = set()
        volatile = False
        for link in links:
            href, where, fragment, folder = link
            verdict = verdicts.get((where, fragment, folder))
            if verdict is None:
                verdict = verdicts[(where, fragment, folder)] = _verdict(site, link, files, dirs, later, ids)
            target, problem, dep = verdict
            if dep is not None:
                if dep:
                    deps.add(dep)
                else:
                    volatile = True
            if target is not None:
                found.append((href, None, target[cut:] if target.startswith(site + "/") else target))
            elif problem:
                found.append((href, problem, None))
        checked[name] = found, deps, volatile
    return checked


def _verdict(
    site: str,
    link: Link,
    files: set[str],
    dirs: set[str],
    later: tuple[str, ...],
    ids: dict[str, frozenset[str]],
) -> tuple[str | None, str | None, str | None]:
    """(the target, when the link must wait for files written later; what is wrong, or None;
    the page whose ids were looked at, "" for one outside ``ids``, None for none)."""
    fragment = link[2]
    target = _target(site, link, dirs)
    if target is None:
        return None, "starts with '/'; use a relative link so that copies of the site keep working", None
    if target not in files:
        if later and target.startswith(later):
            return target, None, None
        return None, "leads to no page", None
    if fragment and target.endswith(".html"):
        if target in ids:
            lacks, dep = fragment not in ids[target], target
        else:  # a page of another language is not checked until it exists
            lacks, dep = Path(target).is_file() and fragment not in _ids(target), ""
        return None, f"leads to a page without the heading or anchor '#{fragment}'" if lacks else None, dep
    return None, None, None


def _page(site: str, name: str, ident: tuple[int, int, int], memo: Memo | None) -> tuple[list[Link], frozenset[str]]:
    """The links and ids of one page (from ``memo`` when it read this very file)."""
    key = ""
    if memo is not None:
        key = key_of(name[len(site) + 1 :], *ident)
        kept = memo.get(key)
        if kept is not MISSING:
            links, ids = kept  # marshal gives the tuples back as tuples
            return links, frozenset(ids)
    text = Path(name).read_text(encoding="utf-8", errors="replace")
    found = _links(site, name, text), _ids_in(text)
    if memo is not None:
        memo.put(key, (found[0], sorted(found[1])))
    return found


def _digest(site: str, files: set[str], dirs: set[str], later: tuple[str, ...]) -> str:
    """A digest of the files and folders of the site (relative: the site is built in a new folder)."""
    h = hashlib.sha256()
    prefix = site + "/"
    for group in (files, dirs, later):
        rels = sorted("" if p == site else p.removeprefix(prefix) for p in group)
        h.update("\n".join(rels).encode("utf-8", "surrogatepass") + b"\0\0")
    return h.hexdigest()


class LinkMemo:
    """What the link check of a language kept from earlier builds: :attr:`links`, the links and
    ids of each page's file (read only when the site's files changed), and the last check's
    :data:`Entry` of each page, with a digest of the site's files and folders then."""

    def __init__(self, folder: Path, lang: str) -> None:
        self.version = version_of([sys.modules[__name__]], [])
        self.links_path = folder / f"{lang}.bin"
        self._links: Memo | None = None
        self.state = Memo(folder / f"{lang}.pages.bin", self.version)
        self.digest = ""

    @property
    def links(self) -> Memo:
        if self._links is None:
            self._links = Memo(self.links_path, self.version)
        return self._links

    def last(self, site: str, files: set[str], dirs: set[str], later: tuple[str, ...]) -> dict[str, Entry]:
        """The entries of the last check, if the site had the same files and folders."""
        self.digest = _digest(site, files, dirs, later)
        kept = self.state.get("pages")
        if kept is MISSING or kept[0] != self.digest:
            return {}
        return kept[1]

    def keep(self, pages: dict[str, Entry]) -> None:
        self.state.put("pages", (self.digest, pages))

    def save(self) -> None:
        self.state.save()
        if self._links is not None:
            self._links.save()


def link_memo(folder: Path | None, lang: str) -> LinkMemo | None:
    """Where the link check of ``lang`` keeps what it read of each page (:mod:`phobien.core.memo`)."""
    if folder is None:
        return None
    return LinkMemo(folder, lang)


def check_deferred(deferred: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The links of :func:`check_pages` that had to wait, now that their targets are written."""
    return [(rel, href, "leads to no page") for rel, href, target in deferred if not Path(target).is_file()]
