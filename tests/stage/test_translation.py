"""One "text in this language, else the default" and one "this translation is outdated"."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, make_project

from phobien.commands.translations import report
from phobien.load import Content, load_content
from phobien.model.translation import by_key, in_language, is_outdated, original_key, original_of
from phobien.printing.jobs import print_jobs
from phobien.stage import views
from phobien.stage.context import Options, StageContext


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Content:
    root = make_project(tmp_path_factory.mktemp("three") / "p", FIXTURES / "minimal", FIXTURES / "three-languages")
    content, diags = load_content(root)
    assert not diags.errors
    return content


def test_text_in_this_language_else_the_default_else_the_first() -> None:
    assert in_language({"vi": "Xin chào", "en": "Hello"}, "en", "vi") == ("Hello", "en")
    assert in_language({"vi": "Xin chào", "en": ""}, "en", "vi") == ("Xin chào", "vi")
    assert in_language({"vi": "Xin chào"}, "km", "vi") == ("Xin chào", "vi")
    assert in_language({"en": "Hello", "km": "សួស្តី"}, "hmn", "vi") == ("Hello", "en")
    assert in_language({}, "en", "vi") == ("", "en")
    assert in_language(None, "en", "vi") == ("", "en")


def test_web_and_paper_show_the_same_fallback() -> None:
    texts = {"vi": "Đường dây nóng", "en": ""}
    assert views.html_in(texts, "en", "vi") == '<span lang="vi">Đường dây nóng</span>'
    assert views.html_in(texts, "vi", "vi") == "Đường dây nóng"
    assert views.html_in({"vi": "a < b"}, "en", "vi") == '<span lang="vi">a &lt; b</span>'
    assert views.text_in(texts, "en", "vi") == {"text": "Đường dây nóng", "lang": "vi"}


def test_the_original_is_the_file_the_translation_names(three: Content) -> None:
    keyed = by_key(three.materials)
    en = keyed[("quyen-tre-em", "en")]
    assert original_key(en) == ("quyen-tre-em", "vi")
    assert original_of(en, keyed) is keyed[("quyen-tre-em", "vi")]
    vi = keyed[("quyen-tre-em", "vi")]
    assert original_key(vi) is None and original_of(vi, keyed) is None
    assert not is_outdated(vi, vi)


def test_one_outdated_rule_for_the_command_the_web_and_paper(three: Content) -> None:
    keyed = by_key([*three.materials, *three.docs])
    outdated = sorted(p.rel for p in [*three.materials, *three.docs] if is_outdated(p, original_of(p, keyed)))
    assert outdated == ["content/materials/quyen-tre-em.en.md"]
    reported = sorted(f for r in report(three) for f in r.outdated_files)
    assert reported == outdated
    noticed = []
    for lang in ("en", "km"):
        ctx = StageContext(three, lang, Options())
        for page, fallback, source in ctx.pick(three.materials).values():
            if any(n["kind"] == "outdated" for n in ctx.notices(page, fallback, source)):
                noticed.append(page.rel)
    assert sorted(noticed) == outdated
    printed = [j.position.path for j in print_jobs(three, ["en", "km"]) if j.kind == "leaflet"]
    printed_outdated = [
        j.position.path
        for j in print_jobs(three, ["en", "km"])
        if j.kind == "leaflet" and any(n["kind"] == "outdated" for n in j.view["notices"])
    ]
    assert "content/materials/quyen-tre-em.en.md" in printed
    assert printed_outdated == outdated
