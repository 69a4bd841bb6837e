"""Measurements: wall time and peak memory of a process tree, output size, first view, search.

Peak memory is measured two ways, both over the whole process tree of a build:

- ``peak_rss_mb``: the largest sum of PSS (proportional set size: a page shared by the worker
  processes after fork counts once in total) of the process and all its descendants, sampled
  every 0.2 s from /proc; a spike shorter than that can be missed;
- ``peak_rss_single_mb``: ``ru_maxrss`` that ``wait4`` reports for the child when it exits, which
  is the peak RSS of the *largest single process* of the tree (the kernel keeps a maximum, not a
  sum), never missed.
"""

from __future__ import annotations

import gzip
import os
import shlex
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.weight import first_view

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

SEARCH_QUERIES = {
    "vi": ["tra tấn", "xam hai tre em", "trợ giúp pháp lý", "quyền của người bị tạm giữ", "Hà Nội"],
    "en": ["legal aid", "torture", "children"],
    "hmn": ["txoj cai", "menyuam yaus"],
    "km": ["ទារុណកម្ម", "កុមារ"],
}
"""The first query of a visit, per language: common words, unaccented typing, a phrase, a name."""


@dataclass
class Run:
    """One measured command."""

    wall_s: float
    cpu_s: float
    """User + system CPU seconds of the command and every process it waited for."""
    returncode: int
    peak_single_kb: int
    peak_tree_kb: int
    log: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "wall_s": round(self.wall_s, 2),
            "cpu_s": round(self.cpu_s, 2),
            "returncode": self.returncode,
            "peak_rss_mb": round(self.peak_tree_kb / 1024, 1),
            "peak_rss_single_mb": round(self.peak_single_kb / 1024, 1),
        }


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        ppid = int(data[data.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def _pss_kb(pid: int) -> int:
    """PSS of one process (RSS when smaps_rollup cannot be read); 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
        return int(data[data.rfind(b")") + 2 :].split()[21]) * _PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def tree_memory_kb(root: int) -> int:
    """PSS of ``root`` and all its descendants now, in KiB."""
    return sum(_pss_kb(pid) for pid in _descendants(root))


def plain_mkdocs_command(python: str, configs: list[Path], parallel: int) -> list[str]:
    """The baseline: one ``mkdocs build`` per language, ``parallel`` of them at a time, as phobien
    renders ``parallel`` languages at a time. A fair comparison gives both the same cores."""
    quoted = " ".join(shlex.quote(str(c)) for c in configs)
    build = f"{shlex.quote(python)} -m mkdocs build -q -f {{}}"
    return ["bash", "-ec", f"printf '%s\\n' {quoted} | xargs -P {max(1, parallel)} -I{{}} {build}"]


def run_measured(cmd: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd`` (output to ``log``); wall time, peak PSS of its tree, peak RSS of its largest process."""
    peak = 0
    stop = threading.Event()
    with log.open("w", encoding="utf-8") as out:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_memory_kb(proc.pid))
                stop.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        stop.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, proc.returncode, usage.ru_maxrss, max(peak, 0), log)


@dataclass
class Output:
    """What a build wrote."""

    bytes: int = 0
    html_pages: int = 0
    redirects: int = 0
    pdfs: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def bytes_per_page(self) -> float:
        return self.bytes / max(1, self.html_pages)


def output_size(out: Path) -> Output:
    """Bytes of every file except PDFs; HTML pages are the ``*.html`` files outside ``l/``
    (short-link redirects), which are counted apart."""
    result = Output()
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".pdf":
            result.pdfs += 1
            continue
        size = path.stat().st_size
        result.bytes += size
        kind = "html" if path.suffix == ".html" else "search" if "/search/" in f"/{rel}" else path.suffix.lstrip(".")
        if "/assets/" in f"/{rel}":
            kind = "assets"
        if rel.startswith("l/"):
            kind = "short links"
            result.redirects += path.suffix == ".html"
        elif path.suffix == ".html":
            result.html_pages += 1
        result.by_kind[kind] = result.by_kind.get(kind, 0) + size
    return result


def templates(manifest: Any) -> dict[str, str]:
    """One page of each template, relative to a language folder."""
    pick = {
        "home": "",
        "audience": f"{manifest.audiences[0]}/",
        "material": f"materials/{manifest.materials[0]}/",
        "list": "materials/",
        "plan": f"plans/{manifest.plans[0]}/",
        "deadlines": "plans/deadlines/",
        "agency": f"agencies/{manifest.agencies[0]}/",
        "legal": f"legal/{manifest.legal[0]}/",
        "hotlines": "hotlines/",
        "news": "news/",
        "article": f"news/{manifest.articles[0]}/",
        "search": "search/",
        "404": "404.html",
    }
    return pick


