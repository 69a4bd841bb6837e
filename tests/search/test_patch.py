"""An incremental build patches the last build's index with the pages that changed
(:mod:`phobien.search.patch`), and its files are, byte for byte, those of an index built anew."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

import phobien.search
import phobien.search.patch
from phobien.search import index_language
from phobien.search.files import Sizes
from phobien.search.levels import BOUNDS, SAFETY, moved, page_levels, references

SIZES = Sizes(word_bytes=200, pair_bytes=200, chunk_bytes=120)
SYLLABLES = [
    "quyền",
    "trẻ",
    "em",
    "được",
    "bảo",
    "vệ",
    "không",
    "bị",
    "tra",
    "tấn",
    "gọi",
    "điện",
    "thoại",
    "đường",
    "dây",
    "nóng",
    "luật",
    "sư",
    "trợ",
    "giúp",
    "pháp",
    "lý",
]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(n))


def _html(rng: random.Random, title: str, paragraphs: int) -> str:
    body = "".join(f"<p>{_words(rng, rng.randint(3, 40))}.</p>" for _ in range(paragraphs))
    heading = f"<h2>{_words(rng, 3)}</h2>" if rng.random() < 0.5 else ""
    return (
        '<html><head><meta name="description" content="' + _words(rng, 6) + '"></head><body>'
        f'<article data-phobien-main data-kind="{rng.choice(["material", "news", "plan"])}">'
        f"<h1>{title}</h1>{heading}{body}</article></body></html>"
    )


def _site(folder: Path, rng: random.Random, pages: int) -> None:
    for i in range(pages):
        page = folder / f"p{i:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(_html(rng, _words(rng, rng.randint(1, 12)), rng.randint(1, 6)), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "search").glob("*.js"))}


def _copy(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("search"), copy_function=_link)


def _link(src: str, dst: str) -> None:
    Path(dst).hardlink_to(src)


def test_patched_indexes_are_the_indexes_built_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built_anew: list[int] = []
    whole = phobien.search._index_all

    def counted(*args: object) -> object:
        if args[-1] is not None:  # with a cache: not an index of the cold copies below
            built_anew.append(1)
        return whole(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(phobien.search, "_index_all", counted)
    levelled: list[int] = []  # pages levelled again: the edited ones, and others whose margin was used up
    relevel = phobien.search.patch._relevel
    monkeypatch.setattr(
        phobien.search.patch, "_relevel", lambda kept, doc, codes: levelled.append(doc) or relevel(kept, doc, codes)
    )
    edited = 0
    rng = random.Random(7)
    cache, previous = tmp_path / "cache", tmp_path / "site0"
    _site(previous, rng, 30)
    index_language(previous, "vi", sizes=SIZES, cache=cache)
    assert built_anew == [1] and (cache / "vi.index").is_file()
    for edit in range(1, 13):
        site = tmp_path / f"site{edit}"
        _copy(previous, site)
        for i in rng.sample(range(30), rng.choice([1, 1, 2, 3])):
            edited += 1
            page = site / f"p{i:02d}" / "index.html"
            html = page.read_text(encoding="utf-8")
            page.unlink()  # a page made again is a new file: the previous site's stays as it was
            change = rng.random()
            if change < 0.4:  # a word more
                html = html.replace("<p>", f"<p>{rng.choice(SYLLABLES)} ", 1)
            elif change < 0.7:  # a long paragraph more: the mean body length moves, and other pages' levels
                html = html.replace("</article>", f"<p>{_words(rng, 300)}.</p></article>", 1)
            else:  # the paragraphs after the first left out
                html = html.replace("</p>", "</p><!--", 1).replace("</article>", "--></article>", 1)
            page.write_text(html, encoding="utf-8")
        index_language(site, "vi", sizes=SIZES, cache=cache, previous=previous)
        cold = tmp_path / f"cold{edit}"
        _copy(site, cold)
        index_language(cold, "vi", sizes=SIZES)
        assert _files(site) == _files(cold), edit
        kept = [n for n in _files(site) if (previous / "search" / n).exists()
                and (site / "search" / n).stat().st_ino == (previous / "search" / n).stat().st_ino]  # fmt: skip
        assert kept, edit
        previous = site
    assert built_anew == [1], "every edit was patched"
    assert len(levelled) > 2 * edited, (len(levelled), edited)  # the mean lengths moved other pages' levels

    # A page added renumbers the pages after it: the index is built anew, the same again.
    site = tmp_path / "added"
    _copy(previous, site)
    (site / "p00a").mkdir()
    (site / "p00a" / "index.html").write_text(_html(rng, "Trang mới", 2), encoding="utf-8")
    index_language(site, "vi", sizes=SIZES, cache=cache, previous=previous)
    cold = tmp_path / "cold-added"
    _copy(site, cold)
    index_language(cold, "vi", sizes=SIZES)
    assert _files(site) == _files(cold) and built_anew == [1, 1]


def test_levels_do_not_change_while_the_factors_move_less_than_the_margin() -> None:
    from array import array

    fields = [("title", ("a",), array("d", [1.0])), ("body", ("a", "b", "c"), array("d", [2.0, 7.0, 0.6]))]
    lengths = {"title": 1, "body": 9}
    codes, margin = page_levels(lengths, fields, {"title": 3.0, "body": 40.0})
    before = references(lengths, {"title": 3.0, "body": 40.0})
    held = 0
    for body in [40.0 * (1 + i / 400) for i in range(-200, 200)]:
        now = {"title": 3.0, "body": body}
        if moved(before, references(lengths, now)) + SAFETY < margin:
            held += 1
            assert page_levels(lengths, fields, now)[0] == codes, body
    assert held and sorted(BOUNDS) == BOUNDS
