"""The rules of issue 16 on small indexes: stems, stop words, synonyms, page kinds, names, phrases,
marks, partial matches, summaries of pages without description, and the synonym table's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien

from phobien.search.extract import PageText, page_text
from phobien.search.files import Sizes, index_files, write_files
from phobien.search.index import build_index
from phobien.search.lang import optional, stem
from phobien.search.query import Searcher, parse, parse_script


def page(url: str, title: str, body: list[str], kind: str = "material", summary: str = "") -> PageText:
    return PageText(url, title, [title, *body], body[0] if body else "", kind=kind, summary=summary)


def searcher_of(tmp: Path, pages: list[PageText], lang: str, synonyms: list[list[str]] | None = None) -> Searcher:
    write_files(tmp, index_files(build_index(pages, lang, synonyms), lang, Sizes(word_bytes=200, pair_bytes=200)))
    return Searcher(lambda name: parse_script((tmp / f"{name}.js").read_text(encoding="utf-8"))[1])


def urls(s: Searcher, query: str) -> list[str]:
    return [u for u, _ in s.results(query)]


def test_english_stems_at_index_and_query_time(tmp_path: Path) -> None:
    s = searcher_of(
        tmp_path,
        [
            page("abuse/", "Signs of child abuse", ["Warning signs that a child is abused."]),
            page("arrest/", "When you are arrested", ["Your rights after an arrest."]),
            page("other/", "Hotlines", ["Call 111."]),
        ],
        "en",
    )
    assert [stem("en", w) for w in ("abused", "arrested", "signs")] == ["abus", "arrest", "sign"]
    assert stem("vi", "abused") == "abused" and stem("en", "126") == "126"
    assert urls(s, "child abuse warning signs") == ["abuse/"]
    assert urls(s, "my son was arrested")[0] == "arrest/"  # "son" is nowhere: the page with "arrested"
    assert s.find("my son was arrested").missing == ["son"]


def test_stop_words_never_block_and_marks_decide_them() -> None:
    words = [("co", "cơ"), ("the", "thể"), ("em", "em"), ("la", "là"), ("cua", "của"), ("em", "em")]
    assert optional("vi", words) == [False, False, False, True, True, False]
    assert optional("vi", [("co", "co"), ("o", "o"), ("dau", "dau"), ("dau", "dau")]) == [True, True, True, False]
    assert optional("en", [("what", "what"), ("to", "to"), ("do", "do"), ("lawyer", "lawyer")]) == [
        True, True, True, False]  # fmt: skip
    only_stops = parse("có không", "vi")
    assert [t.optional for t in only_stops.terms] == [False, False]  # a query of stop words alone still searches


def test_no_dead_end_and_no_guessing(tmp_path: Path) -> None:
    s = searcher_of(
        tmp_path,
        [
            page("xoa/", "Xóa án tích", ["Xóa án tích khi nào và làm thế nào."]),
            page("mat/", "Mất giấy tờ", ["Khi bị mất giấy tờ."]),
        ],
        "vi",
    )
    found = s.find("xoa an tich mat bao lau")
    assert found.docs[0] == 0 and found.missing == ["mat"]
    assert urls(s, "pizza xyzzyq") == []  # every meaningful word nowhere: no result
    assert urls(s, "xo") == []  # no prefixes


def test_synonyms_are_applied_at_build_time(tmp_path: Path) -> None:
    pages = [
        page("canh-sat/", "Khi cảnh sát hỏi bạn", ["Cảnh sát phải nói rõ lý do."]),
        page("khac/", "Trẻ em", ["Gọi 111."]),
    ]
    s = searcher_of(tmp_path, pages, "vi", [["công an", "cảnh sát"]])
    assert urls(s, "cong an") == ["canh-sat/"]
    assert len(parse("cong an", "vi").terms) == 2  # the query stays as typed
    plain = searcher_of(tmp_path / "plain", pages, "vi")
    assert urls(plain, "cong an") == []


def test_citizens_pages_before_official_ones_unless_named(tmp_path: Path) -> None:
    body = ["Tra tấn là tội phạm. Không ai được tra tấn bạn."]
    s = searcher_of(
        tmp_path,
        [
            page("plans/ct/", "Kế hoạch thực thi Công ước chống tra tấn", [*body, "126/KH-UBND"], kind="plan"),
            page("legal/cat/", "Công ước chống tra tấn", body, kind="legal"),
            page("materials/quyen/", "Quyền không bị tra tấn", body),
            page("news/x/", "Tin: nói về tra tấn", ["Nói về tra tấn."], kind="article"),
        ],
        "vi",
    )
    assert urls(s, "tra tấn")[:2] == ["materials/quyen/", "news/x/"]
    assert urls(s, "126/KH-UBND")[0] == "plans/ct/"
    assert urls(s, "công ước chống tra tấn")[0] == "legal/cat/"


def test_a_topic_in_a_long_official_title_does_not_name_the_page(tmp_path: Path) -> None:
    long_title = "Kế hoạch phòng, chống tội phạm xâm hại trẻ em và tội phạm, vi phạm pháp luật khác năm 2021"
    body = ["Xâm hại trẻ em là tội phạm."]
    s = searcher_of(
        tmp_path,
        [
            page("plans/kh/", long_title, [*body, "111/KH-CAT"], kind="plan"),
            page("agencies/ca/", "Công an tỉnh Kiên Giang", ["Cơ quan chủ trì."], kind="agency"),
            page("materials/dau-hieu/", "Dấu hiệu trẻ bị xâm hại", ["Trẻ em bị xâm hại thường sợ hãi.", *body]),
        ],
        "vi",
    )
    assert urls(s, "xam hai tre em")[0] == "materials/dau-hieu/"  # four words of a long title: a topic
    assert urls(s, "phong chong toi pham xam hai tre em")[0] == "plans/kh/"  # the title typed out
    assert urls(s, "cong an tinh kien giang")[0] == "agencies/ca/"  # all of a short name
    assert urls(s, "111/KH-CAT")[0] == "plans/kh/"


def test_synonyms_bring_their_marks(tmp_path: Path) -> None:
    pages = [
        page("tro-giup/", "Trợ giúp pháp lý miễn phí: ai được hưởng, hỏi ở đâu, cần giấy tờ gì", ["Ai được hưởng."]),
        page("khac/", "Khi người thân bị bắt", ["Gia đình có thể mời luật sư, có khi miễn phí."]),
    ]
    s = searcher_of(tmp_path, pages, "vi", [["luật sư", "trợ giúp pháp lý"]])
    # "sư" typed with its mark: the page that has "luật sư" from the table is in the first tier
    assert urls(s, "luât sư miễn phí")[0] == "tro-giup/"


def test_phrases_and_marks(tmp_path: Path) -> None:
    s = searcher_of(
        tmp_path,
        [
            page("nong/", "Sở Nông nghiệp", ["Nông dân, đường giao thông, dây điện."], kind="material"),
            page("hotline/", "Tổng đài", ["Gọi đường dây nóng 111."], kind="material"),
        ],
        "vi",
    )
    assert urls(s, "duong day nong") == ["hotline/", "nong/"]  # the phrase first
    assert urls(s, "nông") == ["nong/", "hotline/"]  # same marks first
    assert urls(s, "nóng")[0] == "hotline/"


def test_pages_without_description_are_summed_up_by_their_facts() -> None:
    html = (
        '<html><head><meta name="description" content="Quốc hội — Site"></head><body>'
        '<article data-phobien-main data-kind="legal" data-kind-name="Văn bản pháp luật"><h1>Quốc hội</h1>'
        "<dl><dt>Cấp</dt><dd>Trung ương</dd><dt>Tình trạng</dt><dd>Còn hiệu lực</dd></dl>"
        "<h2>Nhiệm vụ</h2><p>Không có.</p></article></body></html>"
    )
    text = page_text(html, "x/")
    assert text is not None
    assert text.snippet == "Cấp: Trung ương · Tình trạng: Còn hiệu lực"
    assert text.kind == "legal" and text.summary == ""
    assert text.roles == ["1", "t", "d", "t", "d", "h", "b", "n"] and text.blocks[-1] == "Văn bản pháp luật"


def test_synonym_table_errors_have_positions(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content" / "synonyms.yml").write_text(
        "synonyms:\n  vi:\n    - [công an, cảnh sát]\n    - [luật sư]\n    - [Cảnh sát, cs]\n  xx:\n    - [a, b]\n",
        encoding="utf-8",
    )
    result = run_phobien(root, "check")
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "content/synonyms.yml:4:7: error: a group needs two words or phrases or more" in out
    assert "content/synonyms.yml:5:8: error: 'Cảnh sát' is already listed in group 1 of 'vi'" in out
    assert "content/synonyms.yml:6:3: error: 'xx' is not one of the site's languages" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bundled_synonym_table_is_valid(lang: str) -> None:
    import yaml

    from phobien.model.synonyms import SynonymFile

    data = yaml.safe_load((Path(__file__).parents[2] / "content" / "synonyms.yml").read_text(encoding="utf-8"))
    assert SynonymFile.model_validate(data).synonyms[lang]
