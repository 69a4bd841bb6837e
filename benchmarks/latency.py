"""Time from the last keystroke to results in the search page, in Chromium on a phone profile.

Used by ``scripts/search-latency``. The phone is Lighthouse's mobile profile: a 412 x 823 screen
at 1.75 device pixels, the CPU slowed :data:`CPU_SLOWDOWN` times (CDP
``Emulation.setCPUThrottlingRate``) and, for the served copy, Slow 4G (CDP
``Network.emulateNetworkConditions``: :data:`SLOW_4G`). A query is typed key by key
(``keyboard.type`` with a delay), so search.js runs as it does for a person: prefetching shards
while typing, searching after its pause. The page records, with ``performance.now()``, the
time of the last ``input`` event, the moment search.js marks the first results as in the DOM
(``data-search-shown``: the first three, a phone's screen), the next frame after that,
and the moment all ten are (``data-search-done``: search.js adds the others once typing
has stopped for a moment); a MutationObserver sees the marks, which make no request and
store nothing.
"""

from __future__ import annotations

import gzip
import os
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CPU_SLOWDOWN = 4
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8}
SLOW_4G["uploadThroughput"] = 750 * 1024 / 8
"""Lighthouse's ``mobileSlow4G``: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (bytes/s here).
Lighthouse's own DevTools throttling multiplies the latency by 3.75 (``--latency-ms 562``)."""
PHONE: dict[str, Any] = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/150.0.0.0 Mobile Safari/537.36",
}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
WARM_UP = "pháp luật"
"""Typed first in the pass that measures later queries (not reported)."""
INPUT = "input[name=q]"
WATCH = """(() => {
  const t = window.__latency = { input: 0, shown: {}, done: {}, frame: {} };
  document.addEventListener("input", (e) => { t.input = e.timeStamp; }, true);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const v = r.target.getAttribute(r.attributeName);
      if (v === null) { continue; }
      if (r.attributeName === "data-search-done" && !(v in t.done)) { t.done[v] = now; }
      if (v in t.shown) { continue; }  /* a search.js without data-search-shown shows all at once */
      t.shown[v] = now;
      requestAnimationFrame(() => setTimeout(() => { t.frame[v] = performance.now(); }, 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-search-shown", "data-search-done"] });
})();"""
MATCH = """async (q) => {
  const tools = window.__phobienSearch.tools, times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await tools.search(q, 10);
    times.push(performance.now() - t0);
  }
  const found = await tools.search(q);
  return { times: times, docs: found.docs, missing: found.missing };
}"""
"""Times what search.js does for the results shown (parse, match, the first ten in order), the
files of the query in memory; then gets every page found, in order, for the comparison with Python."""


@dataclass(frozen=True)
class Mode:
    name: str
    page: str
    """The search page's address."""
    index: Path
    """The index files it uses (for their gzipped sizes)."""
    network: dict[str, Any] | None = None


