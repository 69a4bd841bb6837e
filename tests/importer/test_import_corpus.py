"""The importer corpus is consistent with itself (tests/importer/corpus/README.md).

These tests do not run the importer: they keep the hand-written expectations honest when
someone edits a document or its expected JSON.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
PLANS = Path(__file__).resolve().parents[2] / "content" / "plans"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
KINDS = {"date", "month", "quarter", "half_year", "year", "before_date", "yearly", "ongoing", "period"}
STATUSES = {"not_started", "in_progress", "done", "dropped"}
ISO = re.compile(r"\d{4}-\d\d-\d\d")


def flat(text: str) -> str:
    """Whitespace and HTML tags collapse to one space (README: comparisons)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def table_rows(text: str) -> list[str]:
    """Tab-separated rows with their continuation lines (starting with a tab) joined cell by cell."""
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if line.startswith("\t") and rows and len(rows[-1]) == len(cells):
            rows[-1] = [f"{a} {b}" for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return [" | ".join(flat(c) for c in row) for row in rows]


def load(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    text = (CORPUS / entry["text"]).read_text(encoding="utf-8")
    expected = json.loads((CORPUS / entry["expected"]).read_text(encoding="utf-8"))
    return text, expected


def test_manifest_lists_every_file() -> None:
    listed = {e[k] for e in MANIFEST["plans"] + MANIFEST["reports"] for k in ("text", "expected")}
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*") if p.suffix in {".txt", ".json"}}
    assert listed == on_disk
    assert len(MANIFEST["plans"]) >= 14 and len(MANIFEST["reports"]) >= 6
    assert all(set(e["formats"]) <= set(MANIFEST["formats"]) for e in MANIFEST["plans"] + MANIFEST["reports"])


@pytest.mark.parametrize("entry", MANIFEST["plans"], ids=lambda e: e["name"])
def test_plan_expectations_are_in_the_text(entry: dict[str, Any]) -> None:
    text, exp = load(entry)
    assert text.startswith("# test document written for phobien's tests; not a real plan\n")
    assert text == unicodedata.normalize("NFC", text)
    body = flat(text) + " | " + " | ".join(table_rows(text))
    assert exp["number"] is None or exp["number"] in body.replace(" /", "/")
    assert exp["date"] is None or ISO.fullmatch(exp["date"])
    assert exp["province"].lower() in body.lower()
    refs = [t["ref"] for t in exp["tasks"]]
    assert len(refs) == len(set(refs)), "refs must be unique"
    for task in exp["tasks"]:
        where = f"{entry['name']} {task['ref']}"
        assert task["text"] in body and len(task["text"]) <= 60, where
        for name in task["lead"] + task["partners"]:
            assert name in body, f"{where}: {name!r} not in the text"
        deadline = task["deadline"]
        if deadline is not None:
            assert deadline["kind"] in KINDS and deadline["as_written"] in body, where
            undated = deadline["kind"] in {"yearly", "ongoing"}
            assert (deadline["date"] is None) if undated else bool(ISO.fullmatch(deadline["date"])), where


def plan_refs(entry: dict[str, Any]) -> set[str]:
    if entry["plan_source"] == "corpus":
        exp = json.loads((CORPUS / "plans" / f"{entry['plan']}.expected.json").read_text(encoding="utf-8"))
        return {t["ref"] for t in exp["tasks"]}
    plan = yaml.safe_load((PLANS / f"{entry['plan']}.yml").read_text(encoding="utf-8"))
    return {t["id"] for t in plan["tasks"]}


@pytest.mark.parametrize("entry", MANIFEST["reports"], ids=lambda e: e["name"])
def test_report_expectations_are_in_the_text(entry: dict[str, Any]) -> None:
    text, exp = load(entry)
    assert text.startswith("# test document written for phobien's tests; not a real report\n")
    lines = text.split("\n")
    assert exp["plan"] == entry["plan"] and exp["plan_source"] == entry["plan_source"]
    known = plan_refs(entry)
    for task in exp["tasks"]:
        assert task["ref"] in known, f"{entry['name']}: {task['ref']} is not a task of {exp['plan']}"
        assert task["status"] in STATUSES
        for fig in task["figures"]:
            assert isinstance(fig["value"], (int, float)) and fig["unit"], fig
    for para in exp["unmatched"]:
        rest = flat(" ".join(lines[para["line"] - 1 :]))
        assert flat(lines[para["line"] - 1]) and rest.startswith(para["text"]), para
    period = exp["period"]
    assert ISO.fullmatch(period["start"]) and ISO.fullmatch(period["end"]) and period["start"] <= period["end"]
