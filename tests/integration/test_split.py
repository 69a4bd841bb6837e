"""A build split into jobs (``phobien stage``, ``build-language``, ``merge``) that share only
artifacts makes the same site, byte for byte, as ``phobien build`` on one machine.

The jobs are the steps of the repository's workflow (.github/workflows/build.yml), run here by
a small runner: each job in its own clean copy of the project at its own path, its ``run:``
commands as separate processes, artifacts copied between jobs as the upload and download
actions do, and no cache restored."""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, REPO, make_project, run_phobien
from test_build import tree_digest

WORKFLOW = REPO / ".github" / "workflows" / "build.yml"
ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/upload-artifact",
    "actions/download-artifact",
    "actions/cache",
}
SETUP = ("python -m pip install ", "sudo apt-get ")
"""Steps that install phobien and the system libraries: the test's environment has them."""
TREES = (FIXTURES / "minimal", FIXTURES / "three-languages")


class Runner:
    """Runs jobs of the workflow as a CI service would, on this machine."""

    def __init__(self, tmp: Path, trees: tuple[Path, ...] = TREES) -> None:
        self.tmp, self.trees = tmp, trees
        self.artifacts = tmp / "artifacts"
        self.bin = tmp / "bin"
        self.bin.mkdir(parents=True)
        for name, command in (("phobien", f'"{sys.executable}" -m phobien'), ("python", f'"{sys.executable}"')):
            (self.bin / name).write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
            (self.bin / name).chmod(0o755)
        self.copies: dict[str, Path] = {}
        self.commands: list[str] = []

    def run_job(self, name: str, job: dict[str, Any], matrix: dict[str, str] | None = None) -> dict[str, str]:
        """Run ``job`` in a new clean copy; the outputs its steps wrote to $GITHUB_OUTPUT."""
        matrix = matrix or {}
        label = "-".join([name, *matrix.values()])
        copy = make_project(self.tmp / f"runner-{len(self.copies)}" / label / "checkout", *self.trees)
        self.copies[label] = copy
        outputs: dict[str, str] = {}
        for step in job["steps"]:
            given = {k: _expand(str(v), matrix) for k, v in (step.get("with") or {}).items()}
            if "uses" in step:
                action = step["uses"].partition("@")[0]
                assert action in ACTIONS, f"the workflow may use only {sorted(ACTIONS)}: {step['uses']}"
                self._action(action, given, copy)
            elif not step["run"].startswith(SETUP):
                outputs |= self._run(_expand(step["run"], matrix), copy)
        return outputs

    def _action(self, action: str, given: dict[str, str], copy: Path) -> None:
        if action == "actions/upload-artifact":
            assert given["name"] not in {p.name for p in self.artifacts.glob("*")}, "artifact names are unique"
            assert given.get("include-hidden-files") == "True", "every file is passed on, as copied here"
            shutil.copytree(copy / given["path"], self.artifacts / given["name"])
        elif action == "actions/download-artifact":
            names = [given["name"]] if "name" in given else fnmatch.filter(os.listdir(self.artifacts), given["pattern"])
            assert names, given
            assert "name" in given or given.get("merge-multiple") == "True", given
            for n in names:
                shutil.copytree(self.artifacts / n, copy / given["path"], dirs_exist_ok=True)
        elif action == "actions/setup-python":
            assert given["python-version"] == "3.11", given  # the Python the project supports and tests
            assert given.get("cache") != "pip" or given.get("cache-dependency-path") == "pyproject.toml", given
        elif action == "actions/cache":
            assert given["path"].startswith(".phobien-cache/"), given  # the caches that exist: qr, languages, print
            assert not (copy / given["path"]).exists()  # a clean copy: nothing to restore

    def _run(self, command: str, copy: Path) -> dict[str, str]:
        self.commands.append(command)
        out = copy.parent / "github-output"
        out.write_text("", encoding="utf-8")
        env = {**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(out)}
        shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command]  # GitHub's `run:` shell
        result = subprocess.run(shell, cwd=copy, env=env, capture_output=True, text=True)
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
        return dict(line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines() if line)


def _expand(text: str, matrix: dict[str, str]) -> str:
    for key, value in matrix.items():
        text = text.replace(f"${{{{ matrix.{key} }}}}", value)
    return text


