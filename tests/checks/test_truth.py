"""Issue 17, what is true on every page: one file per fault in tests/fixtures/truth, its
'phobien check' output asserted line by line; closed bodies and what changed since a plan was
written, as a reader sees them; every legal paragraph of the bundled materials has its source."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from conftest import FIXTURES, REPO, make_project, run_phobien


def test_truth_tree_reports_every_fault_of_every_file_at_once(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "closed", FIXTURES / "truth")
    result = run_phobien(root, "check")
    expected = (FIXTURES / "truth.expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == expected
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The translation of the file that does not parse raises no follow-on error.
    assert not [line for line in expected if line.startswith("content/materials/thut-le.en.md")]


def _main_text(path: Path) -> str:
    main = lxml.html.parse(str(path)).getroot().xpath("//*[@data-phobien-main]")[0]
    return re.sub(r"\s+", " ", main.text_content())


def test_closed_bodies_say_so_with_date_and_successor_everywhere(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal", FIXTURES / "closed")
    result = run_phobien(root, "build", "--no-print")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    plan = _main_text(site / "vi/plans/ke-hoach-2023/index.html")
    assert "Những điều đã thay đổi từ khi có kế hoạch này" in plan
    assert "Thời gian thực hiện kế hoạch đã hết (năm cuối: 2025)." in plan
    assert "01/03/2025: Hà Nội sắp xếp lại các sở từ ngày 1/3/2025." in plan
    assert "01/07/2025: Chính quyền cấp huyện kết thúc hoạt động từ ngày 1/7/2025." in plan
    assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 51 khoản 3 (Quốc hội, 16/06/2025)" in plan
    closed = (
        "Sở Lao động - Thương binh và Xã hội thành phố Hà Nội (không còn hoạt động, đến ngày 28/02/2025; nay: Sở Nội vụ"
    )
    assert closed in plan  # in the box, in the task and in the list by lead agency
    assert plan.count(closed) == 3
    assert "(không còn hoạt động, đến ngày 30/06/2025; nay: chưa xác định được)" in plan
    assert "Văn bản thử, ghi chú của người biên tập." in plan  # the plan's note
    html = (site / "vi/plans/ke-hoach-2023/index.html").read_text(encoding="utf-8")
    assert '<a href="../../agencies/ha-noi-so-noi-vu/">Sở Nội vụ thành phố Hà Nội</a>)' in html
    agency = _main_text(site / "vi/agencies/ha-noi-so-lao-dong-thuong-binh-va-xa-hoi/index.html")
    assert "Tình trạngkhông còn hoạt động, đến ngày 28/02/2025 Cơ quan kế nhiệmSở Nội vụ thành phố Hà Nội" in agency
    assert "Cơ quan này không còn hoạt động (đến ngày 28/02/2025)." in agency
    assert "Hà Nội giảm 6 sở, còn 15 sở sau khi sắp xếp, sáp nhập (Báo Người Lao Động, 25/02/2025)" in agency
    listing = _main_text(site / "vi/agencies/index.html")
    district = "Ủy ban nhân dân các quận, huyện, thị xã thành phố Hà Nội"
    assert f"{district} (không còn hoạt động, đến ngày 30/06/2025" in listing
    assert "Ủy ban nhân dân thành phố Hà Nội (không" not in listing  # a body that exists says nothing
    english = _main_text(site / "en/plans/ke-hoach-2023/index.html")
    assert "Since this plan was written" in english and "(no longer exists, until 28/02/2025; now:" in english


LEGAL = re.compile(r"\b(?:[ĐđD]iều|[Kk]hoản|Article|art\.)\s*\d+|\b\d+/\d{4}/[A-ZĐ]")
"""A provision or a document cited by its number (written apart from phobien.checks.citations)."""
MARKER = re.compile(r"\[\^[a-z0-9-]+\]")


def test_every_legal_paragraph_of_the_bundled_materials_has_its_source() -> None:
    missing = []
    for path in sorted((REPO / "content/materials").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
        body = re.sub(r"^```.*?^```", "", body, flags=re.M | re.S)
        for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n(?=\|)", body):
            if block.lstrip().startswith("#"):
                continue
            if LEGAL.search(block) and not MARKER.search(block):
                missing.append(f"{path.name}: {block.strip()[:80]}")
    assert not missing, "\n".join(missing)
    assert len(list((REPO / "content/materials").glob("*.md"))) > 40  # the test reads the real materials
