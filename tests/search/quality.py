"""Runs the relevance table against real builds of the bundled content: the Python reference
(``phobien.search.query``) and ``search.js`` in Debian's Chromium, online (served on 127.0.0.1)
and opened from ``file://``. Used by ``scripts/search-quality`` and ``test_search_quality.py``."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from relevance import Case, Report, load_cases

from phobien.search.query import Searcher, parse_script
from phobien.stage.urls import page_url

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOWN = 10


def build(out: Path, offline: bool, root: Path = REPO) -> Path:
    """Build the project at ``root`` into ``out`` (no PDFs); returns ``out``."""
    args = [sys.executable, "-m", "phobien", "--root", str(root), "build", "--no-print", "--preview", "--out", str(out)]
    result = subprocess.run(args + (["--offline"] if offline else []), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    return out


def python_results(site: Path, cases: list[Case]) -> dict[tuple[str, str], list[str]]:
    """The URLs (relative to the language's root) the Python reference ranks first, per case."""
    searchers: dict[str, Searcher] = {}
    out = {}
    for case in cases:
        if case.lang not in searchers:
            index = site / case.lang / "search"
            searchers[case.lang] = Searcher(lambda n, i=index: parse_script((i / f"{n}.js").read_text("utf-8"))[1])
        out[(case.lang, case.q)] = [url for url, _ in searchers[case.lang].results(case.q, SHOWN)]
    return out


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` on a static server of this machine's loopback only; stopped on exit."""
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import serve_folder

    proc, base = serve_folder(site)
    try:
        yield base
    finally:
        proc.kill()
        proc.wait()


def browser_results(browser: Any, base: str, offline: bool, cases: list[Case]) -> dict[tuple[str, str], list[str]]:
    """The URLs ``search.js`` shows first, per case, typed into the search page of ``base``."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    out = {}
    for case in cases:
        root = f"{base}{case.lang}/"
        page.goto(root + page_url("search.md", not offline) + "?" + urlencode({"q": case.q}))
        page.wait_for_function(
            "q => document.querySelector('[data-search-results]').getAttribute('data-search-done') === q",
            arg=case.q,
            timeout=15_000,
        )
        hrefs = page.eval_on_selector_all("[data-search-results] .pb-result > a", "els => els.map(e => e.href)")
        out[(case.lang, case.q)] = [h.removeprefix(root) for h in hrefs][:SHOWN]
    page.close()
    return out


def run_all(workdir: Path | None = None, browser_too: bool = True) -> dict[str, Any]:
    """Every mode's report and the cases where Python and the browser disagree."""
    cases = load_cases()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        online, offline = build(Path(tmp) / "online", False), build(Path(tmp) / "offline", True)
        results = {"python": python_results(online, cases), "python-file": python_results(offline, cases)}
        if browser_too:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                with served(online) as base:
                    results["chromium"] = browser_results(browser, base, False, cases)
                results["chromium-file"] = browser_results(browser, offline.as_uri() + "/", True, cases)
                browser.close()
    reports = {}
    for name, found in results.items():
        report = Report()
        for case in cases:
            report.add(case, found[(case.lang, case.q)], name.endswith("-file"))
        reports[name] = report
    disagree = []
    for a, b in (("python", "chromium"), ("python-file", "chromium-file")):
        if b not in results:
            continue
        for case in cases:
            x, y = results[a][(case.lang, case.q)], results[b][(case.lang, case.q)]
            # Khmer: Chromium's ICU and icu4py cut words differently, so rankings may differ;
            # they are compared by verdict (answered or not), everything else result by result.
            same = (reports[a].verdicts[id(case)] == reports[b].verdicts[id(case)]) if case.lang == "km" else x == y
            if not same:
                disagree.append((b, case, x[:3], y[:3]))
    return {"reports": reports, "disagree": disagree, "cases": len(cases)}