def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _draft_tree(folder: Path) -> Path:
    """A tree with a draft material: drafts are left out of every job of a build."""
    page = folder / "content" / "materials" / "nhap.vi.md"
    page.parent.mkdir(parents=True)
    text = (FIXTURES / "minimal/content/materials/bao-ve-tre.vi.md").read_text(encoding="utf-8")
    page.write_text(text.replace("title: Bảo vệ trẻ em", "title: Bản nháp\ndraft: true"), encoding="utf-8")
    return folder


def test_workflow_jobs_in_clean_copies_make_the_site_of_one_machine(tmp_path: Path) -> None:
    jobs = workflow()["jobs"]
    assert list(jobs) == ["stage", "language", "merge"]
    assert jobs["language"]["needs"] == "stage" and jobs["merge"]["needs"] == "language"
    matrix = jobs["language"]["strategy"]["matrix"]
    assert matrix == {"language": "${{ fromJSON(needs.stage.outputs.languages) }}"}
    assert jobs["stage"]["outputs"] == {"languages": "${{ steps.languages.outputs.languages }}"}

    caches = {
        name: [
            (s["with"]["path"], s["with"]["key"]) for s in job["steps"] if s.get("uses", "").startswith("actions/cache")
        ]
        for name, job in jobs.items()
    }
    assert caches == {
        "stage": [],
        "language": [
            (".phobien-cache/qr", "qr-${{ matrix.language }}-${{ github.sha }}"),
            (".phobien-cache/languages", "languages-${{ matrix.language }}-${{ github.sha }}"),
        ],
        "merge": [(".phobien-cache/print", "print-${{ github.sha }}")],
    }

    trees = (*TREES, _draft_tree(tmp_path / "draft"))
    runner = Runner(tmp_path / "ci", trees)
    languages = json.loads(runner.run_job("stage", jobs["stage"])["languages"])
    assert languages == ["vi", "en", "km"]
    for lang in languages:
        runner.run_job("language", jobs["language"], {"language": lang})
    runner.run_job("merge", jobs["merge"])
    assert [c.split(" --")[0] for c in runner.commands if c.startswith("phobien")] == [
        "phobien stage",
        *["phobien build-language"] * 3,
        "phobien merge",
    ]

    one = make_project(tmp_path / "one" / "project", *trees)
    built = run_phobien(one, "build")
    assert built.returncode == 0, built.stderr
    expected, merged = tree_digest(one / "site"), tree_digest(runner.copies["merge"] / "site")
    assert len(expected) > 300 and any(f.endswith(".pdf") for f in expected) and "sitemap.xml" in expected
    assert not any("nhap" in f for f in expected), "a draft is not published"
    assert sorted(merged) == sorted(expected)
    assert [f for f in expected if merged[f] != expected[f]] == []

    # The artifacts are plain files that name no folder of the machine that made them.
    for path in runner.artifacts.rglob("*"):
        if path.is_file():
            assert str(tmp_path).encode() not in path.read_bytes(), path
    assert not list(runner.artifacts.rglob("*.pickle")) and not list(runner.artifacts.rglob("*.pkl"))


