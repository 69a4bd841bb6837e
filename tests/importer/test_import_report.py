"""`phobien import report`: a draft report from an agency's document, scored on a corpus of
reports written for these tests (tests/importer/report_corpus/)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, REPO, make_project, run_phobien

from phobien.importer.report_quality import run_corpus, table

CORPUS = Path(__file__).parent / "report_corpus"


def test_the_corpus_is_read_as_its_manifest_says() -> None:
    scores = run_corpus(REPO, CORPUS)
    print(table(scores))
    wrong = [line for s in scores for line in s.wrong]
    paragraphs = sum(s.total.get("paragraphs", 0) for s in scores)
    assert paragraphs == 78  # every paragraph of every document, as .txt and (all but one) as .docx
    assert wrong == []


def test_a_draft_report_lists_what_it_could_not_match_and_passes_the_checks(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "reports")
    doc = CORPUS / "bao-cao-112-ubnd-2025.txt"
    result = run_phobien(root, "import", "report", str(doc), "--plan", "ke-hoach-bao-cao")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [ln for ln in lines if "not matched" in ln] == [
        "bao-cao-112-ubnd-2025.txt:9: not matched to a task of ke-hoach-bao-cao: Năm 2025, các cơ quan, đơn vị đã "
        "triển khai Kế hoạch như sau:",
        "bao-cao-112-ubnd-2025.txt:14: not matched to a task of ke-hoach-bao-cao: Đánh giá chung: các cơ quan đã chủ "
        "động, phối hợp chặt chẽ trong năm.",
    ]
    assert "bao-cao-112-ubnd-2025.txt:12: task II.1 (by wording): - Về tập huấn cán bộ tư pháp cấp xã" in result.stderr
    draft = (root / "content/reports/ke-hoach-bao-cao/2025.yml").read_text(encoding="utf-8")
    assert "reported_by: ha-noi-ubnd\n" in draft and "number: 112/BC-UBND\n" in draft
    assert "- task: I.2\n  status: done\n" in draft
    checked = run_phobien(root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The city reports on tasks its department leads: the check says so, as it would of a report by hand.
    assert [ln for ln in (checked.stdout + checked.stderr).splitlines() if "reports/ke-hoach-bao-cao/2025" in ln] == [
        f"content/reports/ke-hoach-bao-cao/2025.yml:6:14: warning: 'ha-noi-ubnd' is neither lead nor partner of task "
        f"{task} ({leads}); check the task or name the agency that did it with 'agency:'"
        for task, leads in (("I.2", "ha-noi-so-tu-phap"), ("II.1", "bo-tu-phap, ha-noi-so-tu-phap"))
    ]


def test_import_report_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "reports")
    doc = str(CORPUS / "bao-cao-45-stp-2024.txt")
    missing = run_phobien(root, "import", "report", doc)
    assert missing.returncode == 2
    assert "add --plan ID" in missing.stderr
    unknown = run_phobien(root, "import", "report", doc, "--plan", "ke-hoach-bao-ca")
    assert (unknown.returncode, unknown.stderr.strip()) == (
        2,
        "phobien import: unknown plan 'ke-hoach-bao-ca'; did you mean 'ke-hoach-bao-cao'?",
    )
    taken = run_phobien(root, "import", "report", doc, "--plan", "ke-hoach-bao-cao")
    assert taken.returncode == 1 and "2024.yml exists; choose another --out or add --force" in taken.stderr
    wrong = run_phobien(root, "import", "reprot", doc)
    assert wrong.returncode == 2 and "'reprot' is not something to import" in wrong.stderr
