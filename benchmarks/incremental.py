"""``scripts/bench --incremental``: after the cold build, one sentence is added to one material
and the site is built again into the same folder, then built once more with nothing changed.
Both are measured like the cold build (wall, CPU of the whole process tree, peak memory), and
the log of the edited build says how many pages the engine rendered."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from benchmarks.measure import Run, build_phases, run_measured

EDIT = "\nMột câu mới, thêm vào để đo lần dựng sau khi sửa một trang.\n"
RENDERED = re.compile(r"\[(\w+)\] \d+ HTML files \((\d+) rendered, the others unchanged\)")


def edited_material(tree: Path) -> Path:
    """The material that is edited: the first Vietnamese one, in a stable order."""
    return sorted((tree / "content" / "materials").glob("*.vi.md"))[0]


def incremental_runs(tree: Path, cmd: list[str], env: dict[str, str], work: Path, cold: Run) -> dict[str, Any]:
    """Edit one material, build, build again; the figures of both, and their shares of ``cold``."""
    page = edited_material(tree)
    page.write_text(page.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    result: dict[str, Any] = {"edited": page.relative_to(tree).as_posix()}
    for name in ("after_one_edit", "nothing_changed"):
        run = run_measured(cmd, work / f"phobien-{name}.log", env=env, cwd=tree)
        if run.returncode != 0:
            raise RuntimeError(run.log.read_text(encoding="utf-8")[-3000:])
        text = run.log.read_text(encoding="utf-8")
        result[name] = {
            **run.as_json(),
            "share_of_cold_wall": round(run.wall_s / cold.wall_s, 4),
            "share_of_cold_cpu": round(run.cpu_s / cold.cpu_s, 4),
            "rendered_per_language": {lang: int(n) for lang, n in RENDERED.findall(text)},
            "nothing_to_do": "nothing changed since the last build" in text,
            "phases_s": build_phases(run.log),
        }
        print(
            f"phobien build, {name.replace('_', ' ')}: {run.wall_s:.1f} s ({result[name]['share_of_cold_wall']:.1%} "
            f"of the cold build), {run.cpu_s:.1f} CPU-s ({result[name]['share_of_cold_cpu']:.1%})"
        )
    return result
