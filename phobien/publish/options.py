"""What a build is asked to do (:class:`BuildOptions`), how it stops (:class:`BuildError`), and
the check that runs before anything is built."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from phobien.checks import check_content
from phobien.checks.site import check_publication
from phobien.core.diagnostics import Diagnostics
from phobien.engine import DEFAULT_ENGINE, get_engine
from phobien.engine.base import LanguageJob
from phobien.load import Content
from phobien.stage.pages import Options
from phobien.stage.staged import Staged


@dataclass
class BuildOptions:
    root: Path
    out: Path
    strict: bool = False
    offline: bool = False
    serve: bool = False
    print_: bool = True
    jobs: int | None = None
    today: dt.date | None = None
    timings: bool = False
    stage_dir: Path | None = None
    """Where staged Markdown is written (default .phobien-cache/stage)."""
    engine: str | None = None
    """The engine (``phobien build --engine``); wins over ``engine:`` in content/site.yml."""
    preview: bool = False
    """A preview (``phobien build --preview``, ``phobien serve``): an example base_url is
    accepted and every page says it is a preview."""
    clean: bool = False
    """A cold build (``phobien build --clean``): nothing of the previous build is reused."""

    @property
    def is_preview(self) -> bool:
        return self.preview or self.serve

    @property
    def recorded(self) -> bool:
        """Whether the build records what it made, for the next build into the same folder.
        ``phobien serve`` writes single pages into its folder, so its builds never do."""
        return not self.serve

    @property
    def reuses(self) -> bool:
        """Whether the build may reuse what the previous build into the same folder made."""
        return self.recorded and not self.clean


@dataclass
class BuildState:
    """What a finished build decided, kept by ``phobien serve`` to update single pages."""

    content: Content
    staged: dict[str, list[Staged]]
    options: Options
    jobs: dict[str, LanguageJob]
    site_names: dict[str, str]


class BuildError(Exception):
    """The build stopped; the message says where and why. The previous site is untouched."""


def report(diags: Diagnostics, stream: TextIO) -> None:
    diags.write(stream)


def engine_name(content: Content, chosen: str | None = None) -> str:
    """The engine of a build: ``chosen`` (the command line), else content/site.yml's, else the default."""
    return chosen or content.site.engine or DEFAULT_ENGINE


def check(
    root: Path, strict: bool, stream: TextIO = sys.stderr, engine: str | None = None, preview: bool = True
) -> tuple[Content, Diagnostics]:
    content, diags = check_content(root)
    get_engine(engine_name(content, engine)).preflight(content, diags)
    if not preview:
        check_publication(content, diags)
    report(diags, stream)
    return content, diags
