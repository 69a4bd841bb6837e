"""Views the web pages and the leaflets share: one wording for the review, the sources, hotlines."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES, make_project

from phobien.load import Content, load_content
from phobien.model.common import Source
from phobien.printing.jobs import print_jobs
from phobien.stage import views
from phobien.stage.context import Options, StageContext
from phobien.stage.kinds import KINDS


@pytest.fixture(scope="module")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> Content:
    content, diags = load_content(make_project(tmp_path_factory.mktemp("minimal") / "p", FIXTURES / "minimal"))
    assert not diags.errors
    return content


def test_source_citation_is_title_article_issuer_date() -> None:
    full = Source(
        title="Luật Trẻ em", article="Điều 6", issuer="Quốc hội", date=dt.date(2016, 4, 5), url="https://x.vn/a"
    )
    assert views.source_citation(full) == {
        "id": "",
        "title": "Luật Trẻ em",
        "url": "https://x.vn/a",
        "detail": ", Điều 6 (Quốc hội, 05/04/2016)",
        "text": "Luật Trẻ em, Điều 6 (Quốc hội, 05/04/2016)",
    }
    assert views.source_citation(Source(title="Luật Trẻ em", issuer="Quốc hội"))["text"] == "Luật Trẻ em (Quốc hội)"


def test_web_page_and_leaflet_say_the_same_review_and_sources(minimal: Content) -> None:
    ctx = StageContext(minimal, "en", Options(print_=False))
    page = next(p for p in KINDS["materials"].stage(ctx) if p.path == "materials/bao-ve-tre.md")
    leaflet = next(j for j in print_jobs(minimal, ["en"]) if j.target == "en/print/bao-ve-tre.pdf")
    review = (
        "This page has not yet been reviewed by a competent authority. Sources last checked: 01/11/2026. "
        "Checked by: the editors of this site. Next review due by 01/11/2027."
    )
    assert leaflet.view["review"] == {"status": "not_reviewed", "text": review}
    assert f'<p class="pb-review">{review}</p>' in page.body
    assert leaflet.view["sources"] == [{"text": "Law on Children 2016, art. 6", "url": ""}]
    assert "Law on Children 2016, art. 6</li>" in page.body
    # the same hotlines, in the same order, on the web page and on paper
    web = [h["number"] for h in ctx.hotline_views(page.data["hotlines"])]
    assert [h["number"] for h in leaflet.view["hotlines"]] == web
