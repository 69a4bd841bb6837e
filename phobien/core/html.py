"""Small, engine-independent fixes to finished HTML."""

from __future__ import annotations

import re

_EXTERNAL_A = re.compile(r"<a\b(?![^>]*\brel=)([^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*)>", re.I)


def harden_links(html: str) -> str:
    """Every link to another site gets rel="noopener noreferrer": no referrer, no window handle."""
    return _EXTERNAL_A.sub(r'<a\1 rel="noopener noreferrer">', html)
