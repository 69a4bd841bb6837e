"""The five plans as data: counts and samples checked against the source texts in shared/seeds."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from phobien.checks import check_content

UNCORRECTED = [
    "traffic",
    "dàn tộc",
    "tổ tụng",
    "nhẫm",
    "dẫn tra",
    "kiểm chế",
    "chông chéo",
    "hộnd",
    "bất, giữ",
    "tuy tố",
    "hiệu hiệu quả",
]


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    content, diags = check_content(REPO)
    assert not diags.errors, [d.format() for d in diags.errors]
    return content


@pytest.mark.parametrize(
    ("plan_id", "tasks", "sample", "lead", "deadline"),
    [
        # 001 appendix row II: lead "Công an Thành phố", deadline "Hàng năm" (seed line 164).
        ("ha-noi-126-kh-ubnd-2023", 49, "A.II", ["ha-noi-cong-an"], "Hàng năm"),
        # 002 section II "Phân công": "Phòng Cảnh sát hình sự chủ trì ... tiết (1)" (seed line 88).
        ("kien-giang-111-kh-cat-cshs-2021", 32, "II.1.a", ["kien-giang-phong-canh-sat-hinh-su"], None),
        # 000 II.2.a: "Cơ quan thực hiện: Các sở, ban, ngành, UBND các huyện, thị xã, thành phố ... Đề nghị
        # Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh ..."; "Thời gian hoàn thành: Hằng năm" (lines 163-169).
        (
            "binh-dinh-cat-87-qd-ttg",
            29,
            "II.2.a",
            ["binh-dinh-cac-so-nganh", "binh-dinh-ubnd-cap-huyen", "binh-dinh-vksnd", "binh-dinh-tand"],
            "Hằng năm",
        ),
        # 003 II.2, first dash: the province's press (Báo Bắc Giang, Đài PT-TH, ...) carries the campaign.
        (
            "bac-giang-tai-hoa-nhap-2022",
            10,
            "II.2.-1",
            [
                "bac-giang-bao-bac-giang",
                "bac-giang-dai-phat-thanh-va-truyen-hinh",
                "bac-giang-trung-tam-van-hoa-thong-tin-va-the-thao-cap-huyen",
                "bac-giang-dai-truyen-thanh-co-so",
                "bac-giang-cong-thong-tin-dien-tu",
            ],
            None,
        ),
        # 004 III.1.a under "1. Công an Thành phố": "... Định kỳ hàng năm tổ chức sơ kết ..." (lines 20-21).
        ("ha-noi-xam-hai-tinh-duc-tre-em", 35, "III.1.a", ["ha-noi-cong-an"], "Định kỳ hàng năm"),
    ],
)
def test_plan_tasks(
    content,
    plan_id: str,
    tasks: int,
    sample: str | None,
    lead: list[str] | None,  # type: ignore[no-untyped-def]
    deadline: str | None,
) -> None:
    plan = content.plans[plan_id]
    assert len(plan.tasks) == tasks
    task = next(t for t in plan.tasks if t.id == sample)
    assert [a.agency for a in task.lead] == lead
    assert (task.deadline.as_written if task.deadline else None) == deadline


def test_known_headers(content) -> None:  # type: ignore[no-untyped-def]
    hanoi = content.plans["ha-noi-126-kh-ubnd-2023"]
    assert (hanoi.number, str(hanoi.date)) == ("126/KH-UBND", "2023-04-19")
    kg = content.plans["kien-giang-111-kh-cat-cshs-2021"]
    assert (kg.number, str(kg.date), kg.period.start_year, kg.period.end_year) == (
        "111/KH-CAT-CSHS",
        "2021-05-26",
        2021,
        2025,
    )
    # Numbers and dates that the texts do not give stay empty, never guessed.
    assert content.plans["binh-dinh-cat-87-qd-ttg"].number is None
    assert content.plans["ha-noi-xam-hai-tinh-duc-tre-em"].date is None


def test_no_uncorrected_recognition_errors(content) -> None:  # type: ignore[no-untyped-def]
    for plan_id, plan in content.plans.items():
        texts = [plan.title, *plan.purposes, *plan.requirements, *(s.title for s in plan.sections)]
        for task in plan.tasks:
            texts += [task.text, task.output or "", task.request or ""]
        for text in texts:
            for error in UNCORRECTED:
                assert not re.search(re.escape(error), text, re.I), f"{plan_id}: '{error}' in {text[:80]}"


def test_open_data_files(bundled_site) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import json

    plans = json.loads((bundled_site / "data/plans.json").read_text(encoding="utf-8"))
    assert plans["schema_version"] == 1
    hanoi = next(p for p in plans["plans"] if p["id"] == "ha-noi-126-kh-ubnd-2023")
    assert (hanoi["number"], hanoi["date"], hanoi["issuer"]["name"]) == (
        "126/KH-UBND",
        "2023-04-19",
        "Ủy ban nhân dân thành phố Hà Nội",
    )
    task = next(t for t in hanoi["tasks"] if t["id"] == "A.II")
    assert task["lead"] == [{"id": "ha-noi-cong-an", "name": "Công an thành phố Hà Nội", "requested": False}]
    assert task["deadline"] == {"as_written": "Hàng năm", "kind": "yearly"}
    assert "87/QĐ-TTg" in hanoi["legal_refs"]
    assert {p["id"]: p["status"] for p in plans["plans"]}["kien-giang-111-kh-cat-cshs-2021"] == "ended"
    legal = json.loads((bundled_site / "data/legal.json").read_text(encoding="utf-8"))["legal"]
    old = next(d for d in legal if d["id"] == "41-2019-qh14")
    assert (old["number"], old["status"], old["superseded_by"]) == ("41/2019/QH14", "superseded", "127-2025-qh15")
    hotlines = json.loads((bundled_site / "data/hotlines.json").read_text(encoding="utf-8"))["hotlines"]
    assert "111" in [h["number"] for h in hotlines]
    raw = (bundled_site / "data/tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show Vietnamese"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == sum(len(p["tasks"]) for p in plans["plans"])
    assert any(r["task_id"] == "A.II" and r["lead_names"] == "Công an thành phố Hà Nội" for r in rows)


def test_no_page_or_data_file_shows_uncorrected_errors(bundled_site) -> None:  # type: ignore[no-untyped-def]
    for path in [*bundled_site.rglob("*.html"), *(bundled_site / "data").iterdir()]:
        text = path.read_text(encoding="utf-8-sig").lower()
        for error in ("chống traffic", "dàn tộc", "tổ tụng", "nhẫm", "dẫn tra ", "kiểm chế", "chông chéo", "hộnd"):
            assert error not in text, f"{path}: {error}"


def test_deadlines_and_agency_pages(bundled_site) -> None:  # type: ignore[no-untyped-def]
    page = (bundled_site / "vi/plans/deadlines/index.html").read_text(encoding="utf-8")
    assert "Hằng năm" in page and "Có mốc thời gian" in page
    agency = (bundled_site / "en/agencies/ha-noi-cong-an/index.html").read_text(encoding="utf-8")
    assert "Tasks it leads" in agency and "A.II" in agency
    law = (bundled_site / "en/legal/41-2019-qh14/index.html").read_text(encoding="utf-8")
    assert "Superseded" in law and "127/2025/QH15" in law
