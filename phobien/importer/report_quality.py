"""How well ``phobien import report`` reads a corpus of reports written apart from its rules
(tests/importer/report_corpus/manifest.json): paragraphs matched to the right task (or to none),
statuses, figures and evidence, per document and overall."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phobien.importer.report_draft import ReportDraft, draft_report
from phobien.load import Content, load_content


@dataclass
class Score:
    name: str
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)

    def count(self, what: str, ok: bool, why: str) -> None:
        self.total[what] = self.total.get(what, 0) + 1
        self.right[what] = self.right.get(what, 0) + ok
        if not ok:
            self.wrong.append(f"{self.name}: {what}: {why}")


def score(draft: ReportDraft, case: dict[str, Any], name: str) -> Score:
    s = Score(name)
    for what in ("number", "period", "reported_by"):
        s.count(what, getattr(draft, what) == case[what], f"{getattr(draft, what)!r}, expected {case[what]!r}")
    s.count("date", str(draft.date) == case["date"], f"{draft.date}, expected {case['date']}")
    lines = {p.text: p for p in draft.paragraphs}
    for start, task in case["paragraphs"]:
        p = next((p for text, p in lines.items() if text.startswith(start)), None)
        got = p.task if p else "(no such paragraph)"
        s.count("paragraphs", got == task, f"'{start}…' → {got}, expected {task}")
    for task, status in case["status"].items():
        got = draft.entries.get(task, {}).get("status")
        s.count("status", got == status, f"{task} → {got}, expected {status}")
    for task, figures in case["figures"].items():
        got = {f["target"]: f["value"] for f in draft.entries.get(task, {}).get("figures", [])}
        s.count("figures", got == figures, f"{task} → {got}, expected {figures}")
    for task, refs in case["evidence"].items():
        got = [e.get("number") or e.get("url") for e in draft.entries.get(task, {}).get("evidence", [])]
        s.count("evidence", got == refs, f"{task} → {got}, expected {refs}")
    return s


def _trees(repo: Path, folder: Path) -> dict[str, Content]:
    """The content the corpus's documents answer: the bundled content and the reports fixture."""
    fixture = folder / "project"
    fixture.mkdir()
    for tree in (repo / "tests/fixtures/minimal", repo / "tests/fixtures/reports"):
        shutil.copytree(tree, fixture, dirs_exist_ok=True)
    return {"bundled": load_content(repo)[0], "fixture": load_content(fixture)[0]}


def run_corpus(repo: Path, corpus: Path, formats: tuple[str, ...] = ("txt", "docx")) -> list[Score]:
    """Every document of the corpus in each of its formats, scored."""
    from phobien.importer.samples import write

    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        trees = _trees(repo, Path(tmp))
        for case in manifest["documents"]:
            text = (corpus / case["file"]).read_text(encoding="utf-8")
            for kind in (f for f in case["formats"] if f in formats):
                path = write(text, kind, Path(tmp), Path(case["file"]).stem)
                draft = draft_report(path, trees[case["tree"]], case["plan"], None, None)
                scores.append(score(draft, case, f"{case['file']} ({kind})"))
    return scores


def table(scores: list[Score]) -> str:
    """Right / total per field and document, then overall."""
    fields = ("paragraphs", "status", "figures", "evidence", "number", "date", "period", "reported_by")
    rows = [f"{'document':<44}" + "".join(f"{f:>12}" for f in fields)]
    for s in scores:
        rows.append(f"{s.name:<44}" + "".join(f"{s.right.get(f, 0):>6}/{s.total.get(f, 0):<5}" for f in fields))
    right = {f: sum(s.right.get(f, 0) for s in scores) for f in fields}
    total = {f: sum(s.total.get(f, 0) for s in scores) for f in fields}
    rows.append(f"{'all':<44}" + "".join(f"{100 * right[f] / max(total[f], 1):>11.0f}%" for f in fields))
    return "\n".join(rows)
