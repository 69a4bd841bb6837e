"""Reports on plans, checked like all content: every mistake at its line, all at once."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_project

from phobien.checks import check_content
from phobien.model.report import period_bounds

TARGETS = """    targets:
      - {id: to-roi, text: "5.000 tờ rơi", value: 5000, unit: tờ rơi}
"""

GOOD = """plan: ke-hoach-thu
period: 2024-q3
reported_by: ha-noi-ubnd
date: 2024-10-05
example: true
tasks:
  - task: I.1
    status: in_progress
    done: Đã phát 3.200 tờ rơi ở 12 xã.
    figures:
      - {target: to-roi, value: 3200, unit: tờ rơi}
    evidence:
      - {title: Báo cáo số 12/BC-UBND, number: 12/BC-UBND}
"""

BAD = """plan: ke-hoach-thu
period: 2027
reported_by: so-tu-phap
date: 2027-01-10
tasks:
  - task: I.1
    status: done
    figures:
      - {target: sach, value: 3, unit: cuốn}
  - task: I.2
    status: in_progress
    figures:
      - {target: to-roi, value: 10, unit: tờ}
  - task: I.1
    status: dropped
    agency: bo-tu-phap
"""


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    agencies = root / "content/agencies.yml"
    agencies.write_text(
        agencies.read_text(encoding="utf-8") + "  - id: bo-cong-an\n    name: Bộ Công an\n    level: central\n",
        encoding="utf-8",
    )
    plan = root / "content/plans/ke-hoach-thu.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + TARGETS, encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _messages(root: Path) -> list[str]:
    _, diags = check_content(root)
    return [d.format() for d in diags.sorted() if d.path.startswith("content/reports/")]


def test_a_good_report_passes(tmp_path: Path) -> None:
    root = _project(tmp_path, {"content/reports/ke-hoach-thu/2024-q3.yml": GOOD})
    assert _messages(root) == []


def test_every_mistake_of_a_report_is_reported_at_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, {"content/reports/ke-hoach-thu/2026.yml": BAD})
    assert _messages(root) == [
        "content/reports/ke-hoach-thu/2026.yml:2:9: error: the file is named 2026.yml but its period is '2027'; "
        "rename the file or correct 'period'",
        "content/reports/ke-hoach-thu/2026.yml:2:9: error: the period '2027' is outside the plan's years "
        "(2023–2025); correct 'period'",
        "content/reports/ke-hoach-thu/2026.yml:3:14: error: unknown agency 'so-tu-phap'; did you mean 'bo-tu-phap'?",
        "content/reports/ke-hoach-thu/2026.yml:7:13: error: task I.1 is reported 'done' but nothing says what was "
        "done; add 'done:' with a sentence",
        "content/reports/ke-hoach-thu/2026.yml:9:18: error: task I.1 has no target 'sach' (its targets: to-roi); "
        "name one of its targets or add the target to the task in the plan",
        "content/reports/ke-hoach-thu/2026.yml:10:11: error: unknown task 'I.2'; use an id from the tasks of "
        "content/plans/ke-hoach-thu.yml",
        "content/reports/ke-hoach-thu/2026.yml:14:11: error: task I.1 is reported twice (also entry 1); keep one "
        "entry per task",
    ]


def test_figures_in_another_unit_and_bodies_with_no_part_in_the_task(tmp_path: Path) -> None:
    report = GOOD.replace("unit: tờ rơi}", "unit: tờ}").replace("reported_by: ha-noi-ubnd", "reported_by: bo-cong-an")
    root = _project(tmp_path, {"content/reports/ke-hoach-thu/2024-q3.yml": report})
    assert _messages(root) == [
        "content/reports/ke-hoach-thu/2024-q3.yml:3:14: warning: 'bo-cong-an' is neither lead nor partner of task "
        "I.1 (bo-tu-phap, ha-noi-ubnd); check the task or name the agency that did it with 'agency:'",
        "content/reports/ke-hoach-thu/2024-q3.yml:11:45: error: target 'to-roi' of task I.1 is counted in 'tờ rơi', "
        "not 'tờ'; give the figure in 'tờ rơi'",
    ]


def test_a_report_outside_a_plan_folder_and_for_an_unknown_plan(tmp_path: Path) -> None:
    other = GOOD.replace("plan: ke-hoach-thu", "plan: ke-hoach-khac")
    root = _project(
        tmp_path,
        {"content/reports/2024.yml": GOOD, "content/reports/ke-hoach-khac/2024-q3.yml": other},
    )
    assert _messages(root) == [
        "content/reports/2024.yml:1:1: error: a report belongs in the folder of its plan: "
        "content/reports/<plan id>/<period>.yml",
        "content/reports/ke-hoach-khac/2024-q3.yml:1:7: error: unknown plan 'ke-hoach-khac'; did you mean "
        "'ke-hoach-thu'?",
    ]


def test_periods_are_years_or_quarters() -> None:
    assert period_bounds("2025") == (period_bounds("2025-q1")[0], period_bounds("2025-q4")[1])
    first, last = period_bounds("2024-q1")
    assert (first.isoformat(), last.isoformat()) == ("2024-01-01", "2024-03-31")
    assert period_bounds("2024-q4")[1].isoformat() == "2024-12-31"


def test_the_invalid_reports_fixture_gives_exactly_its_expected_messages(tmp_path: Path) -> None:
    """tests/fixtures/reports-invalid: every mistake of a report, on its line, all at once."""
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "reports", FIXTURES / "reports-invalid")
    expected = (FIXTURES / "reports-invalid.expected.txt").read_text(encoding="utf-8").splitlines()
    assert _messages(root) == expected


def test_the_valid_reports_fixture_passes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "reports")
    _, diags = check_content(root)
    assert [d.format() for d in diags.sorted()] == []
