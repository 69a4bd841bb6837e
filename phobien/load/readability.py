"""Plain language: long sentences and missing summaries in materials for citizens.

A Vietnamese syllable is written as one word, so syllables are counted as words (for English
this counts words, which is stricter). Khmer is written without spaces and is not counted.
"""

from __future__ import annotations

import re

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.memo import MISSING, holding, key_of
from phobien.load.markup import _masked

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")
_STRIP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]+>|[*_`#>|\[\]]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,/]\d+)*", re.U)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


MEMO = "sentences"
"""The name a memo of :func:`long_sentences` is :func:`~phobien.core.memo.held` under (the
check keeps what it found in each body: :func:`phobien.checks.check_content`)."""


def long_sentences(body: str, limit: int) -> list[tuple[int, int, int, str]]:
    """(line, column, words, start of sentence) for every sentence longer than ``limit`` words."""
    memo = holding(MEMO)
    if memo is None:
        return _long_sentences(body, limit)
    key = key_of(limit, body)
    found = memo.get(key)
    if found is MISSING:
        found = _long_sentences(body, limit)
        memo.put(key, found)
    return list(found)


def _long_sentences(body: str, limit: int) -> list[tuple[int, int, int, str]]:
    found = []
    text = _masked(body)
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("|") or not line.strip():
            continue  # tables are scanned cell by cell by readers, not as sentences
        content = _LIST_MARK.sub("", line)
        offset = len(line) - len(content)
        for m in re.finditer(r"[^.!?…]+[.!?…]*", content):
            sentence = _STRIP.sub(" ", m.group(0))
            words = _WORD.findall(sentence)
            if len(words) > limit:
                col = offset + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())) + 1
                found.append((line_no, col, len(words), " ".join(words[:6])))
    return found


def check_readability(
    rel: str,
    body: str,
    first_line: int,
    summary: str | None,
    script: str,
    limit: int,
    diags: Diagnostics,
    summary_pos: Position,
    lang: str = "vi",
) -> None:
    if not summary:
        diags.warning(
            summary_pos,
            "no summary; add 'summary:' with one or two plain sentences (it is shown in "
            "lists and when the page is shared)",
        )
    if script != "Latn":
        return
    for line, col, count, start in long_sentences(body, limit):
        diags.warning(
            Position(rel, first_line + line - 1, col),
            f"a sentence of {count} {'syllables' if lang == 'vi' else 'words'} (limit {limit}, "
            "max_sentence_syllables in site.yml) is hard to read; "
            f"split it: '{start} …'",
        )
