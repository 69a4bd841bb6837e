"""Make one PDF from a job (runs in worker processes). Needs WeasyPrint and its system libraries.

Nothing is fetched from the network: the HTML embeds its QR code as SVG, the CSS names only
installed fonts, and the URL fetcher refuses every address that is not a local file or data.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import segno
import weasyprint
from markupsafe import Markup, escape

from phobien.core.diagnostics import LogCollector
from phobien.printing.body import body_html
from phobien.printing.cache import TEMPLATES, store
from phobien.printing.jobs import PrintJob

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def breakable(url: str) -> Markup:
    """``url`` for reading on paper: lines may break after each ``/`` of its path, nowhere else."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    parts = [str(escape(p)) for p in rest.split("/")]
    return Markup(str(escape(scheme + sep)) + "/<wbr>".join(parts))


_ENV.filters["breakable"] = breakable
DENSITIES = ("normal", "compact", "dense")
"""A poster that does not fit on one page is tried again with smaller type."""


class OfflineFetcher(weasyprint.URLFetcher):
    """Reads local files and ``data:`` URLs; refuses everything else."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        scheme = url.split(":", 1)[0].lower()
        if scheme not in ("file", "data"):
            raise ValueError(f"'{url}' is not a local file; printed pages are made offline")
        return super().fetch(url, headers)


@dataclass
class Result:
    """What happened to one job."""

    index: int
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def qr_svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG, sized by CSS (4-module quiet zone, level M)."""
    qr = segno.make_qr(url, error="m")
    return Markup(qr.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff"))


FOOTER_KINDS = frozenset({"leaflet", "report"})
"""Kinds of PDF with the running footer of footer.css (a poster has its own bottom line)."""


def _stylesheets(kind: str) -> list[weasyprint.CSS]:
    fetcher = OfflineFetcher()
    names = ("print.css", *(("footer.css",) if kind in FOOTER_KINDS else ()), f"{kind}.css")
    return [weasyprint.CSS(filename=str(TEMPLATES / name), url_fetcher=fetcher) for name in names]


def html_for(job: PrintJob, density: str = "normal") -> str:
    """The HTML of ``job``'s PDF (also used by tests and for looking at a layout in a browser)."""
    view = job.view
    values: dict[str, Any] = {"v": view, "qr": qr_svg(view["url"]), "density": density}
    if job.kind == "leaflet":
        values["body"] = Markup(body_html(view["body"]))
    return _ENV.get_template(f"{job.kind}.html.j2").render(**values)


def render_pdf(job: PrintJob) -> tuple[bytes, list[str]]:
    """The PDF of ``job`` and WeasyPrint's warnings about it."""
    base = Path(job.base_dir).as_uri() + "/" if job.base_dir else None
    styles = _stylesheets(job.kind)
    densities = DENSITIES if job.kind == "poster" else DENSITIES[:1]
    handler = LogCollector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        for density in densities:
            html = weasyprint.HTML(string=html_for(job, density), base_url=base, url_fetcher=OfflineFetcher())
            document = html.render(stylesheets=styles)
            if len(document.pages) == 1 or job.kind != "poster":
                break
        warnings = list(dict.fromkeys(handler.messages))
        if job.kind == "poster" and len(document.pages) > 1:
            warnings.append(f"the poster does not fit on one A3 page; only the first of {len(document.pages)} is kept")
            document = document.copy(document.pages[:1])
        data = document.write_pdf(pdf_tags=True)
    finally:
        logger.removeHandler(handler)
    assert data is not None
    return data, warnings


def run(index: int, job: PrintJob, target: str) -> Result:
    """Render ``job`` into the cache file ``target``. Never raises: errors are returned."""
    start = time.monotonic()
    try:
        data, warnings = render_pdf(job)
        store(data, Path(target))
    except Exception as exc:  # noqa: BLE001 (one broken PDF must not stop the others)
        return Result(index, error=f"{type(exc).__name__}: {exc}", seconds=time.monotonic() - start)
    return Result(index, warnings=warnings, seconds=time.monotonic() - start)
