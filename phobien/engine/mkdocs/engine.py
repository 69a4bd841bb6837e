"""The MkDocs-family engine: MkDocs 1.6 or ProperDocs, with Material and ``overrides/``.

This folder is the only code that knows MkDocs, ProperDocs and Material. Material reaches end of
life on 5 May 2027; another engine implements :class:`phobien.engine.base.Engine` beside it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phobien.engine.base import LanguageJob, LanguageResult, LanguageSite, MarkdownSetup
from phobien.engine.mkdocs import config, icons, markdown, run

if TYPE_CHECKING:
    from phobien.core.diagnostics import Diagnostics
    from phobien.load import Content
    from phobien.stage.staged import Staged


class MkDocsEngine:
    """:class:`~phobien.engine.base.Engine` run by ``runner``: "mkdocs" or "properdocs"."""

    def __init__(self, runner: str) -> None:
        if runner not in run.RUNNERS:
            raise ValueError(f"unknown runner '{runner}'; use one of: {', '.join(run.RUNNERS)}")
        self.name = runner

    def preflight(self, content: Content, diags: Diagnostics) -> None:
        """Material needs interface strings for every site language."""
        if "site" in content.broken:
            return
        theme = icons.theme_root() / "partials" / "languages"
        own = content.root / "overrides" / "partials" / "languages"
        for i, lang in enumerate(content.site.languages):
            if not (theme / f"{lang.code}.html").is_file() and not (own / f"{lang.code}.html").is_file():
                diags.error(
                    content.pos(content.site, "languages", i, "code"),
                    f"the theme has no interface strings for '{lang.code}'; add "
                    f"overrides/partials/languages/{lang.code}.html (a copy of Material's "
                    "partials/languages/en.html with every value translated)",
                )

    def language_job(
        self, site: LanguageSite, pages: Sequence[Staged], root: Path, stage_dir: Path, out_dir: Path, strict: bool
    ) -> LanguageJob:
        settings = config.language_settings(site, pages)
        return LanguageJob(self.name, site.lang, root, stage_dir, out_dir, site.name, settings, strict)

    def write_stage(self, job: LanguageJob, pages: Sequence[Staged], page_data: dict[str, dict[str, Any]]) -> None:
        run.write_stage(job, pages, page_data)

    def render(self, job: LanguageJob, dirty: bool = False, only: Collection[str] | None = None) -> LanguageResult:
        return run.render(job, dirty, only)

    def renders(self, job: LanguageJob, only: Collection[str]) -> set[str]:
        return set(only)

    def markdown(self) -> MarkdownSetup:
        return markdown.markdown_setup()

    def icon_svg(self, name: str) -> str | None:
        return icons.icon_svg(name)
