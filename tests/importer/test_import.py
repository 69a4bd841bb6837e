"""`phobien import`: drafts made from the five seed plans reproduce the curated content/plans/ files.

A curated task counts as reproduced when the draft has a task with the same text (whitespace
normalised) and the same lead agency ids. The curated files fix recognition errors and record each
fix in `corrections`; the importer does not guess those, so they are applied to the draft's text
before comparing (and only those).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, make_project, run_phobien

from phobien.checks import run_checks
from phobien.core.diagnostics import Diagnostics
from phobien.importer import build_draft, read_source, render, validate
from phobien.importer.draft import Draft
from phobien.load import load_content
from phobien.model.agency import Agency
from phobien.model.plan import Plan

SEEDS = REPO.parent / "shared" / "seeds"
CURATED = {
    "000_ec9b3c0c08957261.txt": "binh-dinh-cat-87-qd-ttg",
    "001_3d4f4e1e06aa8264.txt": "ha-noi-126-kh-ubnd-2023",
    "002_a28fb0bbc3ce5f48.txt": "kien-giang-111-kh-cat-cshs-2021",
    "003_d980afa071053340.txt": "bac-giang-tai-hoa-nhap-2022",
    "004_9e78e74ee3239bea.txt": "ha-noi-xam-hai-tinh-duc-tre-em",
}
BAR = 0.9

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def curated(seed: str) -> dict[str, Any]:
    return yaml.safe_load((REPO / "content" / "plans" / f"{CURATED[seed]}.yml").read_text(encoding="utf-8"))


def misses(plan: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    """Ids of the reference's tasks the draft does not reproduce (text and lead agencies)."""
    fixes = [(c["original"], c["corrected"]) for c in reference.get("corrections", [])]

    def corrected(text: str) -> str:
        for original, fixed in fixes:
            text = text.replace(original, fixed)
        return normalise(text)

    drafted: dict[str, list[list[str]]] = {}
    for task in plan["tasks"]:
        drafted.setdefault(corrected(task["text"]), []).append(sorted(a["agency"] for a in task.get("lead", [])))
    out = []
    for task in reference["tasks"]:
        lead = sorted(a["agency"] for a in task.get("lead", []))
        if lead not in drafted.get(normalise(task["text"]), []):
            out.append(task["id"])
    return out


def assert_reproduces(plan: dict[str, Any], seed: str) -> float:
    reference = curated(seed)
    missed = misses(plan, reference)
    rate = 1 - len(missed) / len(reference["tasks"])
    assert rate >= BAR, f"{seed}: {rate:.0%} of the curated tasks; missed {missed}"
    return rate


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    loaded, _ = load_content(REPO)
    return loaded


def draft_of(path: Path, content: Any) -> Draft:
    return build_draft(read_source(path), content.agencies, content.legal)


@needs_seeds
@pytest.mark.parametrize("seed", sorted(CURATED))
def test_seed_drafts_reproduce_the_curated_tasks(seed: str, content) -> None:  # type: ignore[no-untyped-def]
    draft = draft_of(SEEDS / seed, content)
    assert_reproduces(draft.plan, seed)
    assert validate(draft) == []
    assert draft.unparsed == [], draft.unparsed


@needs_seeds
@pytest.mark.parametrize("seed", sorted(CURATED))
def test_seed_drafts_pass_the_reference_checks(seed: str, content) -> None:  # type: ignore[no-untyped-def]
    """Every agency, section and legal document the draft names exists: `phobien check` accepts it."""
    draft = draft_of(SEEDS / seed, content)
    loaded, _ = load_content(REPO)
    plan = Plan.model_validate(yaml.safe_load(render(draft, seed)))
    loaded.plans = {"draft": plan}
    # Bodies agencies.yml lacks are kept under proposed ids; merged as `--agencies-out` writes them.
    assert draft.proposals is not None
    loaded.agencies += [Agency.model_validate(e) for e in draft.proposals.entries.values()]
    diags = Diagnostics(REPO)
    run_checks(loaded, diags)
    assert not diags.errors, [d.format() for d in diags.errors]
    reference = curated(seed)
    assert draft.plan["issuer"] == reference["issuer"]
    assert set(draft.plan.get("legal_basis", [])) <= set(loaded.legal)


