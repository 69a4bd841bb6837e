"""A plan's wording for a body resolves to the right agency of the right province."""

from __future__ import annotations

import pytest
from conftest import REPO

from phobien.importer.agencies import AgencyIndex
from phobien.load import load_content


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    content, _ = load_content(REPO)
    return AgencyIndex(content.agencies)


@pytest.mark.parametrize(
    ("wording", "province", "agency", "requested"),
    [
        ("Công an Thành phố", "ha-noi", "ha-noi-cong-an", False),
        ("Công an tỉnh", "kien-giang", "kien-giang-cong-an", False),
        ("Công an tỉnh", "binh-dinh", "binh-dinh-cong-an", False),
        ("Đề nghị Tòa án nhân dân Thành phố", "ha-noi", "ha-noi-tand", True),
        ("Đề nghị Tòa án nhân dân Thành phố phối hợp", "ha-noi", "ha-noi-tand", True),
        ("TANDTP", "ha-noi", "ha-noi-tand", False),
        ("Sở Tư pháp", "ha-noi", "ha-noi-so-tu-phap", False),
        ("Bộ Công an", "ha-noi", "bo-cong-an", False),
        ("cong an thanh pho", "ha-noi", "ha-noi-cong-an", False),
    ],
)
def test_resolve(index: AgencyIndex, wording: str, province: str, agency: str, requested: bool) -> None:
    found, was_requested = index.resolve(wording, province)
    assert found is not None and found.id == agency
    assert was_requested is requested


def test_unknown_body(index: AgencyIndex) -> None:
    assert index.resolve("Ban Quản lý dự án không có thật", "ha-noi") == (None, False)