def _phobien(
    root: Path, *args: str, env: dict[str, str] | None = None, publish: bool = False
) -> subprocess.CompletedProcess[str]:
    """The command line run in ``root`` (relative paths, as in a CI job). The fixtures' base_url
    is an example address: builds and stages are previews unless ``publish``."""
    if args[0] in ("build", "stage") and not publish:
        args = (args[0], "--preview", *args[1:])
    return subprocess.run(
        [sys.executable, "-m", "phobien", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


STAGED_AT = {"SOURCE_DATE_EPOCH": "1768435200"}  # 2026-01-15 00:00 UTC
LATER = {"SOURCE_DATE_EPOCH": "1780000000"}  # 2026-05-28: language jobs that ran on another day


def test_offline_split_build_without_print_is_the_same_site(tmp_path: Path) -> None:
    staging = make_project(tmp_path / "a" / "p", *TREES)
    result = _phobien(staging, "stage", "--offline", "--no-print", "--out", "staged", env=STAGED_AT)
    assert result.returncode == 0, result.stderr
    outputs = []
    for i, langs in enumerate((["km"], ["vi", "en"])):
        job = make_project(tmp_path / f"job{i}" / "deeper" / "p", *TREES)
        shutil.copytree(staging / "staged", job / "staged")
        args = ["--staged", "staged", *(f"--language={x}" for x in langs), "--out", "o"]
        result = _phobien(job, "build-language", *args, env=LATER)
        assert result.returncode == 0, result.stderr
        outputs.append(job / "o")
    merging = make_project(tmp_path / "m" / "p", *TREES)
    shutil.copytree(staging / "staged", merging / "s")
    for o in outputs:
        shutil.copytree(o, merging / "langs", dirs_exist_ok=True)
    merged = _phobien(merging, "merge", "--staged", "s", "--languages", "langs", "--out", "out", env=LATER)
    assert merged.returncode == 0, merged.stderr
    one = make_project(tmp_path / "one" / "p", *TREES)
    assert _phobien(one, "build", "--offline", "--no-print", env=STAGED_AT).returncode == 0
    expected = tree_digest(one / "site")
    assert any(f.endswith(".qr.svg") for f in expected) and not any(f.endswith(".pdf") for f in expected)
    assert tree_digest(merging / "out") == expected
    # The engine dated the languages' pages when the stage ran, not when their jobs ran.
    assert "<lastmod>2026-01-15</lastmod>" in (merging / "out/km/sitemap.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project (the minimal tree) with its staged artifact in staged/."""
    root = make_project(tmp_path_factory.mktemp("staged") / "p", FIXTURES / "minimal")
    result = _phobien(root, "stage", "--no-print", "--out", "staged")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith("phobien stage: ")
    return root


def _clean_copy(tmp_path: Path, staged: Path) -> Path:
    copy = make_project(tmp_path / "copy" / "p", FIXTURES / "minimal")
    shutil.copytree(staged / "staged", copy / "staged")
    return copy


def test_language_job_refuses_an_artifact_of_other_content(tmp_path: Path, staged: Path) -> None:
    copy = _clean_copy(tmp_path, staged)
    page = copy / "content/materials/bao-ve-tre.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    result = _phobien(copy, "build-language", "--staged", "staged", "--language", "vi", "--out", "o")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("staged/phobien-stage.json:1:1: error: staged from other content (content/, docs/, ")
    assert line.endswith(
        "in .); check out the same commit in every job, or make it again with "
        "'phobien stage --out FOLDER' and pass that folder"
    )
    assert not (copy / "o").exists()
    merged = _phobien(copy, "merge", "--staged", "staged", "--languages", "o")
    assert merged.returncode == 2
    assert merged.stderr.splitlines() == [line]
    assert not (copy / "site").exists()


def test_language_job_refuses_an_artifact_of_other_code(tmp_path: Path, staged: Path) -> None:
    code = tmp_path / "other-code"
    shutil.copytree(REPO / "phobien", code / "phobien", ignore=shutil.ignore_patterns("__pycache__"))
    init = code / "phobien" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "\n# another version\n", encoding="utf-8")
    copy = make_project(tmp_path / "copy" / "p", FIXTURES / "minimal")
    other = {"PYTHONPATH": str(code)}
    assert _phobien(copy, "stage", "--no-print", "--out", "staged", env=other).returncode == 0
    result = _phobien(copy, "build-language", "--staged", "staged", "--language", "vi", "--out", "o")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("staged/phobien-stage.json:1:1: error: staged by another version of phobien (code ")
    assert "install the same version in every job, or make it again with 'phobien stage" in line


def test_merge_refuses_missing_or_foreign_language_outputs(tmp_path: Path, staged: Path) -> None:
    copy = _clean_copy(tmp_path, staged)
    assert _phobien(copy, "build-language", "--staged", "staged", "--language", "vi", "--out", "o").returncode == 0
    missing = _phobien(copy, "merge", "--staged", "staged", "--languages", "o", "--out", "site")
    assert missing.returncode == 2
    assert missing.stderr.splitlines() == [
        "o/phobien-en.json:1:1: error: there is no such file; no output of language 'en'; run "
        "'phobien build-language --language en' with this staged artifact and pass its --out folder"
    ]
    # An artifact staged again (here with other options) is another build: its languages do not mix.
    assert _phobien(copy, "stage", "--offline", "--no-print", "--out", "staged2").returncode == 0
    assert _phobien(copy, "build-language", "--staged", "staged", "--language", "en", "--out", "o").returncode == 0
    foreign = _phobien(copy, "merge", "--staged", "staged2", "--languages", "o", "--out", "site")
    assert foreign.returncode == 2
    [line] = foreign.stderr.splitlines()
    assert line.startswith("o/phobien-vi.json:1:1: error: built from another staged artifact (stage ")
    assert not (copy / "site").exists()


def test_usage_errors_of_the_split_commands(tmp_path: Path, staged: Path) -> None:
    copy = _clean_copy(tmp_path, staged)
    unknown = _phobien(copy, "build-language", "--staged", "staged", "--language", "fr", "--out", "o")
    assert (unknown.returncode, unknown.stderr.splitlines()) == (
        2,
        ["staged/phobien-stage.json:1:1: error: the artifact has no language 'fr'; use one of: vi, en"],
    )
    none = _phobien(copy, "build-language", "--staged", "docs", "--language", "vi", "--out", "o")
    assert none.returncode == 2
    assert none.stderr.startswith("docs/phobien-stage.json:1:1: error: there is no such file; the folder is not a")
    inside = _phobien(copy, "stage", "--out", "docs/staged")
    assert (inside.returncode, inside.stderr.splitlines()) == (
        2,
        [
            "docs/staged:1:1: error: is part of what the site is made from; "
            "choose a folder outside content/, docs/, overrides/"
        ],
    )
    taken = _phobien(copy, "stage", "--out", "content")
    assert (taken.returncode, taken.stderr.splitlines()) == (
        2,
        ["content:1:1: error: exists and is not a staged artifact; choose another --out or remove the folder"],
    )


def test_jobs_refuse_incomplete_or_changed_artifacts(tmp_path: Path, staged: Path) -> None:
    copy = _clean_copy(tmp_path, staged)
    (copy / "staged/stage/en/index.md").unlink()
    result = _phobien(copy, "build-language", "--staged", "staged", "--language", "en", "--out", "o")
    assert (result.returncode, result.stderr.splitlines()) == (
        2,
        [
            "staged/stage/en:1:1: error: the staged files of 'en' are not those that 'phobien stage' wrote "
            "(missing or changed); pass the whole staged folder, or stage again"
        ],
    )
    shutil.rmtree(copy / "staged")
    shutil.copytree(staged / "staged", copy / "staged")
    args = ("--staged", "staged", "--language", "vi", "--language", "en", "--out", "o")
    assert _phobien(copy, "build-language", *args).returncode == 0
    page = copy / "o/vi/index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    merged = _phobien(copy, "merge", "--staged", "staged", "--languages", "o")
    assert merged.returncode == 2
    assert merged.stderr.startswith("o/vi:1:1: error: the files of language 'vi' are not those its job wrote")
    assert not (copy / "site").exists()


def test_a_language_the_engine_cannot_render_fails_in_one_line(tmp_path: Path) -> None:
    broken = "{% extends 'base.html' %}{% block content %}{{ broken( }}{% endblock %}"
    copies = []
    for name in ("stage", "job"):
        copy = make_project(tmp_path / name / "p", FIXTURES / "minimal")
        (copy / "overrides/main.html").write_text(broken, encoding="utf-8")  # the same tree in both
        copies.append(copy)
    assert _phobien(copies[0], "stage", "--no-print", "--out", "staged").returncode == 0
    shutil.copytree(copies[0] / "staged", copies[1] / "staged")
    result = _phobien(copies[1], "build-language", "--staged", "staged", "--language", "vi", "--out", "o")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "template error" in result.stderr
    assert result.stderr.splitlines()[-1] == "phobien build-language: failed: 1 language(s) failed."
    assert list((copies[1] / "o").iterdir()) == []
    (copies[1] / "blocker").write_text("a file, not a folder", encoding="utf-8")
    blocked = _phobien(copies[1], "build-language", "--staged", "staged", "--language", "vi", "--out", "blocker")
    assert blocked.returncode == 1
    assert blocked.stderr.splitlines() == [
        f"phobien build-language: failed: cannot write '{copies[1] / 'blocker' / 'phobien-vi.json'}': Not a directory."
    ]


def test_stage_refuses_an_example_base_url_unless_preview(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    result = _phobien(root, "stage", "--no-print", "--out", "staged", publish=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(
        "content/site.yml:5:11: error: base_url 'https://example.vn/' is an example address"
    )
    assert result.stderr.splitlines()[-1] == "phobien stage: stopped: 1 error, 0 warnings. Nothing was staged."
    assert not (root / "staged").exists()


def test_stage_stops_on_content_errors_and_writes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content/site.yml").write_text("name: [\n", encoding="utf-8")
    result = _phobien(root, "stage", "--out", "staged")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("content/site.yml:2:1: error: YAML syntax error")
    assert result.stderr.splitlines()[-1] == "phobien stage: stopped: 1 error, 0 warnings. Nothing was staged."
    assert not (root / "staged").exists()
