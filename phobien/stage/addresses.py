"""Addresses that never break: short links /l/<code>/, old addresses (aliases), QR codes.

A page's short code is derived from its oldest address (its first alias, else its current
address), so renaming a page and listing the old address in ``aliases`` keeps its code,
its printed QR codes and every link a school shared.
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass
from pathlib import Path

from phobien.stage.staged import Staged
from phobien.stage.urls import html_path, page_url


def short_code(origin: str) -> str:
    """Five lower-case letters and digits from a page's oldest address (without language)."""
    digest = hashlib.sha1(origin.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:5].lower()


def normalise_alias(alias: str, folder: str) -> str:
    """An alias as a staged path: 'materials/old-name' (a bare name stays in the page's folder)."""
    alias = alias.strip().strip("/")
    alias = alias.removesuffix("/index.html").removesuffix(".html").removesuffix(".md")
    if "/" not in alias and folder:
        alias = f"{folder}/{alias}"
    return f"{alias}.md"


def origin_of(page: Staged) -> str:
    return origin(page.path, page.aliases)


def origin(path: str, aliases: list[str]) -> str:
    """The oldest address of the page staged at ``path``: its first alias, else ``path``."""
    folder = path.rpartition("/")[0]
    return (normalise_alias(aliases[0], folder) if aliases else path).removesuffix(".md")


def redirect_html(target: str, title: str, lang: str) -> str:
    """A page that sends the browser on at once, without script (works with a strict CSP)."""
    t = html.escape(target, quote=True)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title>'
        f'<meta http-equiv="refresh" content="0; url={t}"><link rel="canonical" href="{t}"></head>'
        f'<body><p><a href="{t}">{html.escape(title)}</a></p></body></html>\n'
    )


def short_link_file(code: str, directory_urls: bool = True) -> str:
    """The file of the short link /l/<code>/, relative to the output folder."""
    return f"l/{code}/index.html" if directory_urls else f"l/{code}.html"


QR_MASK = 2
"""The mask pattern of the QR code of every page. The standard lets the encoder choose any of
8; segno tries all 8 and keeps the best by the standard's penalty score, which is 4x slower
(about 4.5 ms a code: 100 s of a cold 5,000-page build in 4 languages). Mask 2 is the one that
search picks most often for this site's addresses, and every code still decodes (the tests
read them back with zbar). Printed leaflets and posters (:mod:`phobien.printing`) keep the full
search: paper wears, screens do not."""


def qr_svg(url: str) -> bytes:
    """The QR code of ``url`` as SVG (error correction M: survives a worn or folded leaflet).
    Made by :mod:`phobien.stage.qr` (the same bytes as segno's, in a fifth of the time or less)
    where it can, else by segno."""
    from phobien.stage import qr

    if qr.fits(url):
        return qr.svg(url, QR_MASK)
    return _segno_svg(url)


def _segno_svg(url: str) -> bytes:
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", mask=QR_MASK).save(buffer, kind="svg", scale=4, border=2, xmldecl=False)
    return buffer.getvalue()


def write_qr_codes(jobs: list[tuple[str, str]], cache: Path | None) -> None:
    """Write a QR code for every (url, file) (the build runs this in each language's worker, so
    the languages make theirs in parallel). Codes that segno makes (:func:`qr_svg`) are kept in
    ``cache`` for later builds; the others take less time to make than to read back."""
    from phobien.stage import qr

    for url, target in jobs:
        if qr.fits(url):
            data = qr.svg(url, QR_MASK)
        else:
            stored = cache / f"{hashlib.sha1(url.encode()).hexdigest()}.svg" if cache else None
            if stored is not None and stored.is_file():
                data = stored.read_bytes()
            else:
                data = _segno_svg(url)
                if stored is not None:
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    stored.write_bytes(data)
        path = Path(target)
        try:
            path.write_bytes(data)
        except FileNotFoundError:  # the engine writes the page's folder first, nearly always
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


@dataclass
class AddressPlan:
    """Every page's permanent address, decided before anything is written."""

    codes: dict[str, tuple[str, str]]
    """short code -> (language, path) the short link leads to (the default language if it has the page)."""
    qr: dict[str, list[tuple[str, str]]]
    """language -> (URL, file relative to the output folder) of every QR code to write."""


def plan_addresses(
    staged: dict[str, list[Staged]], base_url: str, default: str, directory_urls: bool = True
) -> AddressPlan:
    """Short codes, URLs and QR files of every page. Raises ValueError when two pages would
    share a short link."""
    base = base_url.rstrip("/")
    plan = AddressPlan({}, {})
    for lang, pages in staged.items():
        qr_jobs = plan.qr.setdefault(lang, [])
        for page in pages:
            code = short_code(origin_of(page))
            url = f"{base}/{lang}/{page_url(page.path)}"
            known = plan.codes.get(code)
            if known and known[1] != page.path:
                raise ValueError(
                    f"pages {known[1]} and {page.path} would share the short link /l/{code}/; "
                    "add an alias to one of them"
                )
            if known is None or (lang == default and known[0] != default):
                plan.codes[code] = (lang, page.path)
            qr = f"{lang}/{html_path(page.path, directory_urls)}"
            qr = qr.rpartition("/")[0] + "/qr.svg" if directory_urls else qr.removesuffix(".html") + ".qr.svg"
            qr_jobs.append((url, qr))
    return plan


def write_redirects(
    staged: dict[str, list[Staged]], plan: AddressPlan, out: Path, directory_urls: bool = True
) -> list[Path]:
    """Write a redirect at every old address (alias) and at every short link /l/<code>/.
    Returns the files written."""
    written: list[Path] = []
    titles: dict[tuple[str, str], str] = {}
    for lang, pages in staged.items():
        for page in pages:
            titles[(lang, page.path)] = page.title
            folder = page.path.rpartition("/")[0]
            for alias in page.aliases:
                old = normalise_alias(alias, folder)
                target_file = out / lang / html_path(old, directory_urls)
                if target_file.exists():
                    continue  # a real page lives there: check reports the clash
                depth = page_url(old, directory_urls).count("/")
                if not directory_urls:
                    depth = old.count("/")
                href = "../" * depth + page_url(page.path, directory_urls)
                target_file.parent.mkdir(parents=True, exist_ok=True)
                target_file.write_text(redirect_html(href or "./", page.title, lang), encoding="utf-8")
                written.append(target_file)
    up = "../../" if directory_urls else "../"
    for code, (lang, path) in plan.codes.items():
        target = out / short_link_file(code, directory_urls)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            redirect_html(f"{up}{lang}/{page_url(path, directory_urls)}", titles[(lang, path)], lang), encoding="utf-8"
        )
        written.append(target)
    return written
