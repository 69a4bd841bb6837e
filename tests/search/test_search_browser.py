"""phobien's search in Debian's Chromium, against real builds of tests/fixtures/search (laid over
tests/fixtures/minimal): served on 127.0.0.1 and the --offline build opened from file://."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import FIXTURES, make_project, run_phobien, serve_folder

from phobien.core.text import fold
from phobien.search.query import Searcher, parse, parse_script
from phobien.search.shards import fnv1a
from phobien.search.tokens import cluster_bigrams, runs
from phobien.stage.urls import page_url

PHONE = {"width": 390, "height": 844}
KHMER_SENTENCE = "ការធ្វើទារុណកម្មត្រូវបានហាមឃាត់ដោយច្បាប់"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Pages with the marks as typed first ("Trà Tân" last of those with both words), then the pages
# with "tra" only: no dead ends, but the pages with every word first.
ONLY_TRA = ["hotlines.md", "materials/bao-ve-tre.md", "legal/56-2017-nd-cp.md"]
TRA_TAN = ["tra-tan.md", "tra-cuu.md", "plans/index.md", "xa-tra-tan.md", *ONLY_TRA]
DIEN_THOAI = ["hotlines.md", "materials/bao-ve-tre.md", "xam-hai.md"]
# When a word is on no page, the pages with the other words (no prefix guesses).
TRA = ["tra-cuu.md", "tra-tan.md", "xa-tra-tan.md", "hotlines.md", "materials/bao-ve-tre.md", "plans/index.md",
       "legal/56-2017-nd-cp.md"]  # fmt: skip
# (language of the search page, query, expected pages in order, as staged paths)
TABLE: list[tuple[str, str, list[str]]] = [
    ("vi", "tra tấn", TRA_TAN),  # pages with the marks as typed first; "Trà Tân" last
    ("vi", "TRA TẤN", TRA_TAN),
    ("vi", nfd("tra tấn"), TRA_TAN),
    ("vi", "tra tan", ["tra-tan.md", "xa-tra-tan.md", "tra-cuu.md", "plans/index.md", *ONLY_TRA]),
    ("vi", "trà tân", ["xa-tra-tan.md", "tra-tan.md", "tra-cuu.md", "plans/index.md"]),
    ("vi", "xâm hại", ["xam-hai.md"]),
    ("vi", "xam hai", ["xam-hai.md"]),
    ("vi", "danh dap", ["xam-hai.md", "children.md", "parents.md", "an-toan.md"]),  # d for đ; "bạo lực" (synonyms)
    ("vi", "Điện thoại", DIEN_THOAI),
    ("vi", "dien thoai", DIEN_THOAI),
    ("vi", "xyzzyq", []),
    ("vi", "tra xyzzyq", TRA),  # one unknown word: the pages with the others
    ("vi", "tra constructor", TRA),  # a word that is a property of every JavaScript object, on no page
    ("vi", "tra tấ", TRA),
    ("vi", '"tra tấn"', ["tra-tan.md", "plans/index.md", "xa-tra-tan.md"]),  # not "Tra cứu … tấn công"
    ("km", "ទារុណកម្ម", ["tra-tan.md", "plans/index.md"]),  # inside ការធ្វើទារុណកម្មត្រូវ…
    ("km", "ហាមឃាត់", ["tra-tan.md"]),
    ("km", "ធ្វើទារុណកម្ម", ["tra-tan.md", "plans/index.md"]),
    ("vi", "torture", []),  # per language
    ("en", "torture", ["tra-tan.md", "plans/index.md"]),
    ("en", "tra tấn", []),
]
IDS = [f"{lang}-{query}" for lang, query, _ in TABLE]
# Chromium's ICU cuts ធ្វើ | ទារុណកម្ម, icu4py (the Python reference) keeps one word: results differ.
BROWSER_ONLY = {"ធ្វើទារុណកម្ម"}


def _build(tmp: Path, *args: str) -> Path:
    root = make_project(tmp / "p", FIXTURES / "minimal", FIXTURES / "search")
    result = run_phobien(root, "build", *args)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def online_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("search-online"))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("search-offline"), "--offline")


@pytest.fixture(scope="module")
def served(online_site: Path) -> Iterator[str]:
    proc, base = serve_folder(online_site)
    yield base
    proc.kill()
    proc.wait()


class Site:
    """Where the search page and pages of one build are."""

    def __init__(self, base: str, offline: bool) -> None:
        self.base = base
        self.offline = offline

    def root(self, lang: str) -> str:
        return f"{self.base}{lang}/"

    def url(self, lang: str, path: str) -> str:
        return self.root(lang) + page_url(path, not self.offline)

    def search(self, lang: str, query: str | None = None) -> str:
        return self.url(lang, "search.md") + (f"?{urlencode({'q': query})}" if query is not None else "")


@pytest.fixture(scope="module", params=["served", "file"])
def site(request: pytest.FixtureRequest) -> Site:
    if request.param == "served":
        return Site(request.getfixturevalue("served"), offline=False)
    return Site(request.getfixturevalue("offline_site").as_uri() + "/", offline=True)


def wait_done(page: Any, query: str) -> None:
    page.wait_for_function(
        "q => document.querySelector('[data-search-results]').getAttribute('data-search-done') === q",
        arg=query,
        timeout=10_000,
    )


def shown(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("[data-search-results] .pb-result > a", "els => els.map(e => e.href)"))


@pytest.mark.parametrize(("lang", "query", "expected"), TABLE, ids=IDS)
def test_search_table(browser, site: Site, lang: str, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.search(lang, query))
    wait_done(page, query)
    assert shown(page) == [site.url(lang, p) for p in expected]
    assert page.locator("#pb-q").input_value() == query
    script = page.locator("script[data-results]")
    status = page.locator(".pb-search__status").inner_text()
    if expected:
        assert status == (script.get_attribute("data-results") or "").replace("{n}", str(len(expected)))
    else:
        assert status == script.get_attribute("data-no-results")
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [row for row in TABLE if row[1] not in BROWSER_ONLY],
    ids=[i for i, row in zip(IDS, TABLE, strict=True) if row[1] not in BROWSER_ONLY],
)
def test_python_reference_agrees(
    online_site: Path, offline_site: Path, lang: str, query: str, expected: list[str]
) -> None:
    for folder, offline in ((online_site, False), (offline_site, True)):
        index = folder / lang / "search"
        searcher = Searcher(lambda n, index=index: parse_script((index / f"{n}.js").read_text(encoding="utf-8"))[1])
        assert [url for url, _ in searcher.results(query)] == [page_url(p, not offline) for p in expected]


def test_searching_leaves_no_trace_in_history_or_storage(browser, site: Site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.search("vi"))
    length = page.evaluate("() => history.length")
    page.locator("#pb-q").press_sequentially("Xâm hại", delay=20)
    wait_done(page, "Xâm hại")
    assert shown(page) == [site.url("vi", "xam-hai.md")]
    assert page.url == site.search("vi")  # typing never puts the query in the address
    page.locator("#pb-q").fill("")
    page.locator("#pb-q").press_sequentially("tra tấn", delay=20)
    page.locator("#pb-q").press("Enter")
    wait_done(page, "tra tấn")
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN]
    assert page.url == site.search("vi") and page.evaluate("() => history.length") == length
    assert page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]") == [[], []]
    assert context.cookies() == []
    page.locator("[data-search-results] .pb-result > a").first.click()
    page.wait_for_url(site.url("vi", "tra-tan.md"))
    context.close()


def test_a_shared_link_shows_its_results_then_drops_the_query(browser, site: Site) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(site.search("vi", "xam hai"))
    wait_done(page, "xam hai")
    assert shown(page) == [site.url("vi", "xam-hai.md")]
    assert page.url == site.search("vi")  # history keeps the search page only
    assert page.locator("#pb-q").input_value() == "xam hai"
    page.close()


def test_results_show_an_excerpt_with_the_words_marked_and_the_missing_words(browser, site: Site) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(site.search("vi", "danh dap xyzzyq"))
    wait_done(page, "danh dap xyzzyq")
    page.wait_for_selector(".pb-result mark")
    excerpt = page.locator(".pb-result").first.locator("p")
    assert excerpt.locator("mark").all_inner_texts() == ["đánh", "đập"]
    assert "đánh đập" in excerpt.inner_text()
    missing = page.locator(".pb-results__missing").inner_text()
    assert missing.endswith("xyzzyq") and "{words}" not in missing
    page.close()


def test_nothing_is_downloaded_before_a_search(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    site = Site(served, offline=False)
    page = browser.new_page(viewport=PHONE)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("index.md", "materials/bao-ve-tre.md", "hotlines.md"):
        page.goto(site.url("vi", path))
        page.wait_for_load_state("networkidle")
    assert [u for u in requests if "search" in u.removeprefix(served)] == []
    page.goto(site.search("vi"))
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if ("/vi/search/" in u and u.endswith(".js")) or ".js?" in u] == []
    with page.expect_request(lambda r: "/vi/search/manifest.js" in r.url):
        page.locator("#pb-q").press_sequentially("x")
    page.close()


def test_results_are_shown_from_the_titles_before_their_metadata(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """With the titles files in (fetched with the manifest), a query's first results are in the page as
    soon as its shards are: one round trip after the last key. Their metadata chunks (snippets) are held
    back here until then, and fill in once they come."""
    site = Site(served, offline=False)
    page = browser.new_page(viewport=PHONE)
    held: list[Any] = []
    chunks = re.compile(r"/vi/search/m[0-9a-f]+\.js")

    def hold(route: Any) -> None:
        held.append(route)

    page.route(chunks, hold)
    page.goto(site.search("vi"))
    with page.expect_response(re.compile(r"/vi/search/h0\.js")):
        page.locator("#pb-q").fill("xâm hại")
    page.locator("#pb-q").fill("tra tấn")
    page.wait_for_function(
        "q => document.querySelector('[data-search-results]').getAttribute('data-search-shown') === q", arg="tra tấn"
    )
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN[:3]]
    assert page.locator(".pb-result p").count() == 0  # no snippet yet: chunks are held (shown only without them)
    page.unroute(chunks, hold)
    for route in held:
        route.continue_()
    wait_done(page, "tra tấn")
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN]
    assert page.locator(".pb-result p").count() == len(TRA_TAN)  # an excerpt or a snippet each
    page.close()


_TITLES, _CHUNKS = r"/vi/search/h[0-9a-f]+\.js", r"/vi/search/m[0-9a-f]+\.js"


@pytest.mark.parametrize(("first", "second"), [(_TITLES, _CHUNKS), (_CHUNKS, _TITLES)], ids=["titles", "chunks"])
def test_first_results_come_from_whichever_arrives_first(browser, served: str, first: str, second: str) -> None:  # type: ignore[no-untyped-def]
    """The first query of a visit, while the titles files (asked for with the manifest) are still on
    their way: its results come from the titles if they arrive before the metadata chunks, and from the
    chunks if those arrive first. Each is held back in turn here."""
    site = Site(served, offline=False)
    shown_q = "q => document.querySelector('[data-search-results]').getAttribute('data-search-shown') === q"
    page = browser.new_page(viewport=PHONE)
    held: dict[str, list[Any]] = {first: [], second: []}
    let_through: set[str] = set()

    def hold(route: Any, pattern: str) -> None:
        if pattern in let_through:
            route.continue_()
        else:
            held[pattern].append(route)

    def release(pattern: str) -> None:
        let_through.add(pattern)
        for route in held[pattern]:
            route.continue_()

    def holder(pattern: str) -> Any:
        return lambda route: hold(route, pattern)

    for pattern in held:
        page.route(re.compile(pattern), holder(pattern))
    page.goto(site.search("vi"))
    page.locator("#pb-q").fill("tra tấn")
    for _ in range(100):  # until the shards are in and both kinds of file are asked for
        if held[first] and held[second]:
            break
        page.wait_for_timeout(50)
    assert held[first] and held[second], (first, second)
    assert page.locator("[data-search-results]").get_attribute("data-search-shown") != "tra tấn"
    release(first)
    page.wait_for_function(shown_q, arg="tra tấn")
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN[:3]], first
    release(second)
    wait_done(page, "tra tấn")
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN]
    page.close()


def test_results_without_titles_files(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """An index too large for titles files (its manifest says ``titles: 0``, phobien/search/files.py):
    results come from their metadata chunks, and no titles file is asked for."""
    site = Site(served, offline=False)
    page = browser.new_page(viewport=PHONE)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))

    def no_titles(route: Any) -> None:
        body = route.fetch().text()
        assert re.search(r'"titles":[1-9]', body)
        route.fulfill(body=re.sub(r'"titles":\d+', '"titles":0', body), content_type="text/javascript")

    page.route(re.compile(r"/vi/search/manifest\.js"), no_titles)
    page.goto(site.search("vi"))
    page.locator("#pb-q").fill("tra tấn")
    wait_done(page, "tra tấn")
    assert shown(page) == [site.url("vi", p) for p in TRA_TAN]
    assert page.locator(".pb-result p").count() == len(TRA_TAN)
    assert not [u for u in asked if re.search(r"/vi/search/h[0-9a-f]+\.js", u)]
    page.close()


def test_search_bytes_are_small(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """Each query fetches only a few small files (the 5,000-page budget is in scripts/bench-search)."""
    site = Site(served, offline=False)
    page = browser.new_page(viewport=PHONE)
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(site.search("vi", "tra tấn"))
    wait_done(page, "tra tấn")
    first = [u for u in fetched if "/vi/search/" in u and ".js?" in u]
    assert any("manifest.js" in u for u in first) and 2 <= len(first) <= 13  # with the titles file
    fetched.clear()
    page.locator("#pb-q").fill("xâm hại")
    wait_done(page, "xâm hại")
    later = [u for u in fetched if "/vi/search/" in u]
    assert later and not any("manifest.js" in u for u in later)
    page.close()


def test_results_on_a_phone_profile_with_latency_figures(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """4x slower CPU (Lighthouse's mid-range phone): results arrive for the first query of a visit and a
    later one. The time from the last keystroke is printed, not asserted (the 300 ms goal is a benchmark
    figure: timed assertions fail at random on a shared 2-core machine)."""
    site = Site(served, offline=False)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    firsts, laters = [], []
    for _ in range(3):
        page.goto(site.search("vi"))
        page.evaluate(
            """() => {
              window.__times = [];
              const box = document.querySelector('[data-search-results]');
              document.querySelector('#pb-q').addEventListener('input', () => { window.__key = performance.now(); });
              new MutationObserver(() => window.__times.push(performance.now() - window.__key))
                .observe(box, {attributes: true, attributeFilter: ['data-search-done']});
            }"""
        )
        for typed, delays in (("tra tấn", firsts), ("tra tấn tạm giữ", laters)):
            page.locator("#pb-q").press_sequentially(typed.removeprefix(page.locator("#pb-q").input_value()), delay=60)
            wait_done(page, typed)
            delays.append(page.evaluate("() => window.__times[window.__times.length - 1]"))
    print(f"last keystroke to results (ms, 300 is the goal): first {firsts}, later {laters}")
    assert len(firsts) == len(laters) == 3 and all(t is not None for t in firsts + laters)
    context.close()


CORPUS = [
    "Không ai bị TRA TẤN, ép cung",
    nfd("Trẻ em bị xâm hại: gọi Đường dây nóng 111!"),
    "56/2017/NĐ-CP điện-thoại Ðiều",
    "naïve café İSTANBUL Ἀθῆναι ﬁ ǅ",
    "x" * 41 + " ok " + "y" * 40,
    KHMER_SENTENCE + " abc១២៣",
    'phrase "trẻ em bị" and “xâm hại” tra tra',
    "Lus Hmoob: txoj cai",
]


def test_python_and_javascript_rules_agree(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(Site(served, offline=False).search("vi"))
    tools = "window.__phobienSearch.tools"
    for text in CORPUS:
        js_runs = page.evaluate(f"t => {tools}.runs(t)", text)
        assert [list(r) for r in runs(text)] == js_runs, text
        for run, khmer in runs(text):
            assert page.evaluate(f"w => {tools}.fold(w)", run) == fold(run), run
            assert page.evaluate(f"w => {tools}.fnv1a(w)", run) == fnv1a(run), run
            if khmer:
                assert page.evaluate(f"w => {tools}.clusterBigrams(w)", run) == list(cluster_bigrams(run))
        if not any(k for _, k in runs(text)):
            js = page.evaluate(f"t => {tools}.parse(t)", text)
            q = parse(text)
            assert [(t["key"], t["exact"]) for t in js["terms"]] == [(t.key, t.exact) for t in q.terms], text
            assert js["pairs"] == q.pairs, text
    for key in ("", "a", "tấn", "tra tan", "ទា_រុ", "😀"):
        assert page.evaluate(f"w => {tools}.fnv1a(w)", key) == fnv1a(key), key
    page.close()


def test_opensearch_description(online_site: Path, offline_site: Path) -> None:
    for folder in (online_site, offline_site):
        for lang in ("vi", "en", "km"):
            text = (folder / lang / "opensearch.xml").read_text(encoding="utf-8")
            assert f'template="https://example.vn/{lang}/search/?q={{searchTerms}}"' in text


def test_search_page_loads_only_its_own_script(online_site: Path) -> None:
    html = (online_site / "vi" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'src="../assets/javascripts/search.js"' in html and 'data-index="../search/"' in html
    other = (online_site / "vi" / "materials" / "bao-ve-tre" / "index.html").read_text(encoding="utf-8")
    assert "search.js" not in other


INFLECTED = " ".join(
    [
        "abused abusing abuses arrested arresting beaten beating tortured torturing signs lawyers children",
        "released releasing detained detention complained complaints compensation wrongful imprisonment",
        "generously dying lying inning proceeded succeeded skies news national relational hopeful goodness",
        "adjustable replacement adoption communism past pasted sky early only",
    ]
)


def test_javascript_stemmer_is_snowballs(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """Every English word of the bundled content and a list of inflected forms stem alike."""
    import re

    import snowballstemmer  # type: ignore[import-untyped]

    repo = Path(__file__).resolve().parents[2]
    text = " ".join(
        p.read_text(encoding="utf-8") for p in [*repo.glob("content/**/*.en.md"), *repo.glob("docs/*.en.md")]
    )
    vocabulary = sorted(set(re.findall("[a-z]+", text.lower())) | set(INFLECTED.split()))
    assert len(vocabulary) > 1000
    page = browser.new_page()
    page.goto(Site(served, offline=False).search("en"))
    js = page.evaluate("ws => ws.map(w => window.__phobienSearch.tools.stem(w))", vocabulary)
    assert js == snowballstemmer.stemmer("english").stemWords(vocabulary)
    page.close()


QUESTIONS = [("vi", "con tôi bị đánh ở trường thì báo ai"), ("vi", 'co the em "la cua em"'), ("vi", "ra tu o dau"),
             ("en", "what to do if my child is abused"), ("en", "my son's lawyer"), ("en", "police beat me in jail"),
             ("vi", "126/KH-UBND 1800 1233")]  # fmt: skip


def test_python_and_javascript_parse_questions_alike(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    """With each language's stop words and stems (from the manifest): terms, optional words, phrases."""
    page = browser.new_page()
    for lang, text in QUESTIONS:
        page.goto(Site(served, offline=False).search(lang))
        js = page.evaluate(
            "t => window.__phobienSearch.tools.manifest().then(m => window.__phobienSearch.tools.parse(t, m))", text
        )
        q = parse(text, lang)
        assert [(t["key"], t["exact"], t["optional"]) for t in js["terms"]] == [
            (t.key, t.exact, t.optional) for t in q.terms], text  # fmt: skip
        assert [tuple(p) for p in js["phrases"]] == q.phrases and js["pairs"] == q.pairs, text
    page.close()
