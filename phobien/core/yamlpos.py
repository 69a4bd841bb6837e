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

import marshal
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from phobien.core.memo import MISSING, holding, key_of
from phobien.core.yamlhints import indentation_problem, is_structural

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
    """A YAML document as plain data plus the position of every value and key (kept as
    (line, column) pairs: a document read from the memo is given back without making an
    object per position)."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def value_mark(self, path: Path_) -> Mark:
        """Position of the value at ``path``, or of its nearest existing parent."""
        for n in range(len(path), -1, -1):
            mark = self.values.get(path[:n])
            if mark is not None:
                return Mark(*mark)
        return Mark(1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """Position of the key that holds ``path`` (falls back to the value)."""
        mark = self.keys.get(path)
        return Mark(*mark) if mark is not None else self.value_mark(path)


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


MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted; content needs fewer than ten levels."""


MEMO = "yaml"
"""The name a memo of read documents is :func:`~phobien.core.memo.held` under: a document
read without a problem is kept (marshal of plain data) by its text and first line, so that a
check after an edit parses only the files that changed."""


def load(text: str, line_offset: int = 0) -> tuple[Located | None, list[YamlProblem]]:
    """Parse one YAML document. Returns (document or None, problems). Never raises.

    Built from the parser's events with an explicit stack, so that nesting cannot exhaust
    Python's recursion limit, and refusing what content never needs and what can hurt:
    aliases (an alias bomb expands to gigabytes), explicit tags (``!!python/...``,
    ``!include``, ``!!int abc``) and merge keys."""
    memo = holding(MEMO)
    if memo is None:
        return _load(text, line_offset)
    key = key_of(line_offset, text)
    found = memo.get(key)
    if found is not MISSING:
        return Located(*marshal.loads(found)), []  # a new copy each time: callers may change it
    located, problems = _load(text, line_offset)
    if located is not None and not problems:
        memo.put(key, marshal.dumps((located.data, located.values, located.keys)))
    return located, problems


def _load(text: str, line_offset: int) -> tuple[Located | None, list[YamlProblem]]:
    try:
        return _from_events(_FastLoader(text), line_offset)
    except (yaml.YAMLError, ValueError):
        pass  # read again with the pure-Python parser, whose messages editors see
    try:
        return _from_events(_Loader(text), line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1 + line_offset, mark.column + 1) if mark else Mark(1 + line_offset, 1)
        if is_structural(exc.problem or ""):
            # Most of these are a line indented wrongly, often above where the parser got lost.
            hint = indentation_problem(text, (mark.line + 2) if mark else 10**9, line_offset)
            if hint is not None:
                return None, [YamlProblem(Mark(hint[0], hint[1]), hint[2])]
        return None, [YamlProblem(where, _describe_yaml_error(exc))]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [YamlProblem(Mark(line + line_offset, col), f"YAML error: {exc.reason}; remove the character")]
    except (yaml.YAMLError, ValueError) as exc:  # pragma: no cover - PyYAML raises marked errors for text
        return None, [YamlProblem(Mark(1 + line_offset, 1), f"YAML error: {exc}")]


class _RefusedError(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class _Frame:
    container: list[Any] | dict[str, Any]
    path: Path_
    key: str | None = None
    drop: int = 0
    """How many whole values to leave out here (a duplicate key's value, a non-scalar key and its value)."""
    depth: int = 0
    """Nesting depth inside the value being left out."""


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.implicit[0]:
        if _BOOL.match(event.value):
            return event.value.lower() == "true"
        if _NULL.match(event.value):
            return None
    return event.value


def _refuse(event: yaml.Event, off: int) -> None:
    mark = Mark(event.start_mark.line + 1 + off, event.start_mark.column + 1)
    if isinstance(event, yaml.AliasEvent):
        raise _RefusedError(
            YamlProblem(mark, f"YAML alias '*{event.anchor}' is not allowed in content; write the value out in full")
        )
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise _RefusedError(
            YamlProblem(mark, f"YAML tag '{shown}' is not allowed in content; remove it (put text in quotes if needed)")
        )


def _from_events(loader: Any, off: int) -> tuple[Located | None, list[YamlProblem]]:
    located = Located(data=None)
    builder = _Builder(located, off)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent) and builder.documents:
                mark = Mark(event.start_mark.line + 1 + off, 1)
                raise _RefusedError(
                    YamlProblem(mark, "a second YAML document starts here; a file holds one ('---' once)")
                )
            builder.feed(event)
    except _RefusedError as refused:
        return None, [refused.problem]
    finally:
        loader.dispose()
    return located, builder.problems


