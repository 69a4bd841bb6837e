"""Every kind of page, in one table (:data:`KINDS`): what the full build stages, what the
preview re-stages after an edit, and what is printed.

Each module stages its pages from a :class:`~phobien.stage.context.StageContext` with a
function ``stage(ctx) -> list[Staged]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from phobien.stage.context import StageContext
from phobien.stage.kinds import (
    agencies,
    audiences,
    deadlines,
    docs,
    home,
    hotlines,
    legal,
    materials,
    news,
    plans,
    reports,
    schools,
    search,
)
from phobien.stage.staged import Staged


@dataclass(frozen=True)
class Kind:
    """A kind of page."""

    name: str
    stage: Callable[[StageContext], list[Staged]]
    files: Literal["materials", "articles", "docs"] | None = None
    """The content field whose files it makes one page of each (``Staged.source`` is the file):
    after an edit of one such file, the preview re-stages this kind from that file alone."""
    printed: Literal["leaflet", "poster", "report"] | None = None
    """What is printed of its pages: a leaflet per material, a poster per audience, a report per report."""


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("home", home.stage, files="docs"),
        Kind("docs", docs.stage, files="docs"),
        Kind("materials", materials.stage, files="materials", printed="leaflet"),
        Kind("audiences", audiences.stage, printed="poster"),
        Kind("hotlines", hotlines.stage),
        Kind("search", search.stage),
        Kind("news", news.stage, files="articles"),
        Kind("schools", schools.stage),
        Kind("legal", legal.stage),
        Kind("plans", plans.stage),
        Kind("deadlines", deadlines.stage),
        Kind("agencies", agencies.stage),
        Kind("reports", reports.stage, printed="report"),
    )
}
"""Every kind of page, in the order the pages of a language are staged."""


def of_files(field: str) -> list[Kind]:
    """The kinds that make a page of each file of the content field ``field``."""
    return [k for k in KINDS.values() if k.files == field]
