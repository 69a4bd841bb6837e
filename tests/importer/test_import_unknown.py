"""Nothing written is lost: unknown bodies stay in lead/partners as written, are listed with their
line, and `--agencies-out` proposes agencies.yml entries for them; a merged province is flagged."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from conftest import REPO

from phobien.commands.import_plan import run_import
from phobien.model.agency import AgencyFile
from phobien.model.plan import Plan

PLANS = REPO / "tests" / "importer" / "corpus" / "plans"


def test_unknown_agencies_are_kept_and_proposed(tmp_path: Path) -> None:
    stream = io.StringIO()
    out, agencies = tmp_path / "plan.yml", tmp_path / "agencies.yml"
    code = run_import(PLANS / "quang-ninh-58-kh-ubnd-2026-pbgdpl.txt", REPO, out, stream=stream, agencies_out=agencies)
    assert code == 0, stream.getvalue()
    plan = Plan.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert plan.issuer == "quang-ninh-uy-ban-nhan-dan-tinh-quang-ninh"
    task = next(t for t in plan.tasks if t.id == "II.2.a.-1")
    assert [(a.agency, a.as_written) for a in task.partners] == [
        ("quang-ninh-so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ"),
        ("quang-ninh-van-phong-uy-ban-nhan-dan-tinh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ]
    log = stream.getvalue()
    assert "quang-ninh-58-kh-ubnd-2026-pbgdpl.txt:50: unknown agency 'Sở Khoa học và Công nghệ' (task II.2.a.-1" in log
    assert "proposed agencies to" in log
    entries = {
        a.id: a for a in AgencyFile.model_validate(yaml.safe_load(agencies.read_text(encoding="utf-8"))).agencies
    }
    proposed = entries["quang-ninh-so-khoa-hoc-va-cong-nghe"]
    assert (proposed.name, proposed.level, proposed.kind, proposed.province) == (
        "Sở Khoa học và Công nghệ",
        "province",
        "body",
        "quang-ninh",
    )
    assert entries["quang-ninh-uy-ban-nhan-dan-cac-xa-phuong-dac-khu"].kind == "group"
    assert {a.agency for t in plan.tasks for a in t.lead + t.partners} <= set(entries)


def test_a_plan_of_a_merged_province_names_its_successor(tmp_path: Path) -> None:
    stream = io.StringIO()
    out = tmp_path / "plan.yml"
    run_import(PLANS / "quang-nam-15-kh-ubnd-2024-pbgdpl.txt", REPO, out, stream=stream)
    note = (
        "the plan was issued in Quảng Nam (the plan is dated 2024-01-18), a province that existed until 2025-06-30; "
        "it is now part of Đà Nẵng ('da-nang' in content/provinces.yml): check which body took over"
    )
    assert f"note: {note}" in stream.getvalue()
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["note"].startswith(note)
