"""``<lang>/opensearch.xml``: lets browsers offer the site's search in their address bar."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

SHORT_NAME_CHARS = 16  # the OpenSearch limit


def short_name(name: str) -> str:
    if len(name) <= SHORT_NAME_CHARS:
        return name
    cut = name[:SHORT_NAME_CHARS].rsplit(" ", 1)[0].rstrip(" —–-:,")
    return cut or name[:SHORT_NAME_CHARS]


def opensearch_xml(base_url: str, lang: str, site_name: str) -> str:
    """The OpenSearch description of one language; results open ``<lang>/search/?q=…``."""
    root = base_url.rstrip("/") + f"/{lang}/"
    template = f"{root}search/?q={{searchTerms}}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n'
        f"  <ShortName>{escape(short_name(site_name))}</ShortName>\n"
        f"  <Description>{escape(site_name)}</Description>\n"
        f"  <Language>{escape(lang)}</Language>\n"
        "  <InputEncoding>UTF-8</InputEncoding>\n"
        f'  <Image type="image/svg+xml">{escape(root)}assets/images/favicon.svg</Image>\n'
        f'  <Url type="text/html" method="get" template={quoteattr(template)}/>\n'
        "</OpenSearchDescription>\n"
    )
