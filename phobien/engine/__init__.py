"""Rendering engines behind one interface, :class:`phobien.engine.base.Engine`.

The rest of phobien asks this module for an engine by name and never imports one. Two runners
are available, both with the Material theme and ``overrides/``: ProperDocs (the maintained
continuation of MkDocs 1.x, the default) and MkDocs 1.6.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phobien.engine.base import Engine

ENGINES = ("properdocs", "mkdocs")
"""Names accepted by ``engine:`` in content/site.yml and ``phobien build --engine``."""
DEFAULT_ENGINE = "properdocs"


def get_engine(name: str | None = None) -> Engine:
    """The engine called ``name`` (default :data:`DEFAULT_ENGINE`). Importing it imports no
    engine library: they load when a language is rendered."""
    from phobien.engine.mkdocs.engine import MkDocsEngine

    name = name or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}'; use one of: {', '.join(ENGINES)}")
    return MkDocsEngine(name)


def icon_svg(name: str) -> str | None:
    """The inline SVG of icon ``name`` ('material/school'), marked decorative, or None when
    unknown. The icon sets come with the theme, which every engine uses."""
    return get_engine().icon_svg(name)
