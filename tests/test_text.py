import unicodedata

import pytest

from phobien.text import anchor, fold, is_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Số điện thoại", "so-dien-thoai"),
        ("ĐIỀU 20 Hiến pháp", "dieu-20-hien-phap"),
        ("Quyền không bị tra tấn", "quyen-khong-bi-tra-tan"),
        ("  Trẻ em & người trẻ!  ", "tre-em-nguoi-tre"),
        ("87/QĐ-TTg", "87-qd-ttg"),
        ("Luật 127/2025/QH15", "luat-127-2025-qh15"),
        ("H'Mông", "h-mong"),
    ],
)
def test_slugify_folds_tone_marks_and_d(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert slugify(unicodedata.normalize("NFD", text)) == slug


def test_fold_keeps_khmer_letters() -> None:
    assert fold("ធ្វើទារុណកម្ម") == unicodedata.normalize("NFC", "ធ្វើទារុណកម្ម")
    assert fold("Đường dây NÓNG") == "duong day nong"


def test_anchor_is_never_empty_and_stable() -> None:
    khmer = "លេខទូរស័ព្ទ"
    assert anchor(khmer) == anchor(khmer)
    assert anchor(khmer).startswith("h-") and len(anchor(khmer)) == 10
    assert anchor(khmer) != anchor("សិទ្ធិ")
    assert anchor("Số điện thoại") == "so-dien-thoai"


def test_is_slug() -> None:
    assert is_slug("quyen-cua-tre-em")
    assert not is_slug("Quyền")
    assert not is_slug("a--b")
    assert not is_slug("")
