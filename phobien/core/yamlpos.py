"""YAML that remembers where every value came from.

PyYAML keeps the position of every node; MkDocs throws it away. phobien composes the node
tree itself, builds plain Python values from it and keeps a map from each value's path
(``("tasks", 3, "lead")``) to its line and column, so that any later problem can be
reported at the right place.

Scalars are read as text except ``null``/``~``/empty and ``true``/``false``: typed
validation converts them later. This avoids YAML 1.1 surprises that hurt editors most:
``no`` becoming ``False``, ``0243...`` phone numbers read as octal integers, ``111`` as a
number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader with a small, predictable set of implicit types."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, with libyaml's parser when PyYAML has it (about 5x faster on a national site).

    Its error messages differ from PyYAML's, so a document that fails is read again with
    :class:`_Loader` for the message editors see."""


for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {}
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    _cls.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    _cls.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class Located:
    """A YAML document as plain data plus the position of every value and key."""

    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def value_mark(self, path: Path_) -> Mark:
        """Position of the value at ``path``, or of its nearest existing parent."""
        for n in range(len(path), -1, -1):
            mark = self.values.get(path[:n])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """Position of the key that holds ``path`` (falls back to the value)."""
        return self.keys.get(path) or self.value_mark(path)


@dataclass(frozen=True)
class YamlProblem:
    """A syntax or structure problem found while reading YAML."""

    mark: Mark
    message: str


def _mark(node: yaml.Node, line_offset: int) -> Mark:
    return Mark(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _describe_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "invalid YAML").strip()
    context = f" {exc.context.strip()}" if exc.context else ""
    hints = {
        "mapping values are not allowed here": (
            "a line has a second ':' or an unquoted colon; put text containing ': ' in quotes"
        ),
        "found character '\\t' that cannot start any token": ("a TAB is used for indentation; indent with spaces"),
    }
    for key, hint in hints.items():
        if key in problem:
            return f"YAML syntax error: {problem}; {hint}"
    return f"YAML syntax error: {problem}{context}; check the indentation and quotes on this line"


def load(text: str, line_offset: int = 0) -> tuple[Located | None, list[YamlProblem]]:
    """Parse one YAML document. Returns (document or None, problems)."""
    problems: list[YamlProblem] = []
    loader: Any = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        loader = _Loader(text)
    else:
        located = Located(data=None)
        if node is None:
            return located, problems
        try:
            located.data = _build(loader, node, (), located, problems, line_offset)
            return located, problems
        except yaml.YAMLError:
            problems = []
        finally:
            loader.dispose()
        loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1 + line_offset, mark.column + 1) if mark else Mark(1, 1)
        return None, [YamlProblem(where, _describe_yaml_error(exc))]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text
        return None, [YamlProblem(Mark(1 + line_offset, 1), f"YAML error: {exc}")]
    finally:
        loader.dispose()
    located = Located(data=None)
    if node is None:
        return located, problems
    try:
        located.data = _build(loader, node, (), located, problems, line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1 + line_offset, mark.column + 1) if mark else Mark(1, 1)
        return None, [YamlProblem(where, _describe_yaml_error(exc))]
    return located, problems


def _build(
    loader: _Loader,
    node: yaml.Node,
    path: Path_,
    located: Located,
    problems: list[YamlProblem],
    off: int,
) -> Any:
    located.values[path] = _mark(node, off)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), located, problems, off) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(YamlProblem(_mark(key_node, off), "a key must be a plain word, not a list or mapping"))
                continue
            key = str(loader.construct_object(key_node))
            if key in result:
                first = located.keys[(*path, key)]
                problems.append(
                    YamlProblem(
                        _mark(key_node, off),
                        f"duplicate key '{key}' (first defined on line {first.line}); keep one of them",
                    )
                )
                continue
            located.keys[(*path, key)] = _mark(key_node, off)
            result[key] = _build(loader, value_node, (*path, key), located, problems, off)
        return result
    return None  # pragma: no cover


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split Markdown into (front matter YAML or None, body, line where the body starts)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None, text, 1
    body_line = text.count("\n", 0, m.end()) + 1
    return m.group(1), text[m.end() :], body_line
