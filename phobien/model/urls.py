"""Web addresses in YAML: https or http to a named host, nothing a browser could run.

Checked by the schema so that every URL field (sources, legal texts, base_url, quick exit) is
refused at its line: no javascript:/data:/vbscript: in any spelling, no quotes, spaces, angle
brackets or backslashes that could leave an attribute, no user info that hides the real host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

PAGE_LINK_KINDS = ("material", "article", "page", "plan", "audience", "legal", "agency")
"""The short forms of a link to another page of the site (``[…](material:slug)``): not URL
schemes; staging rewrites them to the page's address (phobien/stage/links.py)."""

_UNSAFE = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f-\x9f]")
_HOST = re.compile(r"^[a-z0-9.-]+(:\d+)?$", re.I)


def web_address(value: str) -> str:
    """``value`` when it is an absolute https/http address; else a ValueError saying why."""
    shown = value if len(value) <= 80 else value[:77] + "..."
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("https", "http"):
        raise ValueError(f"'{shown}' is not a web address; write it in full, starting with https://")
    bad = _UNSAFE.search(value)
    if bad:
        raise ValueError(
            f"'{shown}' contains {bad.group(0)!r}, which is not allowed in a web address; copy the address again"
        )
    parts = urlsplit(value)
    if not value.lower().startswith(("https://", "http://")) or not _HOST.match(parts.netloc):
        raise ValueError(f"'{shown}' has no valid host name after https://; copy the address again")
    return value


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


_RESERVED_SUFFIXES = (".localhost", ".test", ".invalid", ".example", ".local")


def reserved_host(url: str) -> bool:
    """Whether ``url`` is on a host reserved for examples and tests (RFC 2606, RFC 6761):
    localhost, an ``example`` domain (example.com, phobien.example.vn), .test, .invalid, .local,
    or a loopback address. A published site never lives there."""
    name = host(url)
    labels = name.split(".")
    return (
        name == "localhost"
        or name.endswith(_RESERVED_SUFFIXES)
        or "example" in labels
        or name.startswith("127.")
        or name in ("0.0.0.0", "::1", "[::1]")
    )
