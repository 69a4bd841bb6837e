"""phobien's own QR codes of page addresses are segno's, byte for byte, on every version."""

from __future__ import annotations

import io
import random

import pytest
import segno

from phobien.stage import qr
from phobien.stage.addresses import QR_MASK, qr_svg

_ADDRESS = "abcdefghijklmnopqrstuvwxyz0123456789-_./~%"


def segno_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", mask=QR_MASK).save(buffer, kind="svg", scale=4, border=2, xmldecl=False)
    return buffer.getvalue()


def addresses() -> list[str]:
    """Addresses of every length from 16 to 2,331 bytes in steps that reach each version and
    each raised error level (a version's capacity at Q and H)."""
    rnd = random.Random(7)
    lengths = [*range(16, 160), *range(160, 2332, 23), 2331]
    return ["https://vd.vn/" + "".join(rnd.choice(_ADDRESS) for _ in range(n - 14)) for n in lengths]


def test_every_code_is_the_one_segno_makes() -> None:
    made: set[tuple[int, str]] = set()
    for url in addresses():
        assert qr.fits(url)
        expected = segno_svg(url)
        code = segno.make(url, error="m", mask=QR_MASK)
        made.add((code.version, code.error))
        assert qr.svg(url, QR_MASK) == expected, (len(url), code.version, code.error)
    assert {v for v, _ in made} == set(range(2, 41))  # version 1 holds fewer than 16 bytes at M
    assert {e for _, e in made} == {"M", "Q"}  # H never holds what M of the version below does not


@pytest.mark.parametrize("mask", range(8))
def test_every_mask_pattern_is_segnos(mask: int) -> None:
    url = "https://example.vn/km/materials/sithi-kumar-nung-kar-karpear/"
    expected = io.BytesIO()
    segno.make(url, error="m", mask=mask).save(expected, kind="svg", scale=4, border=2, xmldecl=False)
    assert qr.svg(url, mask) == expected.getvalue()


@pytest.mark.parametrize(
    "url",
    [
        "https://vd.vn/",  # short: segno may make a Micro QR code
        "HTTPS://VD.VN/TAI-LIEU/BAO-VE/",  # alphanumeric mode
        "12345678901234567890",  # numeric mode
        "https://vd.vn/vi/tài-liệu/bảo-vệ-trẻ-em/",  # not ASCII
    ],
)
def test_other_data_is_left_to_segno(url: str) -> None:
    assert not qr.fits(url)
    assert qr_svg(url) == segno_svg(url)


def test_page_addresses_take_the_fast_path() -> None:
    assert qr.fits("https://example.vn/hmn/materials/bao-ve-tre-em/")
    assert qr.fits("https://example.vn/vi/l/ab3cd/")
