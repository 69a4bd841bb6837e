"""The shape of the package: layers that only import downwards, no import cycles, small modules
and functions. Read from the source with ``ast``, so lazy imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "phobien"

LAYERS = {
    "phobien.core": set(),
    "phobien.model": {"phobien.core"},
    "phobien.load": {"phobien.core", "phobien.model"},
}
"""What the lowest layers may import (besides themselves): the load layer reads content and
knows nothing of staging, publishing, the engine or the commands."""


def _modules(root: Path) -> dict[str, Path]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The phobien modules ``name`` imports, anywhere in the file (``from a import b`` counts
    as importing ``a.b`` when that is a module, and ``a`` always: its ``__init__`` is run and
    it is where the name is looked up)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base]).strip(".")
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
                found.add(base)
    return {m for m in found if m in known and m != name}


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    modules = _modules(root)
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_there_are_no_import_cycles() -> None:
    # A package's __init__ that imports its modules, which import siblings through the package
    # ("from phobien.importer import legacy"), is a cycle too: checkers of the import graph
    # count it, and it makes the import order matter. Siblings are imported by their full name.
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_planted_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "phobien"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a" / "x.py").write_text("def f():\n    from phobien.b import y\n", encoding="utf-8")
    (pkg / "b.py").write_text("from phobien.a.x import f\ny = 1\n", encoding="utf-8")
    assert cycles(graph(pkg)) == [["phobien.a.x", "phobien.b"]]


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_low_layers_import_only_downwards(layer: str) -> None:
    allowed = LAYERS[layer] | {layer}
    wrong = {
        f"{module} imports {target}"
        for module, targets in graph().items()
        if module == layer or module.startswith(layer + ".")
        for target in targets
        if target != "phobien" and not any(target == a or target.startswith(a + ".") for a in allowed)
    }
    assert sorted(wrong) == []


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for name, path in _modules(PACKAGE).items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            too_long.append(f"{name}: {len(text.splitlines())} lines (limit 400)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    too_long.append(f"{name}.{node.name}: {length} lines (limit 60)")
    assert too_long == []
