"""The importer's parts on small inputs: encodings, line repair, tables, agencies, roles, facts, citations."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import REPO

from phobien.importer import assign, facts, legacy, tables
from phobien.importer.citations import Library
from phobien.importer.mentions import Directory
from phobien.importer.reading import decode_bytes
from phobien.importer.textlines import clean_lines, paragraphs
from phobien.load import load_content

LETTERS = unicodedata.normalize(
    "NFC",
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ",
)


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    loaded, _ = load_content(REPO)
    return loaded


def test_vni_table_round_trip() -> None:
    for letter in LETTERS + LETTERS.upper():
        spelled = legacy.VNI_ENCODE.get(letter, letter)
        assert legacy.from_vni(spelled) == letter, (letter, spelled)
    assert legacy.from_vni("Xin chaøo caùc baïn, Vieät Nam") == "Xin chào các bạn, Việt Nam"
    assert legacy.from_vni("ÑEÀ NGHÒ Toøa aùn") == "ĐỀ NGHỊ Tòa án"


def test_tcvn3_table_round_trip() -> None:
    # One code per letter with a mark (a e i o u y are ASCII); the seven capitals TCVN3 has.
    assert len({legacy.TCVN3_ENCODE[c] for c in LETTERS if c in legacy.TCVN3_ENCODE}) == len(LETTERS) - 6
    assert legacy.from_tcvn3("¡¢£¤¥¦§") == "ĂÂÊÔƠƯĐ"
    for letter in LETTERS:
        assert legacy.from_tcvn3("b" + legacy.TCVN3_ENCODE.get(letter, letter)) == "b" + letter
    # Known words as ABC files show them in a Latin-1 editor.
    assert legacy.from_tcvn3("B¶o Th¾ng") == "Bảo Thắng"
    assert legacy.from_tcvn3("M\xadêng Kh\xad¬ng") == "Mường Khương"


@pytest.mark.parametrize(
    "text",
    [
        "KẾ HOẠCH TĂNG CƯỜNG",
        "Ủy ban nhân dân tỉnh Bình Định",
        "của Ủy ban chống tra tấn",
        "a) Ấn định thời hạn. Ở cấp xã",
        "Xã hội, Hà Nội, HÀ NỘI",
        "Số: 126/KH-UBND",
        "Kế hoạch hành động Đông Nam Á (ASEAN)",
    ],
)
def test_tcvn3_capitals_are_restored(text: str) -> None:
    encoded = "".join(legacy.TCVN3_ENCODE.get(c, c) for c in text)
    assert legacy.from_tcvn3(encoded) == text


def test_encoding_detection() -> None:
    sample = "Ủy ban nhân dân tỉnh ban hành kế hoạch tuyên truyền pháp luật về phòng, chống tra tấn."
    for table, name in ((legacy.TCVN3_ENCODE, "TCVN3"), (legacy.VNI_ENCODE, "VNI")):
        data = "".join(table.get(c, c) for c in sample).encode("cp1252")
        assert decode_bytes(data) == (sample, name)
    assert decode_bytes(sample.encode("utf-8")) == (sample, "UTF-8")
    assert decode_bytes(b"\xef\xbb\xbf" + sample.encode("utf-8"))[0] == sample
    assert decode_bytes(sample.encode("utf-16"))[0] == sample
    # UTF-8 read once as Windows-1252 and saved again ("mojibake") is repaired.
    assert decode_bytes(legacy.decode_8bit(sample.encode("utf-8")).encode("utf-8"))[0] == sample
    # A TCVN3 file that some tool already "converted" as Latin-1 into UTF-8.
    tcvn3_in_utf8 = "".join(legacy.TCVN3_ENCODE.get(c, c) for c in sample).encode("utf-8")
    assert decode_bytes(tcvn3_in_utf8) == (sample, "TCVN3 (inside UTF-8)")


def test_line_repair() -> None:
    text = (
        "Thực hiện Quyết định số 87/QĐ-TTg của Thủ tướng Chính \n\n"
        "phủ *ly*\n"
        "- 2 -\n"
        "a) Tuyên truyền về quyền con người, đặc biệt là quyền được bảo vệ khỏi tra tấn và đối xử tàn bạo; "
        "hỗ trợ nạn nhân theo luật định, hỗ trợ pháp lý miễn phí cho người nghèo-\n"
        "khó khăn.\n" + unicodedata.normalize("NFD", "b) Ủy ban nhân dân các cấp thực hiện.") + "\n"
    )
    lines, noise = clean_lines(text)
    paras = paragraphs(lines)
    assert [p.text for p in paras] == [
        "Thực hiện Quyết định số 87/QĐ-TTg của Thủ tướng Chính phủ",
        "a) Tuyên truyền về quyền con người, đặc biệt là quyền được bảo vệ khỏi tra tấn và đối xử tàn bạo; "
        "hỗ trợ nạn nhân theo luật định, hỗ trợ pháp lý miễn phí cho người nghèokhó khăn.",
        "b) Ủy ban nhân dân các cấp thực hiện.",
    ]
    assert paras[0].lines == [1, 3] and paras[1].lines == [5, 6]
    assert [(n.line, n.text, n.why) for n in noise] == [
        (3, "*ly*", "signature-scan marker"),
        (4, "- 2 -", "page number"),
    ]


def test_table_rows() -> None:
    raw = [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả\tThời hạn",
        "A.\tNhóm nhiệm vụ thứ nhất\t\t\t\t",
        "I.\t<p>Tuyên truyền về</p>\tSở Tư pháp\t- Công an\tTài liệu\tHàng",
        "\tCông ước\t\t- Tòa án\t\tnăm",
        "IX\tNghiên cứu\t\t\t\t",
        "I.\tThống kê\tCông an\t\t\t2023 - 2024",
        "B.\tNhóm hai\t\t\t\t",
        "\tKhông số\tSở Y tế\t\t\t",
    ]
    lines, _ = clean_lines("\n".join(raw))
    rows = tables.parse_rows(paragraphs(lines))
    assert [(r.id, r.heading) for r in rows] == [
        ("A", True),
        ("A.I", False),
        ("A.IX", True),
        ("A.IX.1", False),
        ("B", True),
        ("B.-1", False),
    ]
    assert rows[1].cells == {
        "task": "Tuyên truyền về Công ước",
        "lead": "Sở Tư pháp",
        "partners": "- Công an - Tòa án",
        "output": "Tài liệu",
        "deadline": "Hàng năm",
    }
    assert rows[1].lines == [3, 4] and rows[3].section == "A.IX"


def test_agencies_in_text(content) -> None:  # type: ignore[no-untyped-def]
    hanoi = Directory(content.agencies, "ha-noi")
    found = hanoi.find("Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân Thành phố:")
    assert [(m.agency, m.as_written) for m in found] == [
        ("ha-noi-vksnd", "Viện Kiểm sát nhân dân"),
        ("ha-noi-tand", "Tòa án nhân dân Thành phố"),
    ]
    found = hanoi.find("Các Sở: Văn hóa & Thể thao, Du lịch, Thông tin & Truyền thông")
    assert [m.agency for m in found] == [
        "ha-noi-so-van-hoa-va-the-thao",
        "ha-noi-so-du-lich",
        "ha-noi-so-thong-tin-va-truyen-thong",
    ]
    # Only the plan's province: "Công an tỉnh" is no body of Hà Nội's.
    assert hanoi.find("Công an tỉnh") == []
    kg = Directory(content.agencies, "kien-giang")
    found = kg.find("phối hợp Công an các đơn vị, địa phương thực hiện")
    assert [m.agency for m in found] == ["kien-giang-cong-an-cac-don-vi", "kien-giang-cong-an-cap-huyen"]
    text = "Sở Tư pháp, Trung tâm Trợ giúp pháp lý nhà nước và Sở Y tế"
    assert hanoi.unknown(text, hanoi.find(text)) == ["Trung tâm Trợ giúp pháp lý nhà nước"]


def test_assignment_statements(content) -> None:  # type: ignore[no-untyped-def]
    kg = Directory(content.agencies, "kien-giang")
    found = assign.statements(
        "- Phòng Tham mưu chủ trì, phối hợp với phòng Cảnh sát hình sự thực hiện tiết (1), (2); "
        "chỉ đạo Công an các huyện, thành phố biên giới thực hiện tiết (3).",
        kg,
    )
    assert [(s.refs, [(a.agency, a.role) for a in s.assigned]) for s in found] == [
        (["(1)", "(2)"], [("kien-giang-phong-tham-muu", "lead"), ("kien-giang-phong-canh-sat-hinh-su", "partner")]),
        (["(3)"], [("kien-giang-phong-tham-muu", "lead"), ("kien-giang-cong-an-cap-huyen", "lead")]),
    ]
    general = assign.statements("- Công an các địa phương chủ động phối hợp thực hiện.", kg)
    assert [(s.refs, [(a.agency, a.role) for a in s.assigned]) for s in general] == [
        ([], [("kien-giang-cong-an-cap-huyen", "partner")])
    ]
    hanoi = Directory(content.agencies, "ha-noi")
    text = "Đề nghị Tòa án nhân dân Thành phố chủ trì; Công an Thành phố phối hợp"
    roles = assign.assigned(text, hanoi.find(text), "lead")
    # A clause that ends in "phối hợp" names partners ("X chủ trì; Y phối hợp"), as in the corpus README.
    assert [(a.agency, a.role, a.requested) for a in roles] == [
        ("ha-noi-tand", "lead", True),
        ("ha-noi-cong-an", "partner", False),
    ]
    assert assign.requests(text) == ["Đề nghị Tòa án nhân dân Thành phố chủ trì"]


@pytest.mark.parametrize(
    ("words", "kind", "extra"),
    [
        ("Hằng năm", "yearly", {}),
        ("trước ngày 15/10 hàng năm", "yearly", {"date": "2023-10-15"}),
        ("2023 - 2025", "range", {"start_year": 2023, "end_year": 2025}),
        ("Năm 2024", "year", {"end_year": 2024}),
        ("Trước 31/12/2023", "date", {"date": "2023-12-31"}),
        ("Thực hiện theo Quyết định số 1252/QĐ-TTg ngày 26/9/2019", "decision", {}),
        ("Hàng quý", "quarterly", {}),
        ("Thường xuyên", "ongoing", {}),
        ("Khi có yêu cầu", "unspecified", {}),
    ],
)
def test_deadlines(words: str, kind: str, extra: dict[str, object]) -> None:
    found = facts.deadline(words, 2023)
    assert found is not None and found["kind"] == kind
    assert {k: found[k] for k in extra} == extra


def test_targets() -> None:
    found = facts.targets("Đến năm 2025: 15/15 huyện tổ chức tuyên truyền; 75% báo cáo viên được tập huấn", None)
    assert [(t["value"], t["unit"], t["deadline_year"]) for t in found] == [
        (15.0, "huyện tổ chức tuyên truyền", 2025),
        (75.0, "%", 2025),
    ]


def test_citations(content) -> None:  # type: ignore[no-untyped-def]
    library = Library(content.legal)
    found = library.cite(
        "Thực hiện Quyết định số 87/QĐ-TTg ngày 14/02/2023; Kế hoạch số 999/KH-UBND ngày 01/01/2024; "
        "Hiến pháp năm 2013 và Luật An ninh mạng năm 2018.",
        9,
    )
    assert [(c.number, c.date, c.legal_id) for c in found if c.number] == [
        ("87/QĐ-TTg", "14/02/2023", "87-qd-ttg"),
        ("999/KH-UBND", "01/01/2024", None),
    ]
    assert {c.legal_id for c in found if not c.number} == {"hien-phap-2013", "24-2018-qh14"}
