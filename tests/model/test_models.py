"""The content schemas on their own: what each accepts, what it refuses and with which words."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from phobien.model.agency import Agency
from phobien.model.common import Source
from phobien.model.page import ArticleMeta, MaterialMeta, Review
from phobien.model.site import Site


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [e["msg"] for e in exc.value.errors()]


def test_unknown_fields_are_refused_everywhere() -> None:
    with pytest.raises(ValidationError) as exc:
        Source(title="Bộ luật Hình sự", artcle="Điều 70")  # type: ignore[call-arg]
    assert exc.value.errors()[0]["type"] == "extra_forbidden"


def test_text_is_stored_nfc_and_stripped() -> None:
    decomposed = "Bo\u0302\u0323 lua\u0323\u0302t  "
    assert Source(title=decomposed).title == "Bộ luật"


def test_ids_are_ascii_slugs_with_a_message_that_shows_one() -> None:
    with pytest.raises(ValidationError) as exc:
        Source(id="Bộ luật", title="x")
    assert _messages(exc) == [
        "Value error, 'Bộ luật' is not a valid id; use lower-case ASCII letters, digits and hyphens "
        "(e.g. 'cong-an-tinh')"
    ]


def test_a_single_audience_may_be_written_without_a_list() -> None:
    meta = MaterialMeta(
        title="T",
        audiences="parents",  # type: ignore[arg-type]
        sources=[{"title": "Luật Trẻ em"}],  # type: ignore[list-item]
        review={"status": "not_reviewed"},  # type: ignore[arg-type]
    )
    assert meta.audiences == ["parents"]


def test_reviewed_needs_a_named_reviewer_and_a_date() -> None:
    with pytest.raises(ValidationError) as exc:
        Review(status="reviewed", reviewed_on=dt.date(2026, 12, 1))
    assert _messages(exc) == ["Value error, status 'reviewed' needs reviewer and reviewed_on"]
    assert Review(status="reviewed", reviewer="Sở Tư pháp", reviewed_on=dt.date(2026, 12, 1)).reviewer


def test_a_material_needs_a_source() -> None:
    with pytest.raises(ValidationError) as exc:
        MaterialMeta(title="T", audiences=["parents"], sources=[], review={"status": "draft"})  # type: ignore[arg-type]
    assert exc.value.errors()[0]["loc"] == ("sources",)


def test_an_article_date_must_be_a_date() -> None:
    with pytest.raises(ValidationError):
        ArticleMeta(title="T", date="hôm nay", author="Ban biên tập")  # type: ignore[arg-type]


def test_site_default_language_must_be_published() -> None:
    with pytest.raises(ValidationError) as exc:
        Site(
            name={"vi": "x"},
            owner_agency="bo-tu-phap",
            base_url="https://phobien.gov.vn/",
            languages=[{"code": "en", "name": "English"}],  # type: ignore[list-item]
        )
    assert "default_language 'vi' is not in languages (en)" in _messages(exc)[0]


def test_site_placeholder_is_a_valid_site() -> None:
    assert Site.placeholder().codes == ["vi"]


def test_agency_level_is_one_of_the_levels_of_government() -> None:
    with pytest.raises(ValidationError) as exc:
        Agency(id="x", name="Sở X", level="huyen")  # type: ignore[arg-type]
    assert exc.value.errors()[0]["loc"] == ("level",)
