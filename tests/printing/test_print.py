"""Printable leaflets (A4) and posters (A3): what is on the paper, QR codes, fonts and the cache.

Reads the PDFs with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) and
zbar-tools (zbarimg), installed by scripts/test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien

from phobien.core.diagnostics import Diagnostics, Severity
from phobien.load import load_content

TREES = (FIXTURES / "minimal", FIXTURES / "three-languages", FIXTURES / "print")
BASE = "https://example.vn/"
# (language, slug) of every real translation in TREES; quyen-tre-em in km and goi-111 in en are fallbacks.
LEAFLETS = [
    ("vi", "bao-ve-tre"),
    ("en", "bao-ve-tre"),
    ("km", "bao-ve-tre"),
    ("vi", "quyen-tre-em"),
    ("en", "quyen-tre-em"),
    ("vi", "goi-111"),
    ("km", "goi-111"),
]
A4 = "595.276 x 841.89 pts"
A3 = "841.89 x 1190.55 pts"
MADE = re.compile(r"\[print\] (\d+) leaflets, (\d+) posters, \d+ reports: (\d+) made, (\d+) from cache")


def tool(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


def text_of(pdf: Path) -> str:
    return " ".join(tool("pdftotext", "-enc", "UTF-8", pdf, "-").split())


def qr_codes(pdf: Path, tmp: Path) -> list[str]:
    """Decode every QR code on the first page (rasterised at 150 dpi)."""
    stem = tmp / pdf.stem
    tool("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, stem)
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", f"{stem}.png"], capture_output=True, text=True, timeout=120
    ).stdout
    return out.split()


def info(pdf: Path) -> dict[str, str]:
    return dict(line.split(":", 1) for line in tool("pdfinfo", pdf).splitlines() if ":" in line)


@dataclass
class Built:
    root: Path
    first: str
    second: str
    cache_mtimes: dict[str, int]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Vietnamese, English and Khmer, built twice (the second build must reuse every PDF). The
    second is a clean build: with nothing changed a build would write nothing at all."""
    root = make_project(tmp_path_factory.mktemp("print") / "p", *TREES)
    first = run_phobien(root, "build")
    assert first.returncode == 0, first.stderr
    cache = root / ".phobien-cache" / "print"
    mtimes = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    second = run_phobien(root, "build", "--clean")
    assert second.returncode == 0, second.stderr
    return Built(root, first.stderr, second.stderr, mtimes)


def pdf(built: Built, lang: str, name: str) -> Path:
    return built.root / "site" / lang / "print" / f"{name}.pdf"


def test_a_leaflet_per_material_in_each_language_it_is_written_in(built: Built) -> None:
    found = sorted(p.relative_to(built.root / "site").as_posix() for p in (built.root / "site").glob("*/print/*.pdf"))
    leaflets = [p for p in found if "/poster-" not in p]
    assert leaflets == sorted(f"{lang}/print/{slug}.pdf" for lang, slug in LEAFLETS)
    for lang, slug in LEAFLETS:
        assert info(pdf(built, lang, slug))["Page size"].strip().startswith(A4), (lang, slug)


def test_leaflet_text_has_title_hotline_and_review_status(built: Built) -> None:
    vi = text_of(pdf(built, "vi", "bao-ve-tre"))
    assert "Bảo vệ trẻ em" in vi
    assert "111" in vi and "Tổng đài 111" in vi and "miễn phí" in vi
    assert "Trang này chưa được cơ quan có thẩm quyền thẩm định. Kiểm tra nguồn lần cuối: 01/11/2026." in vi
    assert "Gọi 111." in vi, "the Markdown body"
    assert "Luật Trẻ em 2016, Điều 6" in vi, "sources"
    en = text_of(pdf(built, "en", "bao-ve-tre"))
    assert "Hotline 111" in en and "free" in en
    assert "not yet been reviewed by a competent authority" in en


def test_leaflet_renders_the_markdown_extensions_of_the_site(built: Built) -> None:
    text = text_of(pdf(built, "vi", "goi-111"))
    assert "Gọi miễn phí" in text, "admonition title"
    assert "Cả ngày lẫn đêm" in text, "table cell"


@pytest.mark.parametrize(("lang", "slug"), [("vi", "bao-ve-tre"), ("en", "quyen-tre-em"), ("km", "goi-111")])
def test_leaflet_qr_code_leads_to_its_page(built: Built, tmp_path: Path, lang: str, slug: str) -> None:
    assert qr_codes(pdf(built, lang, slug), tmp_path) == [f"{BASE}{lang}/materials/{slug}/"]


def test_khmer_leaflet_embeds_a_khmer_font(built: Built) -> None:
    fonts = tool("pdffonts", pdf(built, "km", "goi-111"))
    khmer = [line for line in fonts.splitlines() if "Khmer" in line]
    assert khmer, fonts
    assert all(" yes " in line for line in khmer), "embedded"
    # (pdftotext reorders Khmer vowels, so the text itself is not compared.)