def first_views(out: Path, languages: list[str], manifest: Any) -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    """Compressed first-view bytes of each template in each language (benchmarks.weight.first_view),
    with the largest HTML page of each language as one more template; and which page that was."""
    result: dict[str, dict[str, int]] = {}
    heaviest_pages: dict[str, str] = {}
    for lang in languages:
        pages = dict(templates(manifest))
        heaviest = max((out / lang).rglob("index.html"), key=lambda p: p.stat().st_size, default=None)
        if heaviest is not None:
            pages["heaviest page"] = heaviest.parent.relative_to(out / lang).as_posix() + "/"
            heaviest_pages[lang] = pages["heaviest page"]
        for name, page in pages.items():
            target = out / lang / page
            if target.is_file() or (target / "index.html").is_file():
                result.setdefault(name, {})[lang] = sum(first_view(out, f"{lang}/{page}").values())
    return result, heaviest_pages


def search_first_query(out: Path, languages: list[str]) -> tuple[int | None, str, dict[str, int]]:
    """Worst gzip bytes the first query of a visit downloads (manifest, shards, metadata chunks)."""
    try:
        from phobien.search.files import gzip_size
        from phobien.search.query import Searcher, parse_script
    except ImportError as exc:
        return None, f"phobien.search has no query simulator here ({exc})", {}
    per_query: dict[str, int] = {}
    for lang in languages:
        folder = out / lang / "search"
        if not (folder / "manifest.js").is_file():
            continue
        sizes: dict[str, int] = {}

        def load(name: str, folder: Path = folder, sizes: dict[str, int] = sizes) -> Any:
            text = (folder / f"{name}.js").read_text(encoding="utf-8")
            sizes[name] = gzip_size(text)
            return parse_script(text)[1]

        for query in SEARCH_QUERIES.get(lang, []):
            searcher = Searcher(load)
            searcher.results(query)
            per_query[f"{lang}: {query}"] = sum(sizes[name] for name in searcher.loaded)
    if not per_query:
        return None, "no search index was written", {}
    note = (
        "first query of a visit, worst of the queries listed: manifest + word/exact/pair shards + metadata"
        " chunks of the results shown, gzip level 6 (phobien.search.query.Searcher, as scripts/bench-search);"
        " search.js itself is counted apart"
    )
    return max(per_query.values()), note, per_query


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)) if path.is_file() else 0


# -- plain MkDocs + Material -----------------------------------------------------------------


def stage_plain(tree: Path, work: Path, languages: list[str], today: Any) -> list[Path]:
    """The same staged Markdown as phobien's, as plain MkDocs projects: one mkdocs.yml per language.

    Same nav (sections from :func:`phobien.engine.mkdocs.config.nav_for`), Material with
    ``navigation.indexes`` and ``navigation.prune``, the same Markdown extensions, Material's
    default search plugin; no phobien plugin, no overrides except Material's interface strings
    for languages Material lacks (km, hmn: a plain site needs them too).
    """
    import material

    from phobien.checks import check_content
    from phobien.engine.base import LanguageJob
    from phobien.engine.mkdocs.config import nav_for
    from phobien.engine.mkdocs.markdown import config_entries
    from phobien.engine.mkdocs.run import write_stage
    from phobien.stage.pages import Options, stage_language
    from phobien.stage.ui import UI

    content, diags = check_content(tree)
    if diags.errors:
        raise RuntimeError(f"the generated tree does not load: {diags.summary()}")
    theme_langs = Path(material.__file__).parent / "templates" / "partials" / "languages"
    options = Options(directory_urls=True, today=today, print_=False)
    configs = []
    for lang in languages:
        pages = stage_language(content, lang, options)
        docs = work / lang / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        write_stage(LanguageJob("mkdocs", lang, tree, docs, work / "site" / lang, "", {}), pages, {})
        ui = UI(content, lang)
        titles = {k: ui(k) for k in ("home", "materials", "news", "plans", "legal", "agencies")}
        theme: dict[str, Any] = {
            "name": "material",
            "language": lang,
            "font": False,
            "features": ["navigation.indexes", "navigation.prune"],
        }
        if not (theme_langs / f"{lang}.html").is_file():
            custom = work / "theme"
            (custom / "partials" / "languages").mkdir(parents=True, exist_ok=True)
            shutil.copy(
                tree / "overrides" / "partials" / "languages" / f"{lang}.html", custom / "partials" / "languages"
            )
            theme["custom_dir"] = str(custom)
        config = {
            "site_name": content.site.name.get(lang) or content.site.name["vi"],
            "site_url": content.site.base_url.rstrip("/") + f"/{lang}/",
            "docs_dir": str(docs),
            "site_dir": str(work / "site" / lang),
            "use_directory_urls": True,
            "theme": theme,
            "plugins": ["search"],
            "markdown_extensions": config_entries(),
            "nav": nav_for(pages, titles),
        }
        path = work / f"mkdocs.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(path)
    return configs


