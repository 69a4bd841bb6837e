"""Compiled templates kept in .phobien-cache/templates: used again, never for another setting."""

from __future__ import annotations

from pathlib import Path

import jinja2

from phobien.core.templatecache import cache_key, keep_compiled


def _env(folder: Path, **settings: object) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **settings)  # type: ignore[arg-type]
    env.filters["shout"] = lambda text: str(text).upper() + "!"
    return env


def test_kept_code_is_used_again_and_renders_the_same(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "page.html").write_text('{{ "hi" | shout }} {{ name }}', encoding="utf-8")
    first = _env(templates, autoescape=True)
    keep_compiled(first, tmp_path, "test")
    assert first.get_template("page.html").render(name="<b>") == "HI! &lt;b&gt;"
    kept = list((tmp_path / ".phobien-cache" / "templates").glob("test-*/*"))
    assert len(kept) == 1

    again = _env(templates, autoescape=True)
    keep_compiled(again, tmp_path, "test")
    compiled = []
    again.compile = lambda *a, **k: compiled.append(a) or jinja2.Environment.compile(again, *a, **k)  # type: ignore[method-assign]
    assert again.get_template("page.html").render(name="<b>") == "HI! &lt;b&gt;"
    assert not compiled  # read back, not compiled

    # A changed source is compiled again.
    (templates / "page.html").write_text("{{ name }}.", encoding="utf-8")
    assert _kept_env(templates, tmp_path).get_template("page.html").render(name="x") == "x."


def _kept_env(templates: Path, root: Path, **settings: object) -> jinja2.Environment:
    env = _env(templates, **settings)
    keep_compiled(env, root, "test")
    return env


def test_another_setting_or_filter_is_another_folder_and_the_old_one_goes(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "page.html").write_text("{{ name }}", encoding="utf-8")
    escaped = _kept_env(templates, tmp_path, autoescape=True)
    assert escaped.get_template("page.html").render(name="<b>") == "&lt;b&gt;"
    plain = _kept_env(templates, tmp_path, autoescape=False)
    assert plain.get_template("page.html").render(name="<b>") == "<b>"
    assert cache_key(escaped) != cache_key(plain)
    assert len(list((tmp_path / ".phobien-cache" / "templates").glob("test-*"))) == 1

    other = _env(templates, autoescape=True)
    other.filters["shout"] = lambda text: str(text).lower()
    other.filters["more"] = str
    assert cache_key(other) != cache_key(escaped)


def test_an_unwritable_cache_only_means_nothing_is_kept(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "page.html").write_text("{{ name }}", encoding="utf-8")
    (tmp_path / ".phobien-cache").write_text("not a folder", encoding="utf-8")
    assert _kept_env(templates, tmp_path).get_template("page.html").render(name="x") == "x"