def test_one_a3_poster_per_audience_and_language(built: Built, tmp_path: Path) -> None:
    for lang in ("vi", "en", "km"):
        for audience in ("parents", "children"):
            poster = pdf(built, lang, f"poster-{audience}")
            meta = info(poster)
            assert meta["Pages"].strip() == "1", poster
            assert meta["Page size"].strip().startswith(A3), poster
    text = text_of(pdf(built, "en", "poster-parents"))
    assert "Parents" in text and "111" in text and "Need help now? Call" in text
    assert qr_codes(pdf(built, "en", "poster-parents"), tmp_path) == [f"{BASE}en/parents/"]


def test_second_build_takes_every_pdf_from_the_cache(built: Built) -> None:
    first, second = MADE.search(built.first), MADE.search(built.second)
    assert first and second, built.first
    total = int(first[1]) + int(first[2])
    assert (int(first[1]), int(first[2])) == (len(LEAFLETS), 6)
    assert int(first[3]) == total and int(first[4]) == 0
    assert int(second[3]) == 0 and int(second[4]) == total
    cache = built.root / ".phobien-cache" / "print"
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")} == built.cache_mtimes


def test_changing_one_file_remakes_only_its_pdf(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(built.root, root)
    material = root / "content" / "materials" / "goi-111.km.md"
    material.write_text(material.read_text(encoding="utf-8") + "\nហៅលេខ ១១១។\n", encoding="utf-8")
    result = run_phobien(root, "build")
    assert result.returncode == 0, result.stderr
    made = MADE.search(result.stderr)
    assert made and (made[3], made[4]) == ("1", str(len(LEAFLETS) + 6 - 1)), result.stderr
    assert len(list((root / ".phobien-cache" / "print").glob("*.pdf"))) == len(LEAFLETS) + 6, "old PDF pruned"


def test_no_print_makes_no_pdf(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    assert not list((root / "site").rglob("*.pdf"))
    assert not (root / ".phobien-cache" / "print").exists()
    assert "[print]" not in result.stderr


# -- in-process: failures ----------------------------------------------------------------------


def test_without_weasyprint_one_warning_and_no_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import phobien.printing as printing

    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    content, _ = load_content(root)
    monkeypatch.setattr(printing, "_weasyprint_problem", lambda: "OSError: cannot load library 'libpango-1.0-0'")
    diags = Diagnostics(root)
    out = tmp_path / "out"
    printing.write_print(content, out, ["vi", "en"], diags)
    assert [d.severity for d in diags.items] == [Severity.WARNING]
    assert "libpango-1.0-0 libpangoft2-1.0-0" in diags.items[0].message
    assert not list(out.rglob("*.pdf"))


def test_a_broken_pdf_is_an_error_naming_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import phobien.printing as printing
    from phobien.printing import render
    from phobien.printing.jobs import PrintJob

    real = render.render_pdf

    def broken(job: PrintJob) -> tuple[bytes, list[str]]:
        if job.target == "en/print/bao-ve-tre.pdf":
            raise RuntimeError("layout failed")
        return real(job)

    monkeypatch.setattr(render, "render_pdf", broken)
    monkeypatch.setattr(printing.os, "cpu_count", lambda: 1)  # in this process, where the patch is
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    content, _ = load_content(root)
    diags = Diagnostics(root)
    out = tmp_path / "out"
    printing.write_print(content, out, ["vi", "en"], diags)
    assert [(d.path, d.severity) for d in diags.items] == [("content/materials/bao-ve-tre.en.md", Severity.ERROR)]
    assert "en/print/bao-ve-tre.pdf" in diags.items[0].message and "layout failed" in diags.items[0].message
    assert (out / "vi" / "print" / "bao-ve-tre.pdf").is_file()
    assert not (out / "en" / "print" / "bao-ve-tre.pdf").exists()
    assert (out / "en" / "print" / "poster-parents.pdf").is_file()


def test_nothing_is_fetched_from_the_network() -> None:
    from phobien.printing.render import OfflineFetcher

    fetcher = OfflineFetcher()
    for url in ("https://example.com/x.png", "http://127.0.0.1/x.css", "ftp://example.com/x"):
        with pytest.raises(ValueError, match="not a local file"):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


def test_body_keeps_web_links_and_drops_site_links() -> None:
    from phobien.printing.body import body_html

    html = body_html("## Đầu mục\n\n[web](https://example.vn/) [trang](../hotlines.md) [gọi](tel:111)\n")
    assert '<h2 id="dau-muc">' in html
    assert 'href="https://example.vn/"' in html and 'href="tel:111"' in html
    assert "hotlines.md" not in html and "<a>trang</a>" in html
