"""content/synonyms.yml: groups of two or more, the site's languages, no phrase listed twice."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.core.text import fold
from phobien.load.lookup import References
from phobien.load.tree import Content

MAX_PHRASE_WORDS = 6


def check_synonyms(content: Content, refs: References, diags: Diagnostics) -> None:
    table = content.synonyms
    if table is None:
        return
    codes = set(content.site.codes) if "site" not in content.broken else None
    for lang, groups in table.synonyms.items():
        if codes is not None and lang not in codes:
            diags.error(
                content.pos(table, "synonyms", lang, key=True),
                f"'{lang}' is not one of the site's languages ({', '.join(sorted(codes))}); fix or remove it",
            )
        seen: dict[str, int] = {}
        for g, group in enumerate(groups):
            if len(group) < 2:
                diags.error(
                    content.pos(table, "synonyms", lang, g),
                    "a group needs two words or phrases or more, e.g. [công an, cảnh sát]; add one or remove the group",
                )
            for p, phrase in enumerate(group):
                pos = content.pos(table, "synonyms", lang, g, p)
                if len(phrase.split()) > MAX_PHRASE_WORDS:
                    diags.error(pos, f"'{phrase}' is too long for a synonym: at most {MAX_PHRASE_WORDS} words")
                key = " ".join(fold(phrase).lower().split())
                if key in seen:
                    where = "in this group" if seen[key] == g else f"in group {seen[key] + 1} of '{lang}'"
                    diags.error(pos, f"'{phrase}' is already listed {where}; list each phrase once, in one group")
                else:
                    seen[key] = g
