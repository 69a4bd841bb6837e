"""The search index's cache of analysed pages gives back exactly what was analysed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from phobien.search.cache import PageCache
from phobien.search.index import PageEntry, PageMeta

words = st.text(min_size=0, max_size=8)
entries = st.builds(
    PageEntry,
    st.builds(PageMeta, st.text(), st.text(), st.text(), st.text()),
    st.none() | st.tuples(words, words),
    st.lists(st.text()),
    st.dictionaries(st.sampled_from(["title", "body", "heading"]), st.dictionaries(words, st.floats(0, 1e6))),
    st.dictionaries(st.sampled_from(["title", "body"]), st.integers(0, 10**6)),
    st.sets(words),
    st.sets(words),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.none() | entries, max_size=5))
def test_what_is_kept_is_read_back_the_same(tmp_path_factory: object, pages: list[PageEntry | None]) -> None:
    folder = Path(tmp_path_factory.mktemp("cache"))  # type: ignore[attr-defined]
    kept = PageCache(folder, "vi", False, None)
    for i, entry in enumerate(pages):
        kept.keep(f"k{i}", entry)
    kept.save()
    again = PageCache(folder, "vi", False, None)
    assert [again.get(f"k{i}") for i in range(len(pages))] == [(True, entry) for entry in pages]
    assert not PageCache(folder, "vi", True, None).before  # another kind of copy: nothing is used


def test_a_damaged_cache_is_not_used(tmp_path: Path) -> None:
    kept = PageCache(tmp_path, "en", False, None)
    kept.keep("k", PageEntry(PageMeta("u", "t", "s"), None, ["x"], {"body": {"a": 1.0}}, {"body": 1}, set(), {"a b"}))
    kept.save()
    path = tmp_path / "en.bin"
    path.write_bytes(path.read_bytes()[:-7])
    assert PageCache(tmp_path, "en", False, None).before == {}


def test_a_build_reads_only_what_it_uses_and_appends_what_is_new(tmp_path: Path) -> None:
    def entry(i: int) -> PageEntry:
        return PageEntry(
            PageMeta(f"u{i}", "t", "s"), None, [f"x{i}"], {"body": {f"a{i}": 1.0}}, {"body": 1}, set(), set()
        )

    def build(keys: list[int]) -> PageCache:
        kept = PageCache(tmp_path, "vi", False, None)
        for i in keys:
            found, got = kept.get(f"k{i}")
            assert not found or got == entry(i), i
            kept.keep(f"k{i}", entry(i))
        kept.save()
        return kept

    build([0, 1, 2, 3, 4])
    size = (tmp_path / "vi.bin").stat().st_size
    build([0, 1, 2, 3, 5])  # one new page: appended
    assert (tmp_path / "vi.bin").stat().st_size > size
    build([5, 6])  # most of the file no longer used: written anew
    assert (tmp_path / "vi.bin").stat().st_size < size
    again = PageCache(tmp_path, "vi", False, None)
    assert sorted(again.before) == ["k5", "k6"] and again.get("k6") == (True, entry(6))
    # A record that is not the one of its key (the files of two builds mixed) is not used.
    offsets = again.before
    again.before = {"k5": offsets["k6"], "k6": offsets["k6"]}
    assert again.get("k5") == (False, None) and again.get("k6") == (True, entry(6))
