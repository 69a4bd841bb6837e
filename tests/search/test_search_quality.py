"""The relevance table (relevance.yml) against a real build of the bundled content, with the
Python reference: at least 95 % of the questions answered in the top three. The same table in
Chromium, online and from file://, is ``scripts/search-quality`` (its figures are in the README)."""

from __future__ import annotations

from pathlib import Path

from quality import build, python_results
from relevance import Report, load_cases

TARGET = 0.95


def test_the_relevance_table_is_answered(tmp_path: Path) -> None:
    cases = load_cases()
    assert len(cases) >= 50
    assert {c.lang for c in cases} == {"vi", "en", "km", "hmn"}
    found = python_results(build(tmp_path / "site", offline=False), cases)
    report = Report()
    for case in cases:
        report.add(case, found[(case.lang, case.q)], offline=False)
    assert report.share >= TARGET, "\n".join(report.lines("python"))
