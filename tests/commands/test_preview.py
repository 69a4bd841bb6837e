"""A build for publication refuses an example base_url; a preview says on every page that it is one."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_project, run_phobien

PREVIEW = 'class="pb-preview"'


def test_publication_build_refuses_an_example_address(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    result = run_phobien(root, "build", "--no-print", publish=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/site.yml:5:11: error: base_url 'https://example.vn/' is an example address: every QR code, "
        "short link and feed of the site would point there; set base_url in content/site.yml to the address "
        "where the site is published (e.g. https://pbgdpl.gov.vn/), or build a preview with "
        "'phobien build --preview'",
        "phobien build: stopped before building: 1 error, 0 warnings. The previous site/ was not changed.",
    ]
    assert not (root / "site").exists()
    # 'phobien check' is not a publication: the same tree is clean.
    assert run_phobien(root, "check").returncode == 0


def test_preview_pages_say_so_and_published_pages_do_not(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    assert run_phobien(root, "build", "--no-print").returncode == 0  # conftest adds --preview
    for page in ("vi/index.html", "en/materials/bao-ve-tre/index.html", "vi/plans/ke-hoach-thu/index.html"):
        html = (root / "site" / page).read_text(encoding="utf-8")
        assert PREVIEW in html and '<meta name="robots" content="noindex">' in html, page
    site_yml = root / "content/site.yml"
    site_yml.write_text(site_yml.read_text().replace("https://example.vn/", "https://pbgdpl.gov.vn/"))
    result = run_phobien(root, "build", "--no-print", publish=True)
    assert result.returncode == 0, result.stderr
    html = (root / "site/vi/index.html").read_text(encoding="utf-8")
    assert PREVIEW not in html and "noindex" not in html
    assert "https://pbgdpl.gov.vn/vi/" in html
