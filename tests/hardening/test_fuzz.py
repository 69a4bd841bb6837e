"""Hypothesis: mutated front matter and data files give errors at path:line, never a traceback."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

from harness import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

os.environ.setdefault("PHOBIEN_TODAY", "2026-11-22")

MINIMAL = REPO / "tests" / "fixtures" / "minimal"
SNIPPETS = [
    "&a ", "*a", "!!int ", "!!python/object:os.system ", "!include ", "[", "]", "{", "}", ": ", "- ", "? ",
    "---\n", "...\n", "\t", '"', "'", "\\", "#", "%YAML 1.1\n", "\x00", "\x85", "\u202e", "\ufeff", "<<: ",
    "[" * 200, "\n  ", "\n", "|\n", ">-\n", "2026-02-30", "~", "null", "yes", "0o17", "1e400", "<script>",
]  # fmt: skip
LOCATION = re.compile(r"^(content|docs)/\S+:\d+:\d+: error: ")


def _mutate(text: str, edits: list[tuple[int, str]]) -> str:
    for where, snippet in edits:
        i = where % (len(text) + 1)
        text = text[:i] + snippet + text[i:]
    return text


EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(SNIPPETS) | st.text(max_size=6)), max_size=4)
FILES = st.sampled_from(["content/site.yml", "content/hotlines.yml", "content/agencies.yml", "docs/index.vi.md"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=FILES, edits=EDITS)
def test_mutated_files_give_located_errors(tmp_path_factory, file: str, edits: list[tuple[int, str]]) -> None:  # type: ignore[no-untyped-def]
    from phobien.publish.build import check

    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
    path = root / file
    path.write_text(_mutate(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
    stream = io.StringIO()
    _, _diags = check(Path(root), False, stream)  # an exception here is the traceback an editor would see
    for line in stream.getvalue().splitlines():
        if ": error: " in line:
            assert LOCATION.match(line), line
    assert "Traceback" not in stream.getvalue()