@dataclass
class Sample:
    mode: str
    visit: str
    """``first`` (the first query after the page loaded, with an empty cache) or ``later``."""
    query: str
    run: int
    ms: float
    """Last keystroke → the first results in the DOM."""
    frame_ms: float
    """Last keystroke → the frame after them."""
    all_ms: float
    """Last keystroke → all ten results in the DOM."""
    js_ms: float
    """Parsing and matching the query once its files are in memory (median of three; CPU slowed)."""
    docs: list[int] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Index files fetched from the first keystroke until the page was idle again."""
    early: int = 0
    """Index files fetched before the first keystroke (must be 0)."""


class Gzipped:
    """Gzipped sizes (level 6, as nginx sends them) of the index files of each mode."""

    def __init__(self) -> None:
        self._sizes: dict[Path, int] = {}

    def __call__(self, index: Path, names: Iterable[str]) -> int:
        total = 0
        for name in names:
            path = index / f"{name}.js"
            if path not in self._sizes:
                self._sizes[path] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
            total += self._sizes[path]
        return total


def _index_file(url: str) -> str | None:
    """The stem of an index file (``w1f``, ``manifest``) requested at ``url``, else None."""
    path = url.split("?")[0]
    if "/search/" not in path or not path.endswith(".js"):
        return None
    return path.rsplit("/", 1)[1].removesuffix(".js")


class Phone:
    """One browser context on the phone profile; its pages throttled through CDP."""

    def __init__(self, browser: Any, mode: Mode) -> None:
        self.mode = mode
        self.context = browser.new_context(**PHONE)
        self.context.add_init_script(WATCH)
        self.requests: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.context.new_page()
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        if mode.network:
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", mode.network)
        self.page.goto(mode.page, wait_until="load")
        self.page.wait_for_function("() => !!(window.__phobienSearch && window.__phobienSearch.tools)")
        self.page.wait_for_timeout(500)
        self.page.focus(INPUT)

    def files(self) -> list[str]:
        names = [_index_file(u) for u in self.requests]
        return [n for n in names if n]

    def type(self, query: str, delay: int, settle: int) -> tuple[float, float, float, list[str]]:
        """Type ``query`` into the empty box, one character every ``delay`` ms (``keyboard.type``
        with a delay would not: it waits before a character without a key, between the press and
        the release of one with); ms to the first results, to the next frame, to all results, and
        the index files fetched."""
        page = self.page
        page.evaluate("() => { const t = window.__latency; t.shown = {}; t.done = {}; t.frame = {}; }")
        seen = len(self.requests)
        for i, char in enumerate(query):
            if i:
                page.wait_for_timeout(delay)
            page.keyboard.type(char)
        ready = "q => window.__latency.frame[q] !== undefined && window.__latency.done[q] !== undefined"
        page.wait_for_function(ready, arg=query, timeout=120_000)
        page.wait_for_timeout(settle)
        t = page.evaluate("q => [__latency.input, __latency.shown[q], __latency.frame[q], __latency.done[q]]", query)
        names = [_index_file(u) for u in self.requests[seen:]]
        return t[1] - t[0], t[2] - t[0], t[3] - t[0], [n for n in names if n]

    def match(self, query: str) -> tuple[float, list[int]]:
        found = self.page.evaluate(MATCH, query)
        return statistics.median(found["times"]), found["docs"]

    def clear(self) -> None:
        self.page.fill(INPUT, "")
        self.page.wait_for_timeout(300)

    def close(self) -> None:
        self.context.close()


def run_mode(browser: Any, mode: Mode, queries: list[str], run: int, delay: int, settle: int) -> list[Sample]:
    """Every query as the first of a visit (a new context each), then all as later queries of one visit."""
    out = []
    for query in queries:
        phone = Phone(browser, mode)
        early = len(phone.files())
        ms, frame, whole, files = phone.type(query, delay, settle)
        js, docs = phone.match(query)
        out.append(Sample(mode.name, "first", query, run, ms, frame, whole, js, docs, files, early))
        phone.close()
    phone = Phone(browser, mode)
    early = len(phone.files())
    phone.type(WARM_UP, delay, settle)
    for query in queries:
        phone.clear()
        ms, frame, whole, files = phone.type(query, delay, settle)
        js, docs = phone.match(query)
        out.append(Sample(mode.name, "later", query, run, ms, frame, whole, js, docs, files, early))
    phone.close()
    return out


class Load:
    """CPU used by this process tree and by everything else on the machine over an interval."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.busy0, self.ours0 = _busy(), _ours()

    def summary(self) -> str:
        ticks = os.sysconf("SC_CLK_TCK") * (time.monotonic() - self.start)
        busy, ours = (_busy() - self.busy0) / ticks, (_ours() - self.ours0) / ticks
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        others = busy - ours
        return f"cores busy {busy:.2f} of {os.cpu_count()} (ours {ours:.2f}, others {others:.2f}); load {load}"


def _busy() -> int:
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return sum(values) - values[3] - values[4]  # all but idle and iowait


