"""The printable báo cáo of a report (A4, WeasyPrint): its text read back with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien

A4 = "595.276 x 841.89 pts"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("report-pdf") / "p", FIXTURES / "minimal", FIXTURES / "reports")
    result = run_phobien(root, "build")
    assert result.returncode == 0, result.stderr
    assert "3 reports: " in result.stderr
    return root / "site"


def _text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_a_report_is_printed_as_a_vietnamese_official_report(site: Path) -> None:
    pdf = site / "vi/print/report-ke-hoach-bao-cao-2024.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert f"Page size:       {A4} (A4)" in info
    lines = _text(pdf)
    text = " ".join(lines)
    # Issuer block and number (left), national title, motto, place and date (right), title: in this order.
    order = [
        "SỞ TƯ PHÁP THÀNH PHỐ",
        "Số: 45/BC-STP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 20 tháng 12 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 7/KH-UBND ngày 15/01/2024",
        "I. TÌNH HÌNH CHUNG",
        "Báo cáo nêu kết quả thực hiện 3 nhiệm vụ của Kế hoạch: đang thực hiện 2; chưa bắt đầu 1.",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
        "Nhiệm vụ Nội dung nhiệm vụ Tình trạng Kết quả thực hiện Đơn vị thực hiện",
        "III. NHIỆM VỤ CHƯA HOÀN THÀNH",
    ]
    places = [text.find(s) for s in order]
    assert -1 not in places, [s for s, p in zip(order, places, strict=True) if p == -1]
    assert places == sorted(places)
    # The task table, from the report's data only.
    assert "3.200/5.000 tờ rơi (64 %)" in text
    assert "Tài liệu kiểm chứng: Báo cáo số 45/BC-STP" in text
    assert "I.1 In và phát 5.000 tờ rơi về quyền của trẻ em tại các xã, phường. Đang thực hiện" in text
    assert "II.1" not in text  # not in this report
    assert "https://example.vn/vi/reports/ke-hoach-bao-cao/2024/" in text
    assert "VÍ DỤ" not in text


def test_a_quarter_and_an_example_report(site: Path) -> None:
    quarter = " ".join(_text(site / "vi/print/report-ke-hoach-bao-cao-2025-q2.pdf"))
    assert "quý II năm 2025" in quarter and "Số: 80/BC-STP" in quarter
    assert "Không có nhiệm vụ nào được báo cáo là đang thực hiện hoặc chưa bắt đầu." not in quarter
    example = " ".join(_text(site / "vi/print/report-ke-hoach-thu-2024-q3.pdf"))
    assert example.startswith("VÍ DỤ — báo cáo minh họa")
    assert "Số: …" in example  # the example report has no number: none is invented


def test_report_pdfs_are_made_once_in_vietnamese_and_linked_from_every_language(site: Path) -> None:
    assert sorted(p.name for p in site.glob("*/print/report-*.pdf")) == [
        "report-ke-hoach-bao-cao-2024.pdf",
        "report-ke-hoach-bao-cao-2025-q2.pdf",
        "report-ke-hoach-thu-2024-q3.pdf",
    ]
    assert not list((site / "en").glob("print/report-*"))
    page = (site / "en/reports/ke-hoach-bao-cao/2024/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../vi/print/report-ke-hoach-bao-cao-2024.pdf"' in page
    assert "Printable report (PDF, A4, in Vietnamese)" in page
