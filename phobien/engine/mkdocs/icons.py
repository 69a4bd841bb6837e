"""Inline SVG icons from the icon sets bundled with the theme (nothing is fetched).

Today the sets come with Material (material/, fontawesome/, octicons/, simple/); this module is
the one place to point elsewhere when the engine changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def icon_root() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / ".icons"


@cache
def icon_svg(name: str) -> str | None:
    """The SVG of ``name`` ('material/school'), marked decorative, or None when unknown."""
    if ".." in name or not name.replace("/", "").replace("-", "").isalnum():
        return None
    path = icon_root() / f"{name}.svg"
    if not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
