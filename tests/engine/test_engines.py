"""Both runners (ProperDocs and MkDocs) behind the Engine interface give the same site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, make_project, run_phobien

from phobien.engine import DEFAULT_ENGINE, ENGINES, get_engine
from phobien.engine.base import Engine
from phobien.load import load_content
from phobien.model.site import Site
from phobien.publish.build import engine_name
from phobien.search.extract import page_text

_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def _site(root: Path) -> dict[str, str]:
    """Every file of a built site, as text (HTML without the generator line that names the runner)."""
    return {
        p.relative_to(root).as_posix(): _GENERATOR.sub("", p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    root = make_project(
        tmp_path_factory.mktemp("engines") / "project", FIXTURES / "minimal", FIXTURES / "three-languages"
    )
    sites = {}
    for name in ENGINES:
        result = run_phobien(root, "build", "--no-print", "--engine", name, "--out", str(root / f"site-{name}"))
        assert result.returncode == 0, result.stderr
        sites[name] = _site(root / f"site-{name}")
    return sites


def test_both_engines_make_the_same_pages_with_the_same_main_content(both: dict[str, dict[str, str]]) -> None:
    properdocs, mkdocs = both["properdocs"], both["mkdocs"]
    assert sorted(properdocs) == sorted(mkdocs)
    pages = [f for f in properdocs if f.endswith(".html")]
    assert len(pages) > 30
    with_main = 0
    for rel in pages:
        a, b = page_text(properdocs[rel], rel), page_text(mkdocs[rel], rel)
        assert (a is None) == (b is None), rel
        if a is not None and b is not None:
            with_main += 1
            assert (a.title, a.blocks, a.snippet, a.fallback) == (b.title, b.blocks, b.snippet, b.fallback), rel
    assert with_main > 30


def test_both_engines_write_identical_files(both: dict[str, dict[str, str]]) -> None:
    """Beyond the main content: the whole page, the search index, feeds, data, all the same."""
    differ = [f for f in both["properdocs"] if both["properdocs"][f] != both["mkdocs"][f]]
    assert differ == []


def test_the_plugin_runs_in_both(both: dict[str, dict[str, str]]) -> None:
    """phobien's plugin (per-page data, folded heading anchors) is loaded by each runner from its
    own entry point group: without it the language switcher and hotline bar would be empty."""
    for site in both.values():
        home = site["vi/index.html"]
        assert 'hreflang="en"' in home and "data-phobien-main" in home


def test_the_engine_is_chosen_by_the_flag_then_site_yml_then_the_default(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    content, _ = load_content(root)
    assert content.site is not None and content.site.engine is None
    assert engine_name(content) == DEFAULT_ENGINE == "properdocs"
    content.site.engine = "mkdocs"
    assert engine_name(content) == "mkdocs"
    assert engine_name(content, "properdocs") == "properdocs"


def test_site_yml_accepts_the_engines_and_explains_the_setting() -> None:
    field = Site.model_fields["engine"]
    assert "properdocs" in (field.description or "") and "--engine" in (field.description or "")
    schema = Site.model_json_schema()["properties"]["engine"]
    assert {e for option in schema["anyOf"] for e in option.get("enum", [])} == set(ENGINES)


def test_an_unknown_engine_in_site_yml_is_reported_with_its_position(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    site = root / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "engine: hugo\n", encoding="utf-8")
    result = run_phobien(root, "check")
    assert result.returncode == 1
    assert "content/site.yml:" in result.stderr and "hugo" in result.stderr


def test_get_engine_names_and_errors() -> None:
    for name in ENGINES:
        engine: Engine = get_engine(name)
        assert engine.name == name
    assert get_engine().name == DEFAULT_ENGINE
    with pytest.raises(ValueError, match="unknown engine 'hugo'; use one of: properdocs, mkdocs"):
        get_engine("hugo")


def test_phobien_registers_its_plugin_for_both_runners() -> None:
    from importlib.metadata import entry_points

    mkdocs = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")}
    properdocs = {ep.name: ep.value for ep in entry_points(group="properdocs.plugins")}
    assert mkdocs["phobien"] == "phobien.engine.mkdocs.plugin:PhobienPlugin"
    assert properdocs["phobien"] == "phobien.engine.mkdocs.properdocs_plugin:PhobienPlugin"


def test_mkdocs_yml_has_no_markdown_extensions_the_engine_has_the_one_list() -> None:
    from conftest import REPO

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "markdown_extensions" not in config
    setup = get_engine().markdown()
    assert setup.extensions == (
        "toc",
        "attr_list",
        "md_in_html",
        "admonition",
        "tables",
        "def_list",
        "pymdownx.details",
    )
    assert setup.configs["toc"]["permalink"] is False
