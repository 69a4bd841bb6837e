"""phobien's own search: built per language at build time, loaded only when someone searches.

Integration points (the rest of phobien calls only these):
- :func:`write_search_index` after every language's HTML exists in ``out/<lang>/``;
- the page ``search.md`` staged per language from ``templates/search.md.j2``;
- ``overrides/assets/javascripts/search.js`` (loaded by the search page only).
"""

from __future__ import annotations

from pathlib import Path

from phobien.load import Content


def write_search_index(content: Content, out: Path, languages: list[str], offline: bool = False) -> None:
    """Write the search index of every language under ``out/<lang>/``. (Implemented in a later step.)"""
    del content, out, languages, offline
