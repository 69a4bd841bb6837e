import unicodedata

import pytest

from phobien.core.text import anchor, fold, is_slug, slugify


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


def test_fast_fold_agrees_with_the_unicode_route_everywhere() -> None:
    """fold() takes a shortcut for Latin text; it must give what decomposing, dropping the
    marks of Latin letters and recomposing gives, for every character and mixed strings."""
    import random

    from phobien.core.text import _fold_general

    for cp in range(0x110000):
        if not 0xD800 <= cp < 0xE000:
            assert fold(chr(cp)) == _fold_general(chr(cp)), hex(cp)
    pool = [chr(c) for c in [*range(0x20, 0x7F), *range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x300, 0x370)]]
    pool += [chr(c) for c in (0x110, 0x111, 0x1780, 0x17B6, 0x17D2, 0x2260, 0x1D165)]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        for form in (text, unicodedata.normalize("NFD", text)):
            assert fold(form) == _fold_general(form), ascii(form)
    assert fold("Đường dây NÓNG 111") == "duong day nong 111"
    assert fold("Tu\u0301 lu\u0323c") == "tu luc"  # NFD input
