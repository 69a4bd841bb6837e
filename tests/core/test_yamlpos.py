from phobien.core.yamlpos import Mark, load, split_front_matter


def test_positions_of_values_and_keys() -> None:
    doc, problems = load("a: 1\nlist:\n  - x: no\n    y: 0243\n")
    assert problems == []
    assert doc is not None
    # Scalars stay text: no YAML 1.1 'no' → False, no octal phone numbers.
    assert doc.data == {"a": "1", "list": [{"x": "no", "y": "0243"}]}
    assert doc.value_mark(("list", 0, "y")) == Mark(4, 8)
    assert doc.key_mark(("list", 0, "y")) == Mark(4, 5)
    assert doc.value_mark(("list", 0, "missing")) == Mark(3, 5)


def test_true_false_null_still_typed() -> None:
    doc, _ = load("a: true\nb: false\nc: null\nd: ~\ne:\n")
    assert doc is not None
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": None}


def test_duplicate_key_reported_at_second_key() -> None:
    _, problems = load("a: 1\nb: 2\na: 3\n")
    assert [(p.mark, p.message) for p in problems] == [
        (Mark(3, 1), "duplicate key 'a' (first defined on line 1); keep one of them")
    ]


def test_syntax_error_has_line_and_hint() -> None:
    doc, problems = load("title: Luật: sửa đổi\n", line_offset=1)
    assert doc is None
    assert problems[0].mark == Mark(2, 12)
    assert "put text containing ': ' in quotes" in problems[0].message


def test_front_matter_split() -> None:
    front, body, line = split_front_matter("---\ntitle: x\n---\n\nbody\n")
    assert front == "title: x\n"
    assert body == "\nbody\n"
    assert line == 4
    assert split_front_matter("# no front matter\n") == (None, "# no front matter\n", 1)


def test_surrogate_escapes_joined_or_refused_at_their_value() -> None:
    # "\ud83d\udcde" (an emoji as JSON writes it) is one character; PyYAML keeps the halves apart.
    located, problems = load('title: "G\\u1ecdi 111 \\ud83d\\udcde"\nname: x\n')
    assert problems == [] and located is not None
    assert located.data == {"title": "Gọi 111 \U0001f4de", "name": "x"}
    located, problems = load('name: x\ntitle: "Quy\\u1ec1n \\ud800 c\\u1ee7a b\\u1ea1n"\n', line_offset=1)
    assert [(p.mark, p.message) for p in problems] == [
        (
            Mark(3, 8),
            "'\\ud800' in this quoted text is half of a character (a lone surrogate), which no page can "
            "show; write the character itself, or both halves of the pair (e.g. \\ud83d\\ude00), or remove it",
        )
    ]
    assert located is not None and located.data["title"] == "Quyền \ufffd của bạn"  # nothing later fails on it