@needs_seeds
def test_header_fields(content) -> None:  # type: ignore[no-untyped-def]
    hanoi = draft_of(SEEDS / "001_3d4f4e1e06aa8264.txt", content).plan
    assert (hanoi["number"], str(hanoi["date"]), hanoi["place"]) == ("126/KH-UBND", "2023-04-19", "Hà Nội")
    kg = draft_of(SEEDS / "002_a28fb0bbc3ce5f48.txt", content).plan
    assert kg["number"] == "111/KH-CAT-CSHS"
    assert kg["period"] == {"as_written": "Giai đoạn 2021-2025", "start_year": 2021, "end_year": 2025}
    assert kg["signed_by"] == "Đại tá Đỗ Triệu Phong"
    assert {"1863-qd-ttg", "121-2020-qh14", "459-kh-bca", "02-2019-nq-hdtp"} <= set(kg["legal_basis"])
    bg = draft_of(SEEDS / "003_d980afa071053340.txt", content).plan
    # The number and the day are blank in the text: never guessed.
    assert "number" not in bg and "date" not in bg
    assert bg["date_as_written"] == "ngày tháng 02 năm 2022"
    bd = draft_of(SEEDS / "000_ec9b3c0c08957261.txt", content).plan
    assert bd["issuer"] == "binh-dinh-ubnd" and bd["signed_by"] == "Phạm Anh Tuấn"
    assert "87-qd-ttg" in bd["legal_basis"] and "hien-phap-2013" in bd["legal_basis"]


@needs_seeds
def test_structure_details(content) -> None:  # type: ignore[no-untyped-def]
    bd = {t["id"]: t for t in draft_of(SEEDS / "000_ec9b3c0c08957261.txt", content).plan["tasks"]}
    # "Cơ quan thực hiện" leads; "Đề nghị ..." marks requests; "Thời gian hoàn thành" is the deadline.
    task = bd["II.2.a"]
    assert [(a["agency"], a.get("requested", False)) for a in task["lead"]] == [
        ("binh-dinh-cac-so-nganh", False),
        ("binh-dinh-ubnd-cap-huyen", False),
        ("binh-dinh-vksnd", True),
        ("binh-dinh-tand", True),
    ]
    assert task["request"].startswith("Đề nghị Viện kiểm sát nhân dân tỉnh")
    assert task["deadline"] == {"as_written": "Hằng năm", "kind": "yearly"}
    assert bd["II.2.đ.-2"]["deadline"]["kind"] == "decision"
    assert bd["II.2.g.-3"]["deadline"] == {
        "as_written": "2023-2025",
        "kind": "range",
        "start_year": 2023,
        "end_year": 2025,
    }
    # Lettered points with đ, dash bullets under them, plus-bullet meta lines.
    assert {"II.2.đ.-1", "II.2.đ.-4", "II.2.c.-4", "II.3.đ"} <= set(bd)
    kg = draft_of(SEEDS / "002_a28fb0bbc3ce5f48.txt", content).plan
    # "Phân công": "... hướng dẫn, phối hợp Công an các địa phương thực hiện tiết (3), (5)".
    task = next(t for t in kg["tasks"] if t["id"] == "II.2.a.(5)")
    assert [a["agency"] for a in task["lead"]] == ["kien-giang-phong-canh-sat-hinh-su", "kien-giang-cong-an-cap-huyen"]
    assert len(kg["targets"]) >= 8 and {t["value"] for t in kg["targets"]} >= {15.0, 75.0, 95.0, 100.0}


