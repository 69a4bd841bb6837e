"""Links editors write to other pages: by source file or by short form, checked and rewritten."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_project, run_phobien

LINKS = (
    "\nXem [trang an toàn](../../docs/an-toan.vi.md), [bản tiếng Anh](bao-ve-tre.en.md),\n"
    "[kế hoạch](plan:ke-hoach-thu#t-i-1) và [trang chủ](page:index).\n"
)


def _project(tmp_path: Path, extra: str) -> Path:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    page = root / "content/materials/bao-ve-tre.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def test_link_to_no_page_is_an_error_at_its_place(tmp_path: Path) -> None:
    root = _project(tmp_path, LINKS + "Một liên kết [hỏng](material:khong-co) và [`code`](x.md).\n")
    result = run_phobien(root, "check")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "content/materials/bao-ve-tre.vi.md:21:21: error: the link 'material:khong-co' leads to no page; "
        "link to a page's source file (../materials/<slug>.vi.md) or write material:, article:, page:, plan:, "
        "audience:, legal:, agency: followed by an existing slug",
        "content/materials/bao-ve-tre.vi.md:21:52: error: the link 'x.md' leads to no page; "
        "link to a page's source file (../materials/<slug>.vi.md) or write material:, article:, page:, plan:, "
        "audience:, legal:, agency: followed by an existing slug",
    ]


def test_links_are_rewritten_in_every_language_and_offline(tmp_path: Path) -> None:
    root = _project(tmp_path, LINKS + "Trong mã: `[x](material:khong-co)`.\n")
    assert run_phobien(root, "check").returncode == 0
    result = run_phobien(root, "build", "--offline", "--no-print")
    assert result.returncode == 0, result.stderr
    assert "leads to no page" not in result.stderr
    html = (root / "site/vi/materials/bao-ve-tre.html").read_text(encoding="utf-8")
    for href in ('href="../an-toan.html"', 'href="bao-ve-tre.html"', 'href="../plans/ke-hoach-thu.html#t-i-1"'):
        assert href in html, href
    assert 'href="../index.html"' in html
    assert "[x](material:khong-co)" in html, "links in code are shown as written"
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    html = (root / "site/vi/materials/bao-ve-tre/index.html").read_text(encoding="utf-8")
    assert 'href="../../an-toan/"' in html and 'href="../../plans/ke-hoach-thu/#t-i-1"' in html