# -- profile ----------------------------------------------------------------------------------

PHASES = [
    ("check (load + validate)", "phobien/publish/build.py", "check"),
    ("stage pages", "phobien/stage/pages.py", "stage_language"),
    ("write staged Markdown", "phobien/engine/mkdocs/run.py", "write_stage"),
    ("engine render", "phobien/engine/mkdocs/run.py", "render"),
    ("QR codes", "phobien/stage/addresses.py", "write_qr_codes"),
    ("short links and redirects", "phobien/stage/addresses.py", "write_redirects"),
    ("search index", "phobien/search/__init__.py", "index_language"),
    ("link check", "phobien/publish/links.py", "check_pages"),
    ("sitemap", "phobien/publish/rootfiles.py", "write_sitemap"),
    ("open data", "phobien/publish/opendata.py", "write_open_data"),
    ("atom feeds", "phobien/stage/news.py", "atom_feed"),
]


def _label(func: tuple[str, int, str]) -> str:
    file, line, name = func
    for marker in ("site-packages/", "/work/main/", "/lib/python3"):
        if marker in file:
            file = file.split(marker, 1)[1]
            break
    return f"{file}:{line}({name})" if line else name


def profile_summary(path: Path, top: int = 15) -> dict[str, Any]:
    """Top functions by cumulative and by own time, and phobien's build phases."""
    import pstats

    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    total = max(v[3] for v in stats.values())

    def startup(func: tuple[str, int, str]) -> bool:
        # The interpreter's and the command line's own frames: they only wrap the build.
        file, _, name = func
        return file.startswith(("<frozen", "<string>")) or name == "<built-in method builtins.exec>"

    def rows(index: int) -> list[dict[str, Any]]:
        ranked = sorted(
            ((f, v) for f, v in stats.items() if not startup(f)), key=lambda kv: kv[1][index], reverse=True
        )[:top]
        return [
            {"function": _label(func), "calls": v[1], "tottime_s": round(v[2], 2), "cumtime_s": round(v[3], 2)}
            for func, v in ranked
        ]

    phases = {}
    for label, file, name in PHASES:
        cum = sum(v[3] for (f, _, n), v in stats.items() if f.endswith(file) and n == name)
        if cum:
            phases[label] = round(cum, 2)
    return {"total_s": round(total, 2), "cumulative": rows(3), "own_time": rows(2), "phases": phases}


# -- phobien serve: an edit shown --------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_edit(tree: Path, python: str, env: dict[str, str], log: Path, edits: int = 3) -> dict[str, Any]:
    """Start ``phobien serve`` on ``tree``, wait for its first build, then edit an article
    ``edits`` times (5 s apart, so later edits land while the background full build runs) and
    time each until the served page has the new text. Open pages poll every 0.4 s on top."""
    import http.client
    import subprocess
    import time
    import urllib.request

    port = _free_port()
    article = sorted((tree / "content" / "articles").glob("*.vi.md"))[0]
    url = f"http://127.0.0.1:{port}/vi/news/{article.name.removesuffix('.vi.md')}/"
    original = article.read_text(encoding="utf-8")

    def get(path: str) -> str:
        try:
            with urllib.request.urlopen(path, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (OSError, http.client.HTTPException):  # the page was being rewritten: ask again
            return ""

    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [python, "-m", "phobien", "--root", str(tree), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    times: list[float] = []
    try:
        started = time.monotonic()
        while get(f"http://127.0.0.1:{port}/__phobien/version") != "1":
            if proc.poll() is not None or time.monotonic() - started > 1800:
                return {"error": f"phobien serve did not start; see {log}"}
            time.sleep(0.5)
        first_build = time.monotonic() - started
        for n in range(edits):
            marker = f"Đoạn sửa số {n + 1} để đo thời gian xem trước."
            article.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            t0 = time.monotonic()
            while marker not in get(url):
                if time.monotonic() - t0 > 300:
                    break
                time.sleep(0.05)
            times.append(round(time.monotonic() - t0, 2))
            time.sleep(5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        article.write_text(original, encoding="utf-8")
    return {
        "first_build_s": round(first_build, 1),
        "edit_to_html_s": times,
        "reload_poll_s": 0.4,
        "shown_worst_s": round(max(times) + 0.4, 2),
        "article": article.relative_to(tree).as_posix(),
    }


def build_phases(log: Path) -> dict[str, float]:
    """The phases printed by ``phobien build --timings``."""
    import re

    phases: dict[str, float] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"phobien build: +(\S.*?)\s+(\d+\.\d+) s$", line)
        if m and not m.group(1).startswith("done"):
            phases[m.group(1).strip()] = float(m.group(2))
    return phases