class _Builder:
    """Plain data and positions from a stream of parser events."""

    def __init__(self, located: Located, off: int) -> None:
        self.located, self.off = located, off
        self.stack: list[_Frame] = []
        self.problems: list[YamlProblem] = []
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
        if isinstance(event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentStartEvent):
            return
        if isinstance(event, yaml.DocumentEndEvent):
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and top.drop and self.dropped(top, event):
            return
        if isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()
            return
        _refuse(event, self.off)
        mark = Mark(event.start_mark.line + 1 + self.off, event.start_mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event)
            if event.style == '"' and isinstance(value, str) and _SURROGATE.search(value):
                value = self.whole_characters(value, mark)
            self.place(value, mark, event)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _RefusedError(
                YamlProblem(mark, f"lists and mappings nested more than {MAX_DEPTH} levels deep; simplify the value")
            )
        container: list[Any] | dict[str, Any] = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = self.place(container, mark, event)
        if path is not None:
            self.stack.append(_Frame(container, path))

    def whole_characters(self, value: str, mark: Mark) -> str:
        """``value`` with its ``\\u`` escapes of UTF-16 surrogate pairs joined into the characters
        they stand for, as JSON reads them (PyYAML keeps the two halves apart); a half without
        its other half is no character: reported, and shown as U+FFFD so nothing later fails."""
        value = _PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), value)
        lone = _SURROGATE.search(value)
        if lone is not None:
            escape = f"\\u{ord(lone.group()):04x}"
            self.problems.append(
                YamlProblem(
                    mark,
                    f"'{escape}' in this quoted text is half of a character (a lone surrogate), which no "
                    "page can show; write the character itself, or both halves of the pair (e.g. "
                    "\\ud83d\\ude00), or remove it",
                )
            )
            value = _SURROGATE.sub("\ufffd", value)
        return value

    @staticmethod
    def dropped(top: _Frame, event: yaml.Event) -> bool:
        """Whether ``event`` belongs to a value that is left out (and count it)."""
        if isinstance(event, yaml.CollectionStartEvent):
            top.depth += 1
            return True
        if top.depth:
            if isinstance(event, yaml.CollectionEndEvent):
                top.depth -= 1
                top.drop -= top.depth == 0
            return True
        if isinstance(event, yaml.CollectionEndEvent):
            return False
        top.drop -= 1
        return True

    def place(self, value: Any, mark: Mark, event: yaml.Event) -> Path_ | None:
        """Put ``value`` where the document is; its path, or None when it was dropped."""
        if not self.stack:
            self.located.data = value
            self.located.values[()] = (mark.line, mark.col)
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            path = (*top.path, len(top.container))
            top.container.append(value)
        elif top.key is None:
            return self.key(top, value, mark, event)
        else:
            path = (*top.path, top.key)
            top.container[top.key] = value
            top.key = None
        self.located.values[path] = (mark.line, mark.col)
        return path

    def key(self, top: _Frame, value: Any, mark: Mark, event: yaml.Event) -> None:
        assert isinstance(top.container, dict)
        if not isinstance(event, yaml.ScalarEvent):
            self.problems.append(YamlProblem(mark, "a key must be a plain word, not a list or mapping"))
            top.drop, top.depth = 2, 1  # this key (its start already read), then its value
            return None
        key = str(value)
        if key == "<<" and event.implicit[0]:
            raise _RefusedError(
                YamlProblem(mark, "YAML merge keys ('<<') are not allowed in content; write the fields out")
            )
        first = self.located.keys.get((*top.path, key))
        if first is not None:
            self.problems.append(
                YamlProblem(mark, f"duplicate key '{key}' (first defined on line {first[0]}); keep one of them")
            )
            top.drop = 1
            return None
        self.located.keys[(*top.path, key)] = (mark.line, mark.col)
        top.key = key
        return None


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split Markdown into (front matter YAML or None, body, line where the body starts)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None, text, 1
    body_line = text.count("\n", 0, m.end()) + 1
    return m.group(1), text[m.end() :], body_line
