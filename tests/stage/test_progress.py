"""Where a plan stands: latest status per task, 'late' derived from the deadline, examples kept
out of open data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien

from phobien.checks import check_content
from phobien.stage.progress import counts, plan_progress

TASKS = """  - id: I.2
    section: I
    text: Phát tờ rơi.
    lead: [ha-noi-ubnd]
    deadline: {as_written: Năm 2024, kind: year, end_year: 2024}
    targets:
      - {id: to-roi, text: "5.000 tờ rơi", value: 5000, unit: tờ rơi}
  - id: I.3
    section: I
    text: Hội nghị.
    lead: [ha-noi-ubnd]
    deadline: {as_written: "30/6/2024", kind: date, date: 2024-06-30}
"""


def _report(period: str, date: str, status: str, example: bool) -> str:
    return f"""plan: ke-hoach-thu
period: {period}
reported_by: ha-noi-ubnd
date: {date}
example: {"true" if example else "false"}
tasks:
  - task: I.2
    status: {status}
    done: Đã phát tờ rơi.
    figures:
      - {{target: to-roi, value: 3200, unit: tờ rơi}}
"""


def _project(tmp_path: Path, example: bool) -> Path:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    plan = root / "content/plans/ke-hoach-thu.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + TASKS, encoding="utf-8")
    folder = root / "content/reports/ke-hoach-thu"
    folder.mkdir(parents=True)
    (folder / "2023.yml").write_text(_report("2023", "2023-12-20", "in_progress", example), encoding="utf-8")
    (folder / "2024-q2.yml").write_text(_report("2024-q2", "2024-07-02", "done", example), encoding="utf-8")
    return root


def test_latest_report_wins_and_late_follows_the_deadline(tmp_path: Path) -> None:
    content, diags = check_content(_project(tmp_path, example=False))
    assert diags.errors == []
    rows = {r.task.id: r for r in plan_progress(content, "ke-hoach-thu", dt.date(2025, 1, 10))}
    assert (rows["I.2"].status, rows["I.2"].late, rows["I.2"].report) == ("done", False, "ke-hoach-thu/2024-q2")
    assert [(f.planned, f.reached, f.unit) for f in rows["I.2"].figures] == [(5000, 3200, "tờ rơi")]
    assert (rows["I.3"].status, rows["I.3"].late, rows["I.3"].due) == ("not_started", True, dt.date(2024, 6, 30))
    assert (rows["I.1"].status, rows["I.1"].late) == ("not_started", False)  # yearly: never late as a whole
    early = {r.task.id: r for r in plan_progress(content, "ke-hoach-thu", dt.date(2024, 6, 1))}
    assert early["I.3"].late is False
    assert counts(list(rows.values())) == {
        "done": 1,
        "in_progress": 0,
        "not_started": 2,
        "dropped": 0,
        "late": 1,
        "total": 3,
    }


def test_open_data_has_progress_and_leaves_examples_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHOBIEN_TODAY", "2025-01-10")
    for example in (False, True):
        root = _project(tmp_path / str(example), example=example)
        built = run_phobien(root, "build", "--no-print")
        assert built.returncode == 0, built.stderr
        data = json.loads((root / "site/data/progress.json").read_text(encoding="utf-8"))
        task = next(t for t in data["plans"][0]["tasks"] if t["id"] == "I.2")
        assert task["status"] == ("not_started" if example else "done")
        csv = (root / "site/data/progress.csv").read_text(encoding="utf-8-sig").splitlines()
        assert csv[0] == "plan_id,task_id,status,late,due,done,report,reported_on,reported_by,figures"
        assert csv[3] == "ke-hoach-thu,I.3,not_started,yes,2024-06-30,,,,,"
        if not example:
            assert csv[2].endswith(",to-roi: 3200/5000 tờ rơi")
        assert data["plans"][0]["reports"] == ([] if example else ["ke-hoach-thu/2023", "ke-hoach-thu/2024-q2"])
