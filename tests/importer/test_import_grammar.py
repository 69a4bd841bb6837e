"""Agency names by their shape, dates in every form, the header's issuer and place."""

from __future__ import annotations

import pytest

from phobien.importer import layout, when
from phobien.importer.names import names
from phobien.importer.proposals import propose


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Giáo dục và Đào tạo, Sở Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
        ("Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch.", ["Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"]),
        (
            "Sở Khoa học và Công nghệ và Báo và Phát thanh, Truyền hình Lào Cai",
            ["Sở Khoa học và Công nghệ", "Báo và Phát thanh, Truyền hình Lào Cai"],
        ),
        ("Tỉnh đoàn và Đài Phát thanh và Truyền hình tỉnh", ["Tỉnh đoàn", "Đài Phát thanh và Truyền hình tỉnh"]),
        (
            "Sở Lao động - Thương binh và Xã hội, Ngân hàng Chính sách xã hội chi nhánh tỉnh Kon Tum hướng dẫn",
            ["Sở Lao động - Thương binh và Xã hội", "Ngân hàng Chính sách xã hội chi nhánh tỉnh Kon Tum"],
        ),
        (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh phối hợp; "
            "Ủy ban nhân dân các xã, phường, đặc khu.",
            [
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Hội Liên hiệp Phụ nữ tỉnh",
                "Ủy ban nhân dân các xã, phường, đặc khu",
            ],
        ),
        (
            "Các sở, ban, ngành có liên quan. Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh phối hợp.",
            ["Các sở, ban, ngành có liên quan", "Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh"],
        ),
        (
            "UBND các huyện Tây Giang, Đông Giang và Ban Dân tộc tỉnh",
            ["UBND các huyện Tây Giang, Đông Giang", "Ban Dân tộc tỉnh"],
        ),
        ("Công an các đơn vị, địa phương", ["Công an các đơn vị, địa phương"]),
        ("Báo cáo kết quả; Sở Tư pháp tổng hợp", ["Sở Tư pháp"]),
    ],
)
def test_list_separators_never_split_a_name(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("ngày 20 tháng 01 năm 2026", "date", "2026-01-20"),
        ("20/01/2026", "date", "2026-01-20"),
        ("tháng 3/2026", "month", "2026-03-31"),
        ("Quý I/2026", "quarter", "2026-03-31"),
        ("Quý II, Quý IV/2026", "quarter", "2026-12-31"),
        ("6 tháng đầu năm", "half_year", "2026-06-30"),
        ("6 tháng cuối năm 2026", "half_year", "2026-12-31"),
        ("trước ngày 15/12", "before_date", "2026-12-15"),
        ("Từ tháng 3 đến tháng 10/2026", "period", "2026-10-31"),
        ("năm học 2026 - 2027", "period", "2027-05-31"),
        ("Năm 2026", "year", "2026-12-31"),
        ("hằng năm", "yearly", None),
        ("Thường xuyên.", "ongoing", None),
    ],
)
def test_dates_in_every_form(text: str, kind: str, date: str | None) -> None:
    assert when.due(text, 2026) == {"as_written": text.rstrip("."), "kind": kind, "date": date}


def test_date_inside_a_sentence() -> None:
    found = when.find("Tập huấn cho hòa giải viên (hoàn thành trước ngày 30/6/2026).", 2026)
    assert found == {"as_written": "trước ngày 30/6/2026", "kind": "before_date", "date": "2026-06-30"}
    cited = "Triển khai Nghị định số 49/2020/NĐ-CP ngày 17/4/2020 của Chính phủ; thực hiện thường xuyên."
    assert when.find(cited, 2026) == {"as_written": "thường xuyên", "kind": "ongoing", "date": None}


def test_issuer_from_the_header() -> None:
    two_lines = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "", "Số: 58/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert layout.issuer_name(two_lines) == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"
    columns = ["UBND TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc"]
    assert layout.issuer_name(columns) == "SỞ TƯ PHÁP"
    assert layout.issuer_name(["UBND TỈNH KON TUM", "CÔNG AN TỈNH"]) == "CÔNG AN TỈNH KON TUM"
    html = ["<p>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HỒ CHÍ MINH</p>", "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"]
    assert layout.issuer_name(html) == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"


def test_proposed_agency_entries() -> None:
    assert propose("Sở Khoa học và Công nghệ", "quang-ninh") == {
        "id": "quang-ninh-so-khoa-hoc-va-cong-nghe",
        "name": "Sở Khoa học và Công nghệ",
        "level": "province",
        "kind": "body",
        "province": "quang-ninh",
    }
    group = propose("Ủy ban nhân dân các xã, phường, đặc khu", "quang-ninh")
    assert (group["level"], group["kind"]) == ("commune", "group")
    assert propose("Bộ Tư pháp", "quang-ninh")["level"] == "central"
