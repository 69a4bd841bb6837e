"""The relevance table (``relevance.yml``, see README.md) and how a ranked list of results is
scored against it: shared by ``scripts/search-quality`` and the tests."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from phobien.stage.urls import page_url

HERE = Path(__file__).resolve().parent
TABLE = HERE / "relevance.yml"
FOLDERS = {"material": "materials", "article": "news", "plan": "plans", "agency": "agencies", "legal": "legal"}
FIXED = {"hotlines": "hotlines.md", "deadlines": "plans/deadlines.md", "schools": "schools.md", "search": "search.md"}


@dataclass
class Case:
    q: str
    lang: str
    top3: list[str]
    tags: list[str]
    first: str | None = None
    expect_none: bool = False

    @property
    def scored(self) -> bool:
        return bool(self.top3) or self.expect_none


def load_cases(path: Path = TABLE) -> list[Case]:
    raw: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for item in raw:
        if item.get("pending"):
            continue
        top3, tags = list(item.get("top3") or []), list(item.get("tags") or [])
        cases.append(Case(item["q"], item["lang"], top3, tags, item.get("first"), bool(item.get("expect_none"))))
    return cases


def staged_path(name: str) -> str:
    """The staged Markdown path of a page named as in the table (``material:x`` …)."""
    if name in FIXED:
        return FIXED[name]
    kind, _, slug = name.partition(":")
    if kind in FOLDERS:
        return f"{FOLDERS[kind]}/{slug}.md"
    return f"{slug}.md"  # page:, audience:


def target_url(name: str, offline: bool) -> str:
    """The URL of that page relative to its language's root, as the search index lists it."""
    return page_url(staged_path(name), not offline)


def answered(case: Case, urls: list[str], offline: bool) -> bool:
    """Whether ranked result URLs (relative to the language's root) answer the case."""
    if case.expect_none:
        return not urls
    if not case.top3:
        return True
    seen = list(dict.fromkeys(urls))
    if case.first and (not seen or seen[0] != target_url(case.first, offline)):
        return False
    return any(target_url(t, offline) in seen[:3] for t in case.top3)


@dataclass
class Report:
    total: int = 0
    ok: int = 0
    by: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    failures: list[tuple[Case, list[str]]] = field(default_factory=list)
    verdicts: dict[int, bool] = field(default_factory=dict)
    """Whether each case (by ``id``) was answered."""

    def add(self, case: Case, urls: list[str], offline: bool) -> bool:
        good = answered(case, urls, offline)
        self.verdicts[id(case)] = good
        self.total += 1
        self.ok += good
        for key in [f"lang:{case.lang}", *case.tags]:
            self.by[key][0] += good
            self.by[key][1] += 1
        if not good:
            self.failures.append((case, urls[:3]))
        return good

    @property
    def share(self) -> float:
        return self.ok / self.total if self.total else 0.0

    def lines(self, name: str) -> list[str]:
        out = [f"{name}: {self.ok}/{self.total} answered ({100 * self.share:.1f} %)"]
        out += [f"  {k}: {a}/{n}" for k, (a, n) in sorted(self.by.items())]
        for case, top in self.failures:
            out.append(f"  NOT ANSWERED [{case.lang}] {case.q!r}: want {case.first or case.top3}; got {top}")
        return out