def _ours() -> int:
    """utime + stime (and those of reaped children) of this process and its descendants."""
    parents: dict[int, int] = {}
    times: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(v) for v in fields[11:15])
    me, total = os.getpid(), 0
    for pid, ticks in times.items():
        p = pid
        while p and p != me:
            p = parents.get(p, 0)
        total += ticks if p == me else 0
    return total


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def table(samples: list[Sample], modes: list[Mode], size: Gzipped, goal: float) -> list[str]:
    """Per query and mode: best, median and worst of the runs, first and later; then per mode."""
    lines = []
    index = {m.name: m.index for m in modes}
    for mode in modes:
        lines.append(f"{mode.name}: ms from the last keystroke to the first results (best / median / worst of runs)")
        lines.append(f"  {'query':34} {'first':>17} {'later':>17} {'JS match':>9} {'pages':>6} {'KB first/later':>15}")
        for query in dict.fromkeys(s.query for s in samples if s.mode == mode.name):
            cells = []
            kb = []
            mine = [s for s in samples if s.mode == mode.name and s.query == query]
            for visit in ("first", "later"):
                ms = [s.ms for s in mine if s.visit == visit]
                cells.append(f"{min(ms):5.0f} {statistics.median(ms):5.0f} {max(ms):5.0f}")
                kb.append(max(size(index[mode.name], s.files) for s in mine if s.visit == visit) / 1024)
            js = statistics.median(s.js_ms for s in mine)
            lines.append(f"  {query[:34]:34} {cells[0]:>17} {cells[1]:>17} {js:7.0f}ms {len(mine[0].docs):6}"
                         f" {kb[0]:6.1f} /{kb[1]:5.1f}")  # fmt: skip
    lines.append("")
    lines.append(f"summary, ms from the last keystroke (all queries x runs; goal {goal:.0f} ms). The first results:")
    lines.append("median, p90, max, 'best-of' (the slowest query's fastest run), within the goal, the next frame;")
    lines.append("all ten results; search.js parsing and matching with the files in memory (CPU slowed)")
    lines.append(f"  {'mode':10} {'visit':6} {'n':>4} {'median':>7} {'p90':>6} {'max':>6} {'best-of':>8} {'<= goal':>8}"
                 f" {'frame p90':>10} {'all ten p50/p90':>16} {'JS p50/p90':>11}")  # fmt: skip
    for mode in modes:
        for visit in ("first", "later"):
            mine = [s for s in samples if s.mode == mode.name and s.visit == visit]
            if not mine:
                continue
            ms = [s.ms for s in mine]
            best = max(min(s.ms for s in mine if s.query == q) for q in {s.query for s in mine})
            within = sum(1 for m in ms if m <= goal)
            frame = percentile([s.frame_ms for s in mine], 0.9)
            whole = [s.all_ms for s in mine]
            js = [s.js_ms for s in mine]
            lines.append(
                f"  {mode.name:10} {visit:6} {len(ms):4} {statistics.median(ms):7.0f} {percentile(ms, 0.9):6.0f}"
                f" {max(ms):6.0f} {best:8.0f} {within:4}/{len(ms):<3} {frame:10.0f}"
                f" {statistics.median(whole):8.0f} /{percentile(whole, 0.9):6.0f}"
                f" {statistics.median(js):5.0f} /{percentile(js, 0.9):4.0f}"
            )
    return lines


SPACES = {
    "manifest": "manifest",
    "h": "titles",
    "w": "words",
    "e": "exact forms",
    "p": "pairs",
    "m": "metadata",
    "t": "texts",
}


