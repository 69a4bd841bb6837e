"""Malicious and malformed Markdown: the exact message `phobien check` gives for each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien

from phobien.load import load_content

FRONT = """---
title: Thử
summary: Thử.
sources: [{title: Luật Trẻ em 2016}]
audiences: [parents]
review: {status: not_reviewed}
---

"""  # the body starts on line 9

LINK_FIX = "link to a web page (https://...), a phone number (tel:) or an e-mail address (mailto:)"
"""What every refused link scheme tells the editor to write instead."""

CASES = [
    ("<script>alert(1)</script>", "9:1: error: <script>: scripts are not allowed in content"),
    (
        "Xem <iframe src='https://x.example/'></iframe>",
        "9:5: error: <iframe>: embedded frames are not allowed (they load another site)",
    ),
    ('<object data="x.swf"></object>', "9:1: error: <object>: embedded objects are not allowed"),
    (
        "<style>body{display:none}</style>",
        "9:1: error: <style>: style sheets are not allowed in content; the site's design applies to every page",
    ),
    (
        '<p onclick="steal()">Bấm</p>',
        "9:4: error: <p onclick=...>: event handlers (scripts) are not allowed in content",
    ),
    (
        '<img src=x onerror="steal()">',
        "9:12: error: <img onerror=...>: event handlers (scripts) are not allowed in content",
    ),
    (
        "[Bấm vào đây](javascript:alert(1))",
        "9:15: error: javascript: links are not allowed; " + LINK_FIX,
    ),
    (
        "[Tải](data:text/html;base64,PHNjcmlwdD4=)",
        "9:7: error: data: links are not allowed; " + LINK_FIX,
    ),
    (
        '<a href="javascript:void(0)">x</a>',
        "9:10: error: javascript: links are not allowed; " + LINK_FIX,
    ),
    (
        "![Ảnh](https://tracker.example/pixel.gif)",
        "9:8: error: the image 'https://tracker.example/pixel.gif' is not a file of this site; save the picture in "
        "the site and link to the file (a picture from another site tells that site who is reading)",
    ),
    ("<marquee>Chú ý</marquee>", "9:1: error: <marquee> is not on the list of allowed HTML elements; use Markdown"),
    (
        '<span style="color:red">Đỏ</span>',
        "9:7: error: <span style=...>: the attribute 'style' is not allowed in content",
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_unsafe_markup_is_rejected_with_place_and_reason(tmp_path: Path, body: str, expected: str) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/materials/thu.vi.md").write_text(FRONT + body + "\n", encoding="utf-8")
    _, diags = load_content(root)
    assert [d.format() for d in diags.sorted()] == [f"content/materials/thu.vi.md:{expected}"]


def test_code_is_shown_not_run(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    body = "Viết `<script>` trong mã thì được.\n\n```html\n<script>alert(1)</script>\n```\n"
    (root / "content/materials/thu.vi.md").write_text(FRONT + body, encoding="utf-8")
    _, diags = load_content(root)
    assert diags.items == []


def test_external_links_get_noopener_noreferrer(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    body = "[Cổng pháp luật](https://pbgdpl.gov.vn/) và [trang trong](../bao-ve-tre/).\n"
    (root / "content/materials/thu.vi.md").write_text(FRONT + body, encoding="utf-8")
    assert run_phobien(root, "build").returncode == 0
    html = (root / "site/vi/materials/thu/index.html").read_text(encoding="utf-8")
    assert '<a href="https://pbgdpl.gov.vn/" rel="noopener noreferrer">Cổng pháp luật</a>' in html
    assert '<a href="../bao-ve-tre/">trang trong</a>' in html
