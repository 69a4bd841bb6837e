"""Inline SVG icons from the icon sets bundled with the theme (nothing is fetched).

The sets come with Material (material/, fontawesome/, octicons/, simple/), the theme of both
runners.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def theme_root() -> Path:
    """The folder of Material's templates (a data folder: importing it loads no engine)."""
    import material

    return Path(material.__file__).parent / "templates"


def icon_root() -> Path:
    return theme_root() / ".icons"


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