@needs_seeds
def test_appendix_table(content) -> None:  # type: ignore[no-untyped-def]
    draft = draft_of(SEEDS / "001_3d4f4e1e06aa8264.txt", content)
    tasks = {t["id"]: t for t in draft.plan["tasks"]}
    # Row II is broken over two lines; cells are joined column by column.
    assert tasks["A.II"]["output"].endswith("phục vụ thực hiện việc ghi âm, ghi hình có âm thanh")
    # HTML fragments are gone; "IX" then "I." is read as the first item of IX.
    assert "<" not in tasks["A.IX.1"]["text"] and tasks["A.IX.1"]["deadline"]["kind"] == "range"
    assert "B.VI.1.6" in tasks and "E.-1" in tasks
    # "Các Sở: Tư pháp, ..., Ngoại vụ" names four departments.
    partners = {a["agency"] for a in tasks["B.VI.1.5"]["partners"]}
    assert {"ha-noi-so-tu-phap", "ha-noi-so-tai-chinh", "ha-noi-so-ngoai-vu"} <= partners
    # The body's section II repeats the appendix; those items are left out (and reported), II.5.b is kept.
    assert "II.5.b" in tasks and "II.1.a" not in tasks
    assert any("II.1.a repeats appendix row A.I" in text for _, text in draft.dropped)
    assert [(n.line, n.text) for n in draft.noise][:2] == [(125, "*ly*"), (127, "*ly*")]


def test_unplaced_text_is_reported_and_kept(tmp_path: Path, content) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "plan.txt"
    source.write_text(
        "Số: 12/KH-UBND\nHà Nội, ngày 03/5/2024\nKẾ HOẠCH\nTuyên truyền pháp luật\n\n"
        "I. NHIỆM VỤ\n1. Tuyên truyền Hiến pháp năm 2013 cho học sinh.\n"
        "- Cơ quan chủ trì: Sở Tư pháp; Sở Văn thư Lưu trữ.\n- Thời gian hoàn thành: Năm 2024.\n"
        "Nơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n"
        "Một dòng lạ không thuộc chỗ nào.\n",
        encoding="utf-8",
    )
    draft = draft_of(source, content)
    assert (draft.plan["issuer"], str(draft.plan["date"])) == ("ha-noi-ubnd", "2024-05-03")
    task = draft.plan["tasks"][0]
    # The unknown body is kept as written, under the id proposed for it (nothing written is lost).
    assert task["lead"] == [
        {"agency": "ha-noi-so-tu-phap", "as_written": "Sở Tư pháp"},
        {"agency": "ha-noi-so-van-thu-luu-tru", "as_written": "Sở Văn thư Lưu trữ"},
    ]
    assert task["deadline"] == {"as_written": "Năm 2024", "kind": "year", "end_year": 2024}
    assert [u.name for u in draft.unknown] == ["Sở Văn thư Lưu trữ"]
    assert draft.unparsed == [(15, "Một dòng lạ không thuộc chỗ nào.")]
    text = render(draft, "plan.txt")
    assert "#   - L15: Một dòng lạ không thuộc chỗ nào." in text
    assert "#   - L8: Sở Văn thư Lưu trữ (task I.1, lead)" in text
    assert draft.summary().startswith("1 tasks, 1 unknown agencies, 1 unparsed lines")
    Plan.model_validate(yaml.safe_load(text))


@needs_seeds
def test_command_writes_a_draft_that_phobien_check_accepts(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", bundled=True)
    out = str(root / "content/plans/draft.yml")
    result = run_phobien(root, "import", str(SEEDS / "000_ec9b3c0c08957261.txt"), "--out", out)
    assert result.returncode == 0, result.stderr
    assert "wrote content/plans/draft.yml: 29 tasks, 0 unknown agencies, 0 unparsed lines" in result.stderr
    assert (root / "content/plans/draft.yml").read_text(encoding="utf-8").startswith("# Draft made by `phobien import`")
    check = run_phobien(root, "check")
    assert check.returncode == 0, check.stderr
    # An existing file is not replaced without --force; unsupported files are refused.
    again = run_phobien(root, "import", str(SEEDS / "000_ec9b3c0c08957261.txt"), "--out", out)
    assert again.returncode == 1 and "--force" in again.stderr
    (tmp_path / "plan.odt").write_bytes(b"x")
    odd = run_phobien(root, "import", str(tmp_path / "plan.odt"))
    assert odd.returncode == 2 and "unsupported file type" in odd.stderr
