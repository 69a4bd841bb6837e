"""phobien's search in Python: words, folding, hashing, the index files and the reference query."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phobien.search import collect_pages
from phobien.search.extract import PageText, page_text
from phobien.search.files import CALLBACK, Sizes, choose_shards, gzip_size, index_files, write_files
from phobien.search.index import build_index
from phobien.search.opensearch import opensearch_xml, short_name
from phobien.search.query import Searcher, decode_positions, parse, parse_script
from phobien.search.rank import TITLE_FLAG, level, weighted_tf
from phobien.search.shards import fnv1a, front_coded, next_power_of_two, shard_name, shard_of, title_rows
from phobien.search.tokens import cluster_bigrams, clusters, khmer_parts, khmer_words, runs, words

KHMER_SENTENCE = "ការធ្វើទារុណកម្មត្រូវបានហាមឃាត់ដោយច្បាប់។"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- words and folding -------------------------------------------------------------------------


def test_words_fold_marks_and_d_keep_exact_forms() -> None:
    found = words("Không ai bị TRA TẤN, Điện-thoại 56/2017/NĐ-CP")
    assert [w.key for w in found] == ["khong", "ai", "bi", "tra", "tan", "dien", "thoai", "56", "2017", "nd", "cp"]
    assert [w.exact for w in found][3:7] == ["tra", "tấn", "điện", "thoại"]


def test_nfd_input_gives_the_same_words_as_nfc() -> None:
    text = "Trẻ em bị xâm hại, gọi Đường dây nóng"
    assert words(nfd(text)) == words(text)
    assert all(w.exact == unicodedata.normalize("NFC", w.exact) for w in words(nfd(text)))


def test_overlong_runs_are_not_words() -> None:
    assert [w.key for w in words("a" * 41 + " b " + "c" * 40)] == ["b", "c" * 40]


def test_khmer_runs_are_separate_from_latin_and_punctuation() -> None:
    assert list(runs("abc" + KHMER_SENTENCE + "x")) == [
        ("abc", False),
        (KHMER_SENTENCE.rstrip("។"), True),
        ("x", False),
    ]


def test_khmer_sentence_is_segmented_into_dictionary_words() -> None:
    found = khmer_words(KHMER_SENTENCE.rstrip("។"))
    assert "".join(found) == KHMER_SENTENCE.rstrip("។")
    assert len(found) >= 5
    assert "ហាមឃាត់" in found
    assert all(w.khmer and w.key == w.exact for w in words(KHMER_SENTENCE))


def test_khmer_clusters_bigrams_and_parts() -> None:
    assert clusters("ធ្វើទារុណកម្ម") == ["ធ្វើ", "ទា", "រុ", "ណ", "ក", "ម្ម"]
    assert cluster_bigrams("ទារុណ") == ("ទា_រុ", "រុ_ណ")
    assert cluster_bigrams("ក") == ()
    parts = khmer_parts("ធ្វើទារុណកម្ម")
    assert "ធ្វើ" in parts and "ទារុណកម្ម" in parts and "ធ្វើទារុណកម្ម" not in parts


# -- hashing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("", 0x811C9DC5), ("a", 0xE40C292C), ("foobar", 0xBF9CF968), ("tấn", fnv1a("tấn"))],
)
def test_fnv1a_known_values(text: str, value: int) -> None:
    assert fnv1a(text) == value


def test_shards_are_stable_and_in_range() -> None:
    assert [shard_of("tan", n) for n in (1, 2, 1024)] == [0, fnv1a("tan") & 1, fnv1a("tan") & 1023]
    assert all(0 <= shard_of(f"k{i}", 64) < 64 for i in range(500))
    with pytest.raises(AssertionError):
        shard_of("tan", 12)
    assert shard_name("w", 31) == "w1f"
    assert [next_power_of_two(x) for x in (0, 1, 3, 4, 5.5)] == [1, 1, 4, 4, 8]


# -- extraction --------------------------------------------------------------------------------

HTML = """<!doctype html><html lang="vi"><head><title>Tiêu đề - Trang</title>
<meta name="description" content="Tóm tắt &amp; mô tả."></head><body>
<nav class="menu">Trang chủ Tra tấn menu</nav><div class="banner">Cần giúp? Gọi 111</div>
<article class="content" data-phobien-main><h1>Quyền không bị tra tấn</h1>
<p>Không ai được <strong>tra tấn</strong> bạn.</p><script>var x = "script text";</script>
<div data-search-ignore><p>bỏ qua đoạn này</p></div><ul><li>Một</li><li>Hai</li></ul>
</article><footer>chân trang</footer></body></html>"""


def test_page_text_is_the_article_only() -> None:
    page = page_text(HTML, "tra-tan/")
    assert page is not None
    assert page.title == "Quyền không bị tra tấn"
    assert page.blocks == ["Quyền không bị tra tấn", "Không ai được tra tấn bạn.", "Một", "Hai"]
    assert page.snippet == "Tóm tắt & mô tả."
    assert not page.fallback


def test_source_markers_are_not_page_text() -> None:
    cited = HTML.replace(
        "bạn.</p>", 'bạn.<sup class="pb-cite"><a href="#nguon-hp" title="Hiến pháp 2013">[10]</a></sup></p>'
    )
    page = page_text(cited, "tra-tan/")
    assert page is not None
    assert page.blocks[1] == "Không ai được tra tấn bạn."


def test_page_text_without_article_and_fallback_pages() -> None:
    assert page_text("<html><body><p>x</p></body></html>", "x/") is None
    fallback = HTML.replace("<h1>", '<div class="pb-notice pb-notice--fallback"><p>n</p></div><h1>')
    page = page_text(fallback, "x/")
    assert page is not None and page.fallback


def test_snippet_is_cut_at_a_word() -> None:
    body = "<p>" + "chữ " * 100 + "</p>"
    page = page_text(
        HTML.replace('<meta name="description" content="Tóm tắt &amp; mô tả.">', "").replace(
            "<p>Không ai được <strong>tra tấn</strong> bạn.</p>", body
        ),
        "x/",
    )
    assert page is not None and page.snippet.endswith("chữ…") and len(page.snippet) <= 141


def test_collect_pages_skips_404_search_and_fallbacks(tmp_path: Path) -> None:
    article = '<article class="content" data-phobien-main><h1>{}</h1><p>x</p></article>'
    for rel, title in [("index.html", "Home"), ("a/index.html", "A"), ("404.html", "404"), ("search/index.html", "S")]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(article.format(title), encoding="utf-8")
    (tmp_path / "b.html").write_text(article.format("B").replace("<h1>", '<p class="pb-notice--fallback">'))
    assert [(p.url, p.title) for p in collect_pages(tmp_path)] == [("a/", "A"), ("", "Home")]
    assert [p.url for p in collect_pages(tmp_path, offline=True)] == ["a/index.html", "index.html"]


# -- index files and the reference query ---------------------------------------------------------


def sample_pages() -> list[PageText]:
    texts = {
        "tra-tan/": ("Quyền không bị tra tấn", ["Không ai được tra tấn bạn. Tra tấn là tội phạm."]),
        "tra-cuu/": ("Tra cứu văn bản", ["Tra cứu văn bản.", "Cẩn thận khi bị tấn công."]),
        "xa/": ("Xã Trà Tân", ["Ngày pháp luật ở xã Trà Tân."]),
        "xam-hai/": ("Khi trẻ bị xâm hại", ["Nếu trẻ bị đánh đập, hãy gọi điện thoại."]),
        "km/": ("ទារុណកម្ម", [KHMER_SENTENCE]),
        "en/": ("Torture", ["No one may be subjected to torture."]),
    }
    return [PageText(url, title, [title, *blocks], blocks[0]) for url, (title, blocks) in texts.items()]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("index")
    write_files(folder, index_files(build_index(sample_pages()), "vi", Sizes(word_bytes=200, pair_bytes=200)))
    return Searcher(lambda name: parse_script((folder / f"{name}.js").read_text(encoding="utf-8"))[1])


def urls(searcher: Searcher, query: str) -> list[str]:
    return [url for url, _ in searcher.results(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tra tấn", ["tra-tan/", "tra-cuu/", "xa/"]),
        ("TRA TẤN", ["tra-tan/", "tra-cuu/", "xa/"]),
        (nfd("tra tấn"), ["tra-tan/", "tra-cuu/", "xa/"]),
        ("trà tân", ["xa/", "tra-tan/", "tra-cuu/"]),
        ('"tra tấn"', ["tra-tan/", "xa/"]),
        ("“tra tấn”", ["tra-tan/", "xa/"]),
        ("danh dap", ["xam-hai/"]),
        ("ĐÁNH ĐẬP", ["xam-hai/"]),
        ("tra xyzzy", ["tra-tan/", "tra-cuu/", "xa/"]),  # no dead end: the pages with "tra"
        ("tor", []),
        ("torture", ["en/"]),
        ("ទារុណកម្ម", ["km/"]),
        ("ហាមឃាត់", ["km/"]),
        ("!!!", []),
    ],
)
def test_reference_query(searcher: Searcher, query: str, expected: list[str]) -> None:
    assert urls(searcher, query) == expected


def test_parse_terms_and_phrase_pairs() -> None:
    q = parse('xâm hại "Trẻ em bị" tra tra')
    assert [(t.key, t.exact) for t in q.terms] == [("xam", "xâm"), ("hai", "hại"), ("tre", "trẻ"), ("em", "em"),
                                                     ("bi", "bị"), ("tra", "tra")]  # fmt: skip
    assert q.pairs == ["tre em", "em bi"]
    khmer = parse("ហាមឃាត់")
    assert khmer.terms[0].pairs == tuple(cluster_bigrams("ហាមឃាត់"))


def test_a_query_fetches_only_its_shards(searcher: Searcher) -> None:
    before = len(searcher.loaded)
    searcher.search("xyzzyq")
    assert searcher.loaded[before:] in ([], [f"w{shard_of('xyzzyq', searcher.manifest['w']):x}"])


@pytest.mark.parametrize("density", [0.0, 0.01, 0.2, 0.5, 0.7, 0.97, 1.0])
def test_page_codings_round_trip(density: float) -> None:
    from phobien.search.files import _positions

    rng = random.Random(int(density * 100))
    size = 1000
    which = sorted(i for i in range(size) if rng.random() < density)
    coded = _positions(which, size)
    assert decode_positions(coded, size) == which
    if 0.1 < density < 0.9:
        assert isinstance(coded, str)  # bitmap


def test_levels() -> None:
    assert [level(tf, 0) for tf in (0.1, 1.0, 5.0, 100.0)] == [1, 5, 9, 11]
    assert level(5.0, 1) == 9 + TITLE_FLAG and level(5.0, 2) == 9 + 2 * TITLE_FLAG
    averages = {"title": 4.0, "body": 100.0}
    assert weighted_tf({"title": 1}, {"title": 4}, averages) == 5.0
    assert weighted_tf({"title": 1}, {"title": 12}, averages) < 5.0  # a long title is less about each word
    body = {"body": 2}
    assert weighted_tf(body, {"body": 200}, averages) < weighted_tf(body, {"body": 50}, averages)  # length


def test_missing_words_are_named_when_no_page_has_them_all(searcher: Searcher) -> None:
    assert searcher.find("tra xyzzy").missing == ["xyzzy"]
    assert searcher.find("tra tấn").missing == []
    assert searcher.find("xyzzy").docs == []  # every meaningful word is nowhere: nothing


def test_shards_are_small_and_a_power_of_two() -> None:
    fragments = {f"k{i}": f'"k{i}":[{",".join(str(random.Random(i).randint(1, 9)) for _ in range(200))}]'
                 for i in range(400)}  # fmt: skip
    files = choose_shards("w", fragments, 1500)
    assert len(files) & (len(files) - 1) == 0 and len(files) > 1
    assert sum(gzip_size(t) for t in files.values()) / len(files) <= 1500 * 1.15
    assert all(t.startswith(f'{CALLBACK}("{name}",') for name, t in files.items())


def test_manifest_and_file_names() -> None:
    built = index_files(build_index(sample_pages()), "vi")
    assert built.manifest["pages"] == 6 and built.manifest["lang"] == "vi"
    assert len(built.manifest["id"]) == 10
    names = set(built.all())
    assert "manifest" in names and {f"w{i:x}" for i in range(built.manifest["w"])} <= names
    assert all(not isinstance(v, str) or "\u2028" not in v for v in built.all().values())


def test_opensearch() -> None:
    from xml.dom.minidom import parseString

    text = opensearch_xml("https://example.vn/", "vi", "Phổ biến pháp luật — Quyền của bạn")
    assert 'template="https://example.vn/vi/search/?q={searchTerms}"' in text
    assert "<ShortName>Phổ biến pháp</ShortName>" in text
    assert short_name("Trang thử") == "Trang thử"
    assert parseString(text.encode()).documentElement.tagName == "OpenSearchDescription"


def _data(built_text: str) -> object:
    return parse_script(built_text)[1]


def test_titles_files_hold_every_page_in_order() -> None:
    """The titles files give, for every page in page order, the url and title of its metadata row:
    the browser shows results from them without waiting for the metadata chunks."""
    urls = ["", "tai-lieu/", *(f"tai-lieu/bai-{i}/" for i in range(19)), "tin/", *(f"tin/{i}/" for i in range(18))]
    pages = [
        PageText(url, f"Trang số {i} về quyền “được” bảo vệ \u2028", [f"Nội dung {i}"], "")
        for i, url in enumerate(urls)
    ]
    built = index_files(build_index(pages), "vi", Sizes(title_bytes=200))
    per, chunk = built.manifest["titles"], built.manifest["chunk"]
    heads = sorted((n for n in built.files if n.startswith("h")), key=lambda n: int(n[1:], 16))
    assert per > 0 and len(heads) == -(-40 // per) and len(heads) > 1
    titles = [row for name in heads for row in title_rows(_data(str(built.files[name])))]  # type: ignore[arg-type]
    rows = [_data(str(built.files[f"m{d // chunk:x}"]))[d % chunk] for d in range(40)]  # type: ignore[index]
    assert titles == [row[:2] for row in rows] == [[p.url, p.title] for p in pages]
    assert all("\u2028" not in str(built.files[name]) for name in heads)
    searcher = Searcher(lambda name: _data(built.all()[name]))  # type: ignore[arg-type]
    assert searcher.loaded == ["manifest", *heads] and searcher.titles == heads


def test_no_titles_files_when_all_titles_are_too_large() -> None:
    """Over the cap, the first query of a visit would fetch too much: results wait for their
    metadata chunks instead, and the manifest says there are no titles files."""
    pages = [PageText(f"p{i}/", f"Trang số {i}", [f"Nội dung {i}"], "") for i in range(40)]
    built = index_files(build_index(pages), "vi", Sizes(titles_max=50))
    assert built.manifest["titles"] == 0 and not any(n.startswith("h") for n in built.files)
    assert Searcher(lambda name: _data(built.all()[name])).loaded == ["manifest"]  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=8)), max_size=30))
def test_front_coded_titles_come_back_as_written(rows: list[tuple[str, str]]) -> None:
    assert title_rows(front_coded(rows)) == [list(row) for row in rows]
