"""One pagination for every list: further pages' names, how items are cut, the pager."""

from __future__ import annotations

from phobien.core.pagination import is_list_page_name, page_path, pager, split, split_groups


def test_further_pages_of_an_index_are_page_n_and_of_other_lists_name_n() -> None:
    assert page_path("materials/index.md", 1) == "materials/index.md"
    assert page_path("materials/index.md", 2) == "materials/page-2.md"
    assert page_path("news/topic-tre-em.md", 3) == "news/topic-tre-em-3.md"
    assert page_path("plans/deadlines.md", 2) == "plans/deadlines-2.md"
    assert page_path("nha-truong-va-doi-tac.md", 2) == "nha-truong-va-doi-tac-2.md"
    # a list whose name merely ends in "index" is not an index
    assert page_path("news/topic-reindex.md", 2) == "news/topic-reindex-2.md"


def test_list_page_names_are_reserved() -> None:
    assert is_list_page_name("page-2")
    assert is_list_page_name("page-10")
    assert not is_list_page_name("page")
    assert not is_list_page_name("page-two")
    assert not is_list_page_name("trang-page-2")
    assert not is_list_page_name("page-2-cua-toi")
    # every further page an index makes carries a reserved name
    for n in range(2, 5):
        assert is_list_page_name(page_path("materials/index.md", n).rpartition("/")[2].removesuffix(".md"))


def test_split_keeps_at_least_one_page() -> None:
    assert split([], 10) == [[]]
    assert split(list(range(25)), 10) == [list(range(10)), list(range(10, 20)), list(range(20, 25))]


def test_groups_split_across_pages_keep_their_count_and_say_continued() -> None:
    groups = [{"title": "A", "items": [1, 2, 3]}, {"title": "B", "items": [4, 5]}]
    pages = split_groups(groups, 2)
    assert [[(g["title"], g["items"], g["count"], g["continued"]) for g in page] for page in pages] == [
        [("A", [1, 2], 3, False)],
        [("A", [3], 3, True), ("B", [4], 2, False)],
        [("B", [5], 2, True)],
    ]
    assert split_groups([], 2) == [[]]
    assert split_groups([{"title": "empty", "items": []}], 2) == [
        [{"title": "empty", "items": [], "count": 0, "continued": False}]
    ]


def test_pager_links_neighbours() -> None:
    assert pager("legal/index.md", 1, 1) is None
    assert pager("legal/index.md", 1, 3) == {"n": 1, "total": 3, "prev": None, "next": "legal/page-2.md"}
    assert pager("legal/index.md", 2, 3) == {"n": 2, "total": 3, "prev": "legal/index.md", "next": "legal/page-3.md"}
    assert pager("legal/index.md", 3, 3) == {"n": 3, "total": 3, "prev": "legal/page-2.md", "next": None}
