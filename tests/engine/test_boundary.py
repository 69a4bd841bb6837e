"""The engine boundary: only phobien/engine/ and overrides/ know MkDocs, ProperDocs or Material.

Python modules must not import them (read with ast, so that a mention in a docstring is fine),
and neither Python strings, templates nor style sheets may name one of Material's ``md-``
classes: the rest of phobien works in its own terms (layout flags, ``data-phobien-main``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

ENGINE_PACKAGES = {"mkdocs", "properdocs", "material"}
INTERFACE = {"phobien.engine", "phobien.engine.base"}
"""What the rest of phobien may import of phobien.engine: get_engine, icon_svg and the Protocol."""
MD_CLASS = re.compile(r"(?<![\w-])md-[a-z][\w-]*")


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def _python_violations(path: Path, rel: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    problems = []
    for line, name in _imports(tree):
        if name.split(".")[0] in ENGINE_PACKAGES:
            problems.append(f"{rel}:{line}: imports {name}")
        elif name.startswith("phobien.engine.") and name not in INTERFACE:
            problems.append(f"{rel}:{line}: imports {name}; use phobien.engine.get_engine")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            problems += [f"{rel}:{node.lineno}: names the theme class {m}" for m in MD_CLASS.findall(node.value)]
    return problems


def _text_violations(path: Path, rel: str) -> list[str]:
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        problems += [f"{rel}:{n}: names the theme class {m}" for m in MD_CLASS.findall(line)]
    return problems


def violations(root: Path) -> list[str]:
    """Every place under ``root`` (a checkout) that crosses the engine boundary."""
    problems: list[str] = []
    package = root / "phobien"
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or rel.startswith("phobien/engine/"):
            continue
        if path.suffix == ".py":
            problems += _python_violations(path, rel)
        elif path.suffix in (".j2", ".css", ".html", ".js"):
            problems += _text_violations(path, rel)
    for path in sorted(root.rglob("*.css")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] not in ("overrides", "phobien", "site", ".venv", ".phobien-cache", "tests"):
            problems += _text_violations(path, rel)
    return problems


def test_nothing_outside_the_engine_knows_mkdocs_or_material() -> None:
    assert violations(REPO) == []


def test_the_scan_finds_planted_violations(tmp_path: Path) -> None:
    (tmp_path / "phobien" / "stage").mkdir(parents=True)
    (tmp_path / "phobien" / "engine" / "mkdocs").mkdir(parents=True)
    (tmp_path / "phobien" / "templates").mkdir()
    (tmp_path / "phobien" / "stage" / "bad.py").write_text(
        '"""Mentions mkdocs in prose: fine."""\n'
        "import importlib\n"
        "from mkdocs.config import load_config\n"
        "import material.templates\n"
        "from phobien.engine.mkdocs.run import render\n"
        "from phobien.engine.base import Engine\n"
        "from phobien.engine import get_engine\n"
        'x = importlib.import_module("properdocs.commands.build")\n'
        "CLASS = '<div class=\"md-typeset\">'\n",
        encoding="utf-8",
    )
    (tmp_path / "phobien" / "engine" / "mkdocs" / "ok.py").write_text("import mkdocs\nX = 'md-content'\n")
    (tmp_path / "phobien" / "templates" / "page.md.j2").write_text('<p>x</p>\n<div class="pb-box md-banner">\n')
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "print.css").write_text(".md-nav { display: none }\n")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "extra.css").write_text(".md-nav { display: none }\n")
    assert violations(tmp_path) == [
        "phobien/stage/bad.py:3: imports mkdocs.config",
        "phobien/stage/bad.py:4: imports material.templates",
        "phobien/stage/bad.py:5: imports phobien.engine.mkdocs.run; use phobien.engine.get_engine",
        "phobien/stage/bad.py:8: imports properdocs.commands.build",
        "phobien/stage/bad.py:9: names the theme class md-typeset",
        "phobien/templates/page.md.j2:2: names the theme class md-banner",
        "styles/print.css:1: names the theme class md-nav",
    ]
