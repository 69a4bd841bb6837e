"""Plan progress on the built pages and in the open data, checked against the reports fixture
(tests/fixtures/reports: two plans with reports, one example report, on 22/11/2026)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien
from lxml import html


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("progress") / "p", FIXTURES / "minimal", FIXTURES / "reports")
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    return root / "site"


def _page(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel / "index.html").read_text(encoding="utf-8"))


def _texts(doc: html.HtmlElement, xpath: str) -> list[str]:
    return [re.sub(r"\s+", " ", e.text_content()).strip() for e in doc.xpath(xpath)]


def test_a_plan_shows_its_progress_overall_and_per_part_with_late_tasks_first(site: Path) -> None:
    doc = _page(site, "vi/plans/ke-hoach-bao-cao")
    bars = _texts(doc, "//section[@class='pb-progress-section']//p[@class='pb-progress__text']")
    assert bars == [
        "1/5 nhiệm vụ đã hoàn thành (20 %); Đang thực hiện: 2; Quá hạn: 1; Không thực hiện nữa: 1",
        "1/3 nhiệm vụ đã hoàn thành (33 %); Đang thực hiện: 1; Quá hạn: 1",
        "0/2 nhiệm vụ đã hoàn thành (0 %); Đang thực hiện: 1; Không thực hiện nữa: 1",
    ]
    # The bars are drawn at build time, hidden from screen readers (the text above says the same).
    svg = doc.xpath("//section[@class='pb-progress-section']//*[local-name()='svg']")[0]
    assert svg.get("aria-hidden") == "true"
    widths = [(r.get("class"), r.get("width")) for r in svg if r.get("class") != "pb-bar__bg"]
    assert widths == [("pb-bar__done", "20.0"), ("pb-bar__in_progress", "40.0"), ("pb-bar__late", "20.0"),
                      ("pb-bar__dropped", "20.0")]  # fmt: skip
    late = _texts(doc, "//details[@id='progress-late']/ul/li")
    assert len(late) == 1 and late[0].startswith("7/KH-UBND · I.2 Quá hạn 510 ngày Tổ chức hội nghị")
    assert "báo cáo ngày 20/12/2024" in late[0]
    assert _texts(doc, "//details[@id='progress-next']/ul/li/a") == ["7/KH-UBND · II.1"]
    assert _texts(doc, "//details[@id='progress-figures']/ul/li") == [
        "I.1: 5.000 tờ rơi: 5.000 / 5.000 tờ rơi (100 %)",
        "II.1: 10 lớp tập huấn: 3 / 10 lớp (30 %)",
    ]
    assert _texts(doc, "//h3[@id='progress-reports']/following-sibling::ul[1]/li/a") == ["Quý 2 năm 2025", "Năm 2024"]
    assert not doc.xpath("//*[contains(@class, 'pb-notice--example')]")


def test_a_plan_without_reports_says_so_and_counts_no_report_apart(site: Path) -> None:
    doc = _page(site, "en/plans/quang-ninh-thu")
    assert _texts(doc, "//p[@class='pb-progress__text']")[0] == "0 of 2 tasks done (0 %); Late: 1; No report yet: 1"
    assert "No report on this plan has been published here" in doc.text_content()


def test_example_reports_are_labelled_on_every_page_and_left_out_of_open_data(site: Path) -> None:
    for lang, words in (("vi", "báo cáo ví dụ"), ("en", "example reports")):
        for rel in ("plans/ke-hoach-thu", "agencies/ha-noi-ubnd"):
            notices = _texts(_page(site, f"{lang}/{rel}"), "//*[contains(@class, 'pb-notice--example')]")
            assert len(notices) == 1 and words in notices[0], (lang, rel)
        report = _page(site, f"{lang}/reports/ke-hoach-thu/2024-q3")
        assert len(report.xpath("//*[contains(@class, 'pb-notice--example')]")) == 1
    data = json.loads((site / "data/progress.json").read_text(encoding="utf-8"))
    plans = {p["id"]: p for p in data["plans"]}
    assert plans["ke-hoach-thu"]["tasks"][0]["report"] is None  # the example report is not there
    assert plans["ke-hoach-bao-cao"]["counts"] == {
        "done": 1, "in_progress": 2, "not_started": 1, "dropped": 1, "late": 1, "total": 5,
    }  # fmt: skip
    rows = {t["id"]: t for t in plans["ke-hoach-bao-cao"]["tasks"]}
    assert rows["I.1"]["figures"] == [{"target": "to-roi", "planned": 5000, "reached": 5000, "unit": "tờ rơi"}]
    assert (rows["I.2"]["late"], rows["I.2"]["report"]) == (True, "ke-hoach-bao-cao/2024")


def test_an_agency_page_shows_what_it_leads_and_partners_on(site: Path) -> None:
    doc = _page(site, "en/agencies/ha-noi-so-tu-phap")
    assert _texts(doc, "//section[@class='pb-progress-section']//p[@class='pb-progress__text']") == [
        "1 of 3 tasks done (33 %); In progress: 1; Late: 1"
    ]
    folds = _texts(doc, "//section[@class='pb-progress-section']//summary")
    assert folds == ["Late tasks (1)", "Due next (1)", "Done (1)"]
    city = _page(site, "en/agencies/ha-noi-ubnd")
    assert _texts(city, "//section[@class='pb-progress-section']/h3") == ["Tasks it leads", "Tasks it supports"]


def test_the_overview_lists_late_tasks_by_province_and_lead_agency(site: Path) -> None:
    doc = _page(site, "vi/plans/late")
    assert _texts(doc, "//h2") == ["Hà Nội (1)", "Quảng Ninh (1)"]
    assert _texts(doc, "//h3") == ["Sở Tư pháp thành phố Hà Nội (1)", "Ủy ban nhân dân tỉnh Quảng Ninh (1)"]
    items = _texts(doc, "//h3/following-sibling::ul[1]/li/a[1]")
    assert items == ["7/KH-UBND · I.2", "3/KH-UBND · 1"]
    assert "chưa có báo cáo" in _texts(doc, "//h3/following-sibling::ul[1]/li")[1].lower()


def test_a_report_page_shows_each_task_as_the_report_says(site: Path) -> None:
    doc = _page(site, "en/reports/ke-hoach-bao-cao/2024")
    assert _texts(doc, "//h1")[0] == "Report Year 2024 · 7/KH-UBND"
    tasks = doc.xpath("//ol[@class='pb-report-tasks']/li")
    assert [t.get("id") for t in tasks] == ["t-i-1", "t-i-2", "t-i-3"]
    first = re.sub(r"\s+", " ", tasks[0].text_content())
    assert "I.1 In progress" in first and "3.200 / 5.000 tờ rơi (64 %)" not in first  # English digits
    assert "3,200 / 5,000 tờ rơi (64 %)" in first and "Báo cáo số 45/BC-STP" in first
    link = tasks[2].xpath(".//a[@href='https://example.vn/quyen-tre-em']")
    assert link and link[0].get("rel") == "nofollow noreferrer"
