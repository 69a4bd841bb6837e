"""Explaining YAML mistakes the way an editor made them.

The parser reports where it got lost, in its own terms ("expected <block end>", "mapping values
are not allowed here"). Most of those are indentation: a line that starts at a column where
nothing above it starts. :func:`indentation_problem` finds the first such line and says what it
should line up with; :func:`impossible_date` says which part of a YYYY-MM-DD date cannot be.
"""

from __future__ import annotations

import calendar
import re

_KEY = re.compile(r"^(?:-\s+)*(?P<key>[^\s#'\"\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
_STRUCTURAL = (
    "mapping values are not allowed here",
    "expected <block end>",
    "did not find expected key",
    "could not find expected ':'",
    "did not find expected '-' indicator",
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def is_structural(problem: str) -> bool:
    """Whether a parser message is one that wrong indentation produces."""
    return any(p in problem for p in _STRUCTURAL)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _starts(line: str) -> list[tuple[int, str]]:
    """Where the keys of a line start: '- id: x' starts an item at its dash and a key after it."""
    col = _indent(line)
    text = line[col:]
    starts = []
    while text.startswith("- "):
        starts.append((col, "-"))
        step = 2 + _indent(text[2:])
        col, text = col + step, text[step:]
    m = _KEY.match(text)
    if m:
        starts.append((col, m.group("key").strip()))
    elif text:
        starts.append((col, text.split()[0]))
    return starts


def _name(key: str) -> str:
    return "the '- ' item" if key == "-" else f"'{key}:'"


Level = tuple[int, str, int]
"""Where a key or item starts: (column, key or '-', line)."""


def _open_quote(line: str) -> str | None:
    """The quote a value on this line opens and leaves open ('note: 'text…), if any."""
    m = re.search(r":\s+(['\"])", line)
    if not m:
        return None
    quote, rest = m.group(1), line[m.end() :]
    return quote if rest.replace(quote * 2, "").count(quote) % 2 == 0 else None


class _Walk:
    """The lines of a YAML text with the columns their keys may start at."""

    def __init__(self) -> None:
        self.levels: list[Level] = []
        self.opens = False
        self.block_at: int | None = None
        self.quote: str | None = None
        self.depth = 0

    def skipped(self, line: str, col: int) -> bool:
        """Lines that are the inside of a text or of a [ ] / { } list: not indentation."""
        if self.quote is not None:
            if line.replace(self.quote * 2, "").count(self.quote) % 2 == 1:
                self.quote = None
            return True
        if self.depth > 0:
            self.depth = max(0, self.depth + _brackets(line))
            return True
        if self.block_at is not None and col > self.block_at:
            return True
        self.block_at = None
        return False

    def problem(self, line: str, col: int) -> bool | None:
        """True when the line starts where nothing can; None for a text going on over lines."""
        stripped = line.strip()
        if self.levels and col > self.levels[-1][0] and not self.opens:
            return True if (_KEY.match(stripped) or stripped.startswith("- ")) else None
        return bool(self.levels) and not self.opens and col not in {lv[0] for lv in self.levels}

    def add(self, line: str, col: int, number: int) -> None:
        if not (self.opens and self.levels and col > self.levels[-1][0]):
            while self.levels and self.levels[-1][0] >= col:
                self.levels.pop()
        self.levels += [(c, key, number) for c, key in _starts(line)]
        stripped = line.split(" #")[0].strip()
        self.opens = stripped.endswith(":") or stripped == "-"
        if _BLOCK_SCALAR.search(line):
            self.block_at, self.opens = col, False
        self.quote = _open_quote(line)
        self.depth = max(0, _brackets(line))


def _brackets(line: str) -> int:
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "", line.split(" #")[0])
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def indentation_problem(text: str, last_line: int, line_offset: int = 0) -> tuple[int, int, str] | None:
    """The first line up to ``last_line`` (1-based, in ``text``) whose indentation matches
    nothing above it: (line, column, message) with lines counted from ``line_offset``; None when
    every line starts where it can."""
    walk = _Walk()
    for number, line in enumerate(text.split("\n")[:last_line], start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = _indent(line)
        if walk.skipped(line, col):
            continue
        found = walk.problem(line, col)
        if found:
            return number + line_offset, col + 1, _message(number, col, line, walk, line_offset)
        if found is None:
            continue
        walk.add(line, col, number)
    return None


def _message(number: int, col: int, line: str, walk: _Walk, offset: int) -> str:
    starts = _starts(line)
    what = _name(starts[0][1]) if starts else "this line"
    deeper = col > walk.levels[-1][0] and not walk.opens
    if deeper:
        targets = [walk.levels[-1]]
        why = "the line above it does not end with ':', so it cannot go inside it"
    else:
        targets = sorted(walk.levels, key=lambda lv: (abs(lv[0] - col), -lv[0]))[:2]
        why = "no line above it starts at that column"
    where = " or ".join(f"{_name(key)} on line {n + offset} ({_spaces(c)})" for c, key, n in targets)
    return (
        f"YAML indentation error: {what} on line {number + offset} is indented by {_spaces(col)}, "
        f"but {why}; line it up with {where}"
    )


def _spaces(n: int) -> str:
    return f"{n} space{'s' if n != 1 else ''}" if n else "no spaces"


def impossible_date(value: str) -> str | None:
    """Which part of a date written YYYY-MM-DD cannot be, e.g. '2026-02-31'; None if none."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"there is no month {m.group(2)}: the month (the middle part) goes from 01 to 12"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (
            f"{MONTHS[month - 1]} {year} has {days} days, so there is no day {m.group(3)}: "
            "correct the day (the last part)"
        )
    return None
