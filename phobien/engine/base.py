"""What an engine is: the interface between phobien's staged pages and the program that renders them.

phobien decides every page before an engine runs (:mod:`phobien.stage`). An engine is given, per
language, a :class:`LanguageSite` (names, address, menu titles, data for the templates), the
staged pages (:class:`~phobien.stage.staged.Staged`, whose ``layout`` flags are phobien's own:
``no-menu``, ``no-toc``, ``no-footer``, ``no-path``) and their per-page data; it writes the
language's HTML into a folder and returns a :class:`LanguageResult`. It also answers what other
parts of phobien need from it: the Markdown extensions pages are written for (printing renders
the same Markdown), inline icons, and checks to run before a build.

Implementations: :mod:`phobien.engine.mkdocs` (MkDocs or ProperDocs with Material).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from phobien.core.diagnostics import Diagnostics
    from phobien.load import Content
    from phobien.stage.staged import Staged


@dataclass(frozen=True)
class LanguageSite:
    """What the engine is told about one language's site, in phobien's terms."""

    lang: str
    name: str
    url: str
    """Absolute address of the language's root, ending in '/'."""
    directory_urls: bool
    """True: pages at ``x/``; False (offline copies): pages at ``x.html``."""
    menu_titles: dict[str, str]
    """Titles of the menu's fixed entries: home, materials, news, plans, legal, agencies."""
    template_data: dict[str, Any]
    """Data every page's template sees (interface strings, quick-exit address, …)."""


@dataclass
class LanguageJob:
    """Everything one language's rendering needs; picklable for a worker process."""

    engine: str
    """Name of the engine that made the job (:func:`phobien.engine.get_engine`)."""
    lang: str
    root: Path
    stage_dir: Path
    out_dir: Path
    site_name: str
    settings: dict[str, Any]
    """The engine's own settings for this language, made by :meth:`Engine.language_job`."""
    strict: bool = False


@dataclass
class LanguageResult:
    lang: str
    pages: int
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions (Python-Markdown names) and their settings that pages use."""

    extensions: tuple[str, ...]
    configs: dict[str, dict[str, Any]]


class Engine(Protocol):
    """A site engine. Obtain one with :func:`phobien.engine.get_engine`."""

    name: str

    def preflight(self, content: Content, diags: Diagnostics) -> None:
        """Report what the engine cannot render (e.g. a language without interface strings)."""
        ...

    def language_job(
        self, site: LanguageSite, pages: Sequence[Staged], root: Path, stage_dir: Path, out_dir: Path, strict: bool
    ) -> LanguageJob:
        """Prepare one language's rendering (menu, settings) from all its staged pages."""
        ...

    def write_stage(self, job: LanguageJob, pages: Sequence[Staged], page_data: dict[str, dict[str, Any]]) -> None:
        """Write ``pages`` into the job's staged folder, with their per-page data (merged with the
        data already there, so that one page can be rewritten)."""
        ...

    def render(self, job: LanguageJob, dirty: bool = False, only: Collection[str] | None = None) -> LanguageResult:
        """Render the staged folder into ``job.out_dir``. Never raises.

        ``dirty``: render only the staged files newer than their HTML, into the existing output
        (``phobien serve`` after an edit); the menu must not have changed.

        ``only`` (an incremental build): render the pages of these staged paths, and whatever
        the engine writes for every build (its assets, a 404 page, any page it cannot leave
        out), into an empty ``job.out_dir``; every other staged page is known to render as it
        did before, and the caller brings its HTML. The engine may read what it needs of those
        (the titles of the menu's pages) from their staged files, which are the ones that HTML
        was rendered from. The result counts the HTML files written."""
        ...

    def renders(self, job: LanguageJob, only: Collection[str]) -> set[str]:
        """The staged paths that ``render(job, only=only)`` renders: ``only`` and the pages the
        engine renders in every build (its staged files must be written by this build)."""
        ...

    def markdown(self) -> MarkdownSetup:
        """The Markdown extensions pages are rendered with."""
        ...

    def icon_svg(self, name: str) -> str | None:
        """The inline SVG of icon ``name`` ('material/school'), marked decorative, or None."""
        ...
