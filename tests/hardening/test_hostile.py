"""Every case of hostile.yml, as README.md says: ``reject`` at its line, or ``inert`` once built."""

from __future__ import annotations

import io
import os
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from harness import (
    BASE,
    INPUTS,
    PAGE_KINDS,
    apply,
    html_violations,
    input_key,
    load_cases,
    make_project,
    nfc,
    target_file,
    text_violations,
)

os.environ.setdefault("PHOBIEN_TODAY", "2026-11-22")

CASES = load_cases()
REJECT = [c for c in CASES if c["expect"] == "reject"]
INERT = [c for c in CASES if c["expect"] == "inert"]
PASSWD = ("root:x:0:0", "localhost")

# What an inert body case must display (the Markdown as a reader sees it); in code: inside <code>.
BODY_SHOWS: dict[str, str] = {
    "md-html-comment-plain": "Đoạn văn bình thường.",
    "md-entities-literal": 'Viết <script> là sai. 5 < 6 > 4 & "trích dẫn".',
    # Shown as typed, except that Markdown makes "__init__" bold: the text is never a template.
    "md-jinja-body": 'Kết quả: {{ 7*7 }} {% include "/etc/passwd" %} {{ self.init.globals }}',
    "link-percent-encoded": "Gọi 111",
    "link-title-breakout": "Gọi 111",
    "link-homoglyph-scheme": "Gọi 111",
    "link-fullwidth-scheme": "Gọi 111",
    "link-zero-width-in-scheme": "Gọi 111",
    "uni-combining-overload": "Đoạn Z",
    "uni-surrogate-pair-title": "Gọi 111 \U0001f4de",  # the pair of escapes read as the one character
}
BODY_CODE: dict[str, list[str]] = {
    "md-code-span-script": ["<script>alert(1)</script>"],
    "md-fenced-code-script": ["<script>alert(1)</script>\n<img src=x onerror=alert(1)>"],
    "md-pb-raw-marker-in-code": ["<!--pb-raw-->", "<!--pb-raw-->\n<b>x</b>\n<!--/pb-raw-->"],
}


def test_table_shape() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) == 181
    assert Counter(c["expect"] for c in CASES) == {"reject": 131, "inert": 50}
    for c in CASES:
        assert c["target"]["kind"] in BASE, c["id"]
        assert input_key(c) in INPUTS
        assert c["why"] and c["category"]


def run_check(root: Path) -> tuple[list[Any], float]:
    from phobien.publish.build import check

    start = time.monotonic()
    _, diags = check(root, False, io.StringIO())
    return diags.errors, time.monotonic() - start


@pytest.mark.parametrize("case", REJECT, ids=[c["id"] for c in REJECT])
def test_reject(case: dict[str, Any], tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    where = apply(case, root)
    errors, took = run_check(root)
    assert took < 20, f"check took {took:.1f} s"
    at = [e for e in errors if e.path == where.file and e.line == where.line]
    shown = "\n".join(e.format() for e in errors[:8])
    assert at, f"no error at {where.file}:{where.line}; errors:\n{shown}"
    assert all(not any(s in e.message for s in PASSWD) for e in errors), "a file outside the project was echoed"
    assert not Path("/tmp/phobien-pwned").exists()


def _inert_tree(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """All inert cases in one project: each page case on its own copy of the base page.
    Returns (case id -> page slug, case id -> the check's errors for cases it refused)."""
    pages: dict[str, str] = {}
    files: dict[str, str] = {}
    for n, case in enumerate(INERT):
        kind = case["target"]["kind"]
        file = target_file(case)
        if kind in PAGE_KINDS and "file" not in case["target"]:
            base = Path(BASE[kind])
            file = (base.parent / f"hx-{n}{''.join(base.suffixes)}").as_posix()
            (root / file).write_bytes((root / BASE[kind]).read_bytes())
            pages[case["id"]] = f"hx-{n}"
        files[case["id"]] = apply(case, root, file).file
    errors, _ = run_check(root)
    refused: dict[str, str] = {}
    for cid, file in files.items():
        mine = [e.format() for e in errors if e.path == file]
        if mine:
            refused[cid] = "\n".join(mine[:5])
            if cid in pages:
                (root / file).unlink()  # the rest of the tree is still built
    return pages, refused


InertSite = tuple[Path, dict[str, str], list[str], dict[str, str], dict[str, str]]


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory) -> InertSite:
    from phobien.publish.build import BuildOptions, build

    root = make_project(tmp_path_factory.mktemp("inert") / "project")
    pages, refused = _inert_tree(root)
    stream = io.StringIO()
    code = build(BuildOptions(root=root, out=root / "site", print_=False, preview=True), stream)
    assert code == 0, stream.getvalue()[-3000:]
    texts: dict[str, str] = {}
    problems: list[str] = []
    import lxml.html

    for p in sorted((root / "site").rglob("*")):
        if p.suffix in (".html", ".json", ".xml", ".js") and p.is_file():
            raw = p.read_text(encoding="utf-8", errors="replace")
            problems += [f"{p.relative_to(root)}: {v}" for v in text_violations(p, raw)]
            if p.suffix == ".html":
                problems += [f"{p.relative_to(root)}: {v}" for v in html_violations(raw)]
                texts[p.relative_to(root / "site").as_posix()] = lxml.html.document_fromstring(raw).text_content()
    return root, pages, problems, texts, refused


def test_inert_build_is_safe(inert_site: InertSite) -> None:
    _, _, problems, _, _ = inert_site
    assert not problems, "\n".join(dict.fromkeys(problems))


def _code_texts(root: Path, slug: str) -> list[str]:
    import lxml.html

    out: list[str] = []
    for p in (root / "site").rglob(f"*{slug}*/index.html"):
        out += [c.text_content() for c in lxml.html.parse(str(p)).getroot().iter("code")]
    for p in (root / "site").rglob(f"{slug}.html"):
        out += [c.text_content() for c in lxml.html.parse(str(p)).getroot().iter("code")]
    return out


@pytest.mark.parametrize("case", INERT, ids=[c["id"] for c in INERT])
def test_inert(case: dict[str, Any], inert_site: InertSite) -> None:
    root, pages, problems, texts, refused = inert_site
    cid, field = case["id"], case["target"]["field"]
    assert cid not in refused, f"phobien check refused it:\n{refused[cid]}"
    slug = pages.get(cid)
    hx = re.compile(r"hx-\d+")
    mine = [p for p in problems if (slug and f"{slug}/" in p) or (slug is None and not hx.search(p))]
    assert not mine, "\n".join(dict.fromkeys(mine[:10]))
    where = {k: v for k, v in texts.items() if slug is None or slug in k}
    if cid in BODY_CODE:
        codes = _code_texts(root, slug or "")
        for want in BODY_CODE[cid]:
            assert any(want in c for c in codes), f"{want!r} not in the <code> of {slug}"
        return
    want = BODY_SHOWS.get(cid) if field == "body" or "make" in case or "raw" in case else case.get("value")
    if want is None:
        return  # a size case: built in normal time is what it asserts
    want = nfc(want).strip()
    assert any(want in t for t in where.values()), f"{want!r} is not shown on {slug or 'any page'}"
