"""The command line: one module per command, exit codes 0 ok, 1 content errors, 2 usage."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, make_project

from phobien.cli import main, parser
from phobien.commands import COMMANDS
from phobien.errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE


def test_every_command_module_registers_one_command() -> None:
    names = set(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names == {
        "check",
        "build",
        "stage",
        "build-language",
        "merge",
        "serve",
        "translations",
        "new",
        "schema",
        "import",
    }
    assert len(COMMANDS) == len(names)


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    assert main(["--root", str(root), "check"]) == EXIT_OK
    assert main(["--root", str(root), "new", "material", "--title", "Tài liệu", "--audience", "nobody"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == "phobien new: unknown audience 'nobody'; valid audiences: parents, children"
    assert main(["--root", str(root), "import", str(tmp_path / "none.docx")]) == EXIT_USAGE
    (tmp_path / "plan.odt").write_text("x", encoding="utf-8")
    assert main(["--root", str(root), "import", str(tmp_path / "plan.odt")]) == EXIT_USAGE
    (root / "content" / "topics.yml").write_text("topics: [\n", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == EXIT_CONTENT
    assert main(["--root", str(root), "translations"]) == EXIT_CONTENT
    with pytest.raises(SystemExit) as usage:
        main(["--root", str(root), "chek"])
    assert usage.value.code == EXIT_USAGE


def test_a_content_error_is_one_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    (root / "content" / "site.yml").unlink()
    assert main(["--root", str(root), "new", "article", "--title", "Tin"]) == EXIT_CONTENT
    assert capsys.readouterr().err.strip() == "phobien new: content/site.yml has errors; run 'phobien check' first"
