"""Links that never break: short links, old addresses (aliases) and QR codes."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, run_phobien, serve_folder

from phobien.stage.addresses import origin, short_code

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site after its material was renamed, the old address kept as an alias."""
    root = make_project(tmp_path_factory.mktemp("addr") / "p", FIXTURES / "minimal")
    materials = root / "content/materials"
    for lang in ("vi", "en"):
        old = materials / f"bao-ve-tre.{lang}.md"
        text = old.read_text(encoding="utf-8").replace("title:", "aliases: [bao-ve-tre]\ntitle:", 1)
        text = text.replace("source: bao-ve-tre.vi.md", "source: bao-ve-tre-em.vi.md")
        (materials / f"bao-ve-tre-em.{lang}.md").write_text(text, encoding="utf-8")
        old.unlink()
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def served(renamed: Path) -> Iterator[str]:
    proc, base = serve_folder(renamed)
    yield base
    proc.kill()
    proc.wait()


def test_short_code_survives_a_rename() -> None:
    assert short_code(origin("materials/bao-ve-tre-em.md", ["bao-ve-tre"])) == short_code("materials/bao-ve-tre")
    assert len(short_code("materials/x")) == 5


def test_old_address_and_short_link_land_on_the_page(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    page.goto(served + "vi/materials/bao-ve-tre/")
    page.wait_for_url("**/vi/materials/bao-ve-tre-em/")
    assert page.locator("h1").inner_text() == "Bảo vệ trẻ em"
    code = short_code("materials/bao-ve-tre")
    page.goto(f"{served}l/{code}/")
    page.wait_for_url("**/vi/materials/bao-ve-tre-em/")
    share = page.locator(".pb-share").inner_text()
    assert f"https://example.vn/l/{code}/" in share
    page.close()


def test_every_short_link_redirect_lands_on_its_page(browser, served: str, renamed: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE)
    codes = sorted(p.name for p in (renamed / "l").iterdir())
    assert len(codes) >= 15
    for code in codes:
        page.goto(f"{served}l/{code}/")
        page.wait_for_url(lambda url: "/l/" not in url)
        assert page.locator("html").get_attribute("lang") in ("vi", "en")
    page.close()


def test_qr_code_decodes_to_the_page_url(browser, served: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 400, "height": 400})
    page.goto(served + "vi/materials/bao-ve-tre-em/qr.svg")
    shot = tmp_path / "qr.png"
    page.screenshot(path=str(shot))
    page.close()
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True)
    assert decoded.stdout.strip() == "https://example.vn/vi/materials/bao-ve-tre-em/"


def test_every_qr_code_of_the_site_decodes_to_its_page(browser, served: str, renamed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """All codes use one fixed mask (see QR_MASK): each must still be read by a scanner."""
    files = sorted(p.relative_to(renamed).as_posix() for p in renamed.rglob("qr.svg"))
    assert len(files) >= 30
    grid = "".join(f'<img src="{served}{f}" width="164" height="164" style="margin:24px">' for f in files)
    page = browser.new_page(viewport={"width": 1100, "height": 400})
    page.set_content(f"<body style='margin:24px;background:#fff'>{grid}</body>")
    page.wait_for_load_state("networkidle")
    shots = []
    for i, image in enumerate(page.locator("img").all()):
        shots.append(str(tmp_path / f"code-{i}.png"))
        image.screenshot(path=shots[-1])
    page.close()
    decoded = subprocess.run(["zbarimg", "--raw", "-q", *shots], capture_output=True, text=True)
    assert decoded.stdout.split() == ["https://example.vn/" + f.removesuffix("qr.svg") for f in files]


def test_schools_page_lists_materials_with_short_link_and_qr(renamed: Path) -> None:
    html = (renamed / "vi/nha-truong-va-doi-tac/index.html").read_text(encoding="utf-8")
    code = short_code("materials/bao-ve-tre")
    assert f"https://example.vn/l/{code}/" in html
    assert 'src="../materials/bao-ve-tre-em/qr.svg"' in html


def test_check_rejects_an_alias_claimed_twice_or_in_use(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    materials = root / "content/materials"
    vi = (materials / "bao-ve-tre.vi.md").read_text(encoding="utf-8")
    (materials / "mot.vi.md").write_text(vi.replace("title:", "aliases: [cu]\ntitle:", 1), encoding="utf-8")
    (materials / "hai.vi.md").write_text(vi.replace("title:", "aliases: [cu, bao-ve-tre]\ntitle:", 1), encoding="utf-8")
    result = run_phobien(root, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "content/materials/hai.vi.md:2:15: error: alias 'bao-ve-tre' is the address of "
        "content/materials/bao-ve-tre.vi.md; an alias must be an old address that no page uses now",
        "content/materials/mot.vi.md:2:11: error: alias 'cu' is also claimed by content/materials/hai.vi.md; "
        "keep it on one page",
    ]
