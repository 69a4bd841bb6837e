"""The importer on the corpus it was not tuned on (tests/importer/corpus/README.md), in every format
the manifest lists: at least 95 % of leads, partners and deadlines right on the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from phobien.importer.quality import FIELDS, Run, Score, run_corpus

CORPUS = REPO / "tests" / "importer" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Run], Score]:
    return run_corpus(CORPUS, REPO)


def test_every_document_and_format_is_run(corpus: tuple[list[Run], Score]) -> None:
    runs, _ = corpus
    kinds = {(r.name, r.kind) for r in runs}
    assert len(kinds) == len(runs) >= 30
    assert {k for _, k in kinds} == {"txt", "docx", "pdf", "tcvn3"}


def test_leads_partners_and_deadlines_are_right(corpus: tuple[list[Run], Score]) -> None:
    runs, total = corpus
    share = total.share("lead", "partners", "deadline")
    wrong = [f"{r.name} [{r.kind}] {w}" for r in runs for w in r.score.wrong]
    assert share >= 0.95, "\n".join(wrong)
    for name in ("issuer", "number", "tasks", "text"):
        assert total.share(name) >= 0.95, name


def test_script_prints_per_document_and_overall(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "import-quality"), "--only", "gia-lai", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[0] == "document" and all(f[:8] in lines[0] for f in FIELDS)
    assert lines[1].startswith("gia-lai-77-kh-ubnd-2026-bao-luc-gia-dinh [txt]")
    assert lines[-2].startswith("overall") and lines[-1].startswith("leads, partners and deadlines: ")
    assert out.is_file()