def downloads(samples: list[Sample], modes: list[Mode], size: Gzipped) -> list[str]:
    """Mean gzipped KB (and files) of each kind fetched per query typed, by mode and visit."""
    lines = ["index files fetched per query typed key by key (mean gzip KB, files): what searching its prefixes cost"]
    index = {m.name: m.index for m in modes}
    for mode in modes:
        for visit in ("first", "later"):
            mine = [s for s in samples if s.mode == mode.name and s.visit == visit]
            if not mine:
                continue
            cells = []
            for space, label in SPACES.items():
                names = [[f for f in s.files if (f == "manifest") == (space == "manifest") and f[0] == space[0]]
                         for s in mine]  # fmt: skip
                kb = sum(size(index[mode.name], n) for n in names) / 1024 / len(mine)
                cells.append(f"{label} {kb:.1f} ({sum(len(n) for n in names) / len(mine):.0f})")
            total = [size(index[mode.name], s.files) / 1024 for s in mine]
            lines.append(f"  {mode.name:10} {visit:6} {', '.join(cells)}; total mean {statistics.mean(total):.1f},"
                         f" max {max(total):.1f}")  # fmt: skip
    return lines


def whole_files(searcher: Any, query: str, first: bool) -> set[str]:
    """The index files ``query`` needs when it is typed whole (or pasted): the manifest on a first
    query (and the titles files, if the index has them), the shards of its words, exact forms,
    pairs and phrases, the metadata of the ten results of the first page and the texts of the
    two excerpts fetched once typing stops."""
    from phobien.search.query import PAGE_SIZE, VISIBLE, parse

    names = set(searcher.files_for(parse(query, searcher.lang))) | ({"manifest", *searcher.titles} if first else set())
    docs = searcher.search(query)
    chunk = searcher.manifest["chunk"]
    names |= {f"m{d // chunk:x}" for d in docs[:PAGE_SIZE]} | {f"t{d:x}" for d in docs[:VISIBLE]}
    return names


def budget(
    samples: list[Sample], modes: list[Mode], size: Gzipped, searchers: dict[str, Any], limits: tuple[float, float]
) -> list[str]:
    """The byte budget, counted key by key: every index file fetched from the first keystroke of a
    query until the page is idle after its results (what a person typing it costs), by mode and
    visit, against the same query typed whole (:func:`whole_files`; for a later query, less the
    files the visit fetched before it). ``searchers``: the Python reference of each mode."""
    lines = [f"bytes per query, gzip KB; the budget (first query {limits[0]:.0f} KB, later {limits[1]:.0f} KB) is"
             " counted key by key, as a person types; 'whole': the query typed at once (its own files)"]  # fmt: skip
    head = f"{'key by key mean/max':>20} {'within':>8} {'whole mean/max':>15} {'within':>8}"
    lines.append(f"  {'mode':10} {'visit':6} {head}")
    for mode in modes:
        for visit, limit in (("first", limits[0]), ("later", limits[1])):
            mine = [s for s in samples if s.mode == mode.name and s.visit == visit]
            if not mine:
                continue
            keyed, whole, seen, run = [], [], set(), -1
            warm = whole_files(searchers[mode.name], WARM_UP, False)
            for s in mine:  # in the order typed: a later query finds the visit's earlier files in memory
                if s.run != run:
                    seen, run = set(warm), s.run
                keyed.append(size(mode.index, s.files) / 1024)
                own = whole_files(searchers[mode.name], s.query, visit == "first")
                whole.append(size(mode.index, own if visit == "first" else own - seen) / 1024)
                seen = set() if visit == "first" else seen | set(s.files) | own
            n = len(mine)
            lines.append(
                f"  {mode.name:10} {visit:6} {statistics.mean(keyed):12.1f} /{max(keyed):5.1f}"
                f" {sum(k <= limit for k in keyed):4}/{n:<3} {statistics.mean(whole):7.1f} /{max(whole):5.1f}"
                f" {sum(w <= limit for w in whole):4}/{n:<3}"
            )
    return lines


def agreement(samples: list[Sample], reference: Callable[[str], list[int]]) -> list[str]:
    """Queries whose results in the browser (every mode) differ from the Python reference's."""
    wrong = []
    for s in samples:
        expected = reference(s.query)
        if s.docs != expected:
            wrong.append(f"DIFFERENT {s.mode} {s.visit} {s.query!r}: browser {s.docs[:5]}, python {expected[:5]}")
    return list(dict.fromkeys(wrong))
