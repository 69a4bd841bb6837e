"""Open data's JSON is written by its own recursion: the text must be json.dumps's, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from phobien.publish.opendata import _dumps


class Name(str):
    """A subclass of str: left to json.dumps, which writes it as a string."""


VALUES = [
    {},
    [],
    {"a": [], "b": {}, "c": [{}], "d": [[[]]]},
    {"text": 'Điều 5 "trích" \\ \n\t\u2028 \x00 ✓ 😀', "n": 0, "neg": -12, "big": 10**30},
    {"f": [0.1, 1.0, -0.0, 1e-7, 1e22, 3.141592653589793], "b": [True, False, None]},
    {"nested": {"deep": [{"x": [1, {"y": ["z"]}]}]}, "tuple": (1, "2", (3,))},
    {"nan": float("nan")},
    {"inf": [float("inf"), float("-inf")]},
    {1: "int key", "s": "x"},
    {True: "bool key", None: "none key", 2.5: "float key"},
    {"sub": Name("tên")},
    [1, 2, 3],
    "a string alone",
    7,
    None,
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_same_text_as_json_dumps(value: object) -> None:
    assert _dumps(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_the_bundled_sites_open_data_reads_back_to_the_same_text(bundled_site: Path) -> None:
    for name in ("plans.json", "agencies.json", "legal.json", "hotlines.json", "progress.json"):
        text = (bundled_site / "data" / name).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n", name
