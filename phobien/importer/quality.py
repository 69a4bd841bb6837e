"""Scoring a draft against a hand-written expectation (tests/importer/corpus/README.md).

The expectation is a JSON object with issuer, province, number, date and tasks (ref, text, lead,
partners, deadline). Strings are compared after NFC, with HTML tags and runs of whitespace
collapsed to one space; the issuer and province case-insensitively; the first letter of an agency
name case-insensitively. Tasks are matched by ref. A task the draft misses counts as wrong in
every one of its fields, so the shares are shares of what the document holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phobien.importer.draft import Draft

FIELDS = ("issuer", "province", "number", "date", "tasks", "text", "lead", "partners", "deadline")


def flat(value: Any) -> str:
    """NFC, HTML tags and whitespace runs as one space, trimmed."""
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


@dataclass
class Score:
    """Right and total per field, and what was wrong (for the report)."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    wrong: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, why: str = "") -> None:
        self.total[name] += 1
        self.right[name] += int(ok)
        if not ok and why:
            self.wrong.append(f"{name}: {why}")

    def merge(self, other: Score) -> None:
        for name in FIELDS:
            self.right[name] += other.right[name]
            self.total[name] += other.total[name]

    def share(self, *names: str) -> float:
        names = names or FIELDS
        total = sum(self.total[n] for n in names)
        return sum(self.right[n] for n in names) / total if total else 1.0


def reading(draft: Draft) -> dict[str, Any]:
    """What the draft says, in the shape of an expectation."""
    plan = draft.plan
    tasks = []
    for task, detail in zip(plan["tasks"], draft.details, strict=True):
        tasks.append(
            {
                "ref": task["id"],
                "text": flat(task["text"])[:60],
                "lead": [a.get("as_written") or a["agency"] for a in task.get("lead", [])],
                "partners": [a.get("as_written") or a["agency"] for a in task.get("partners", [])],
                "deadline": detail.get("_due"),
            }
        )
    date = plan.get("date")
    return {
        "issuer": draft.issuer_name,
        "province": plan.get("place"),
        "number": plan.get("number"),
        "date": date.isoformat() if date else None,
        "tasks": tasks,
    }


def _same(a: Any, b: Any, fold_case: bool) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = flat(a), flat(b)
    return x.casefold() == y.casefold() if fold_case else x == y


def _names(names: list[str], fold_case: bool) -> list[str]:
    out = []
    for name in names:
        text = flat(name)
        text = text.casefold() if fold_case else text[:1].casefold() + text[1:]
        if text not in out:
            out.append(text)
    return sorted(out)


def _deadline(a: dict[str, Any] | None, b: dict[str, Any] | None, fold_case: bool) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return (
        a.get("kind") == b.get("kind")
        and a.get("date") == b.get("date")
        and _same(a.get("as_written"), b.get("as_written"), fold_case)
    )


def score(expected: dict[str, Any], got: dict[str, Any], fold_case: bool = False) -> Score:
    """The score of ``got`` (a :func:`reading`) against ``expected``; ``fold_case`` for TCVN3 runs."""
    out = Score()
    for name in ("issuer", "province", "number", "date"):
        ok = _same(expected[name], got[name], fold_case or name in ("issuer", "province"))
        out.add(name, ok, f"{got[name]!r}, expected {expected[name]!r}")
    found = {t["ref"]: t for t in got["tasks"]}
    for task in expected["tasks"]:
        mine = found.get(task["ref"])
        ref = task["ref"]
        out.add("tasks", mine is not None, f"{ref} not found")
        if mine is None:
            for name in ("text", "lead", "partners", "deadline"):
                out.add(name, False)
            continue
        out.add("text", _same(task["text"], mine["text"], fold_case), f"{ref} {mine['text']!r}")
        for role in ("lead", "partners"):
            ok = _names(task[role], fold_case) == _names(mine[role], fold_case)
            out.add(role, ok, f"{ref} {mine[role]!r}, expected {task[role]!r}")
        ok = _deadline(task["deadline"], mine["deadline"], fold_case)
        out.add("deadline", ok, f"{ref} {mine['deadline']!r}, expected {task['deadline']!r}")
    extra = sorted(set(found) - {t["ref"] for t in expected["tasks"]})
    if extra:
        out.wrong.append(f"extra tasks: {', '.join(extra)}")
    return out


@dataclass
class Run:
    """One document in one format, and its score."""

    name: str
    kind: str
    score: Score


def run_corpus(corpus: Path, root: Path, only: str | None = None) -> tuple[list[Run], Score]:
    """Every plan of ``corpus``/manifest.json in each of its formats, scored; and the total."""
    import json
    import tempfile

    from phobien.importer.draft import build_draft
    from phobien.importer.reading import read_source
    from phobien.importer.samples import write
    from phobien.load import load_content

    content, _ = load_content(root)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    runs: list[Run] = []
    total = Score()
    with tempfile.TemporaryDirectory() as tmp:
        for entry in manifest["plans"]:
            if only and only not in entry["name"]:
                continue
            text = (corpus / entry["text"]).read_text(encoding="utf-8")
            expected = json.loads((corpus / entry["expected"]).read_text(encoding="utf-8"))
            for kind in entry.get("formats", ["txt"]):
                path = write(text, kind, Path(tmp), f"{entry['name']}-{kind}")
                draft = build_draft(read_source(path), content.agencies, content.legal, provinces=content.provinces)
                result = score(expected, reading(draft), fold_case=kind == "tcvn3")
                runs.append(Run(entry["name"], kind, result))
                total.merge(result)
    return runs, total
