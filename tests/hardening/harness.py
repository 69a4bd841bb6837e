"""Apply the cases of hostile.yml to a copy of the project and judge the outcome (README.md).

Used by test_hostile.py and by scripts/hostile-cases. Each ``reject`` case gets a fresh copy
and an in-process ``phobien check``; the ``inert`` cases are put into one tree (pages get a copy
of their base file each, so that cases on the same field do not meet) and built once.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES_FILE = HERE / "hostile.yml"

BASE = {
    "material": "content/materials/quyen-khong-bi-tra-tan.vi.md",
    "article": "content/articles/ngay-phap-luat-tai-lieu-ve-quyen-cua-ban.vi.md",
    "docs": "docs/gioi-thieu.vi.md",
    "plan": "content/plans/ha-noi-126-kh-ubnd-2023.yml",
    "hotline": "content/hotlines.yml",
    "agency": "content/agencies.yml",
    "legal": "content/legal/41-2019-qh14.yml",
    "site": "content/site.yml",
    "language": "content/site.yml",
    "i18n": "content/i18n/vi.yml",
    "audience": "content/audiences.yml",
}
INPUTS = ("value", "raw", "file_text", "bytes_hex", "make")
PAGE_KINDS = ("material", "article", "docs")
PLACEHOLDER = "PbHostilePlaceholder"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return cases


def input_key(case: dict[str, Any]) -> str:
    keys = [k for k in INPUTS if k in case]
    assert len(keys) == 1, f"{case['id']}: exactly one of {INPUTS}, found {keys}"
    return keys[0]


def make_project(dest: Path) -> Path:
    """The repository's engine files and bundled content, as in tests/conftest.py."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("overrides", "content", "docs"):
        shutil.copytree(REPO / folder, dest / folder, symlinks=True)
    return dest


def field_path(field: str) -> tuple[str | int, ...]:
    out: list[str | int] = []
    for part in field.split("."):
        m = re.fullmatch(r"([^\[]+)((?:\[\d+\])*)", part)
        assert m, field
        out.append(m.group(1))
        out.extend(int(n) for n in re.findall(r"\[(\d+)\]", m.group(2)))
    return tuple(out)


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    """Set the value at ``path``, creating missing keys and the next list item on the way."""
    for i, key in enumerate(path):
        if i == len(path) - 1:
            if isinstance(key, int) and key == len(data):
                data.append(value)
            else:
                data[key] = value
            return
        fresh: Any = [] if isinstance(path[i + 1], int) else {}
        if isinstance(key, int):
            if key == len(data):
                data.append(fresh)
        elif data.get(key) is None:
            data[key] = fresh
        data = data[key]


def _dump(data: Any) -> str:
    return yaml.dump(data, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)


def _plain_load(text: str) -> Any:
    """The document as the project's loader reads it (scalars stay text), for re-emitting."""
    from phobien.core.yamlpos import load

    located, problems = load(text)
    assert located is not None and not problems, problems
    return located.data


@dataclass
class Applied:
    """Where a case's value went: the file (relative) and the line the error must point at."""

    file: str
    line: int


def _split_page(text: str) -> tuple[str, str]:
    m = re.match(r"\A---\n(.*?)^---\n", text, re.S | re.M)
    assert m, "base page without front matter"
    return m.group(1), text[m.end() :]


def _value_source(case: dict[str, Any]) -> bytes:
    key = input_key(case)
    if key == "raw":
        return str(case["raw"]).encode()
    if key == "bytes_hex":
        return bytes.fromhex(re.sub(r"\s", "", case["bytes_hex"]))
    raise AssertionError(key)


def _edit_yaml_text(yaml_text: str, case: dict[str, Any]) -> tuple[bytes, int]:
    """The YAML document with the case's field set; (bytes, 1-based line of the value)."""
    data = _plain_load(yaml_text) if yaml_text.strip() else {}
    path = field_path(case["target"]["field"])
    key = input_key(case)
    if key == "value":
        _set(data, path, PLACEHOLDER)
        text = _dump(data)
        line = text[: text.index(PLACEHOLDER)].count("\n") + 1
        _set(data, path, case["value"])
        return _dump(data).encode(), line
    _set(data, path, PLACEHOLDER)
    text = _dump(data)
    line = text[: text.index(PLACEHOLDER)].count("\n") + 1
    before, after = text.encode().split(PLACEHOLDER.encode(), 1)
    return before + _value_source(case) + after, line


def _body_append(path: Path, block: bytes) -> int:
    data = path.read_bytes()
    if not data.endswith(b"\n"):
        data += b"\n"
    data += b"\n"
    line = data.count(b"\n") + 1
    path.write_bytes(data + block)
    return line


def _make(case: dict[str, Any], root: Path, file: str) -> Applied:
    cid, p = case["id"], root / file
    if cid == "path-symlink-docs-passwd":
        p.symlink_to("/etc/passwd")
    elif cid == "path-symlink-plan-hosts":
        p.symlink_to("../../../etc/hosts")
    elif cid == "path-symlink-dir":
        p.symlink_to("/etc")
    elif cid == "path-material-filename-html":
        file = "content/materials/<img src=x onerror=alert(1)>.vi.md"
        shutil.copy(root / BASE["material"], root / file)
    elif cid == "yaml-deep-nesting":
        return _apply_source(case, root, file, ("[" * 5000 + "]" * 5000).encode())
    elif cid == "yaml-long-line-body":
        return Applied(file, _body_append(p, ("ab " * 333_334).encode() + b"\n"))
    elif cid == "yaml-long-line-task":
        text = "Tuyên truyền, " * (200_000 // len("Tuyên truyền, ") + 1)
        return _apply_value(case, root, file, text[:200_000])
    elif cid == "md-deep-brackets":
        return Applied(file, _body_append(p, ("[" * 50_000 + "x" + "](a)" * 50_000 + "\n").encode()))
    elif cid == "md-deep-emphasis":
        return Applied(file, _body_append(p, ("*" * 20_000 + "x" + "*" * 20_000 + "\n").encode()))
    elif cid == "file-bom":
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    elif cid == "file-utf16":
        p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16"))
    else:
        raise AssertionError(f"{cid}: no handler for make: {case['make']}")
    return Applied(file, 1)


def _apply_value(case: dict[str, Any], root: Path, file: str, value: str) -> Applied:
    return apply({k: v for k, v in case.items() if k != "make"} | {"value": value}, root, file)


def _apply_source(case: dict[str, Any], root: Path, file: str, source: bytes) -> Applied:
    hexed = source.hex()
    return apply({k: v for k, v in case.items() if k != "make"} | {"bytes_hex": hexed}, root, file)


def target_file(case: dict[str, Any]) -> str:
    return str(case["target"].get("file") or BASE[case["target"]["kind"]])


def apply(case: dict[str, Any], root: Path, file: str | None = None) -> Applied:
    """Make the case's one change in the project at ``root``; ``file`` overrides the base file."""
    case = {k: v for k, v in case.items() if v is not None}
    file = file or target_file(case)
    key, field, p = input_key(case), case["target"]["field"], root / file
    in_value = int(case.get("line_in_value", 1))
    if key == "make":
        return _make(case, root, file)
    if key == "file_text":
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(case["file_text"], encoding="utf-8")
        return Applied(file, in_value)
    if field == "body":
        block = case["value"].encode() if key == "value" else _value_source(case)
        return Applied(file, _body_append(p, block) + in_value - 1)
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".md":
        front, body = _split_page(text)
        new, line = _edit_yaml_text(front, case)
        p.write_bytes(b"---\n" + new + b"---\n" + body.encode())
        return Applied(file, line + 1 + in_value - 1)
    new, line = _edit_yaml_text(text, case)
    p.write_bytes(new)
    return Applied(file, line + in_value - 1)


# ----------------------------------------------------------------------------------------------
# Judging built HTML (README.md, "inert")

URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
FORBIDDEN = ("iframe", "object", "embed", "form", "base")
PAYLOAD = re.compile(r"alert\(|msgbox\(|evil\.example", re.I)


def browser_url(value: str) -> str:
    """A URL attribute as the browser's URL parser sees it: entities decoded, controls stripped."""
    value = html.unescape(value)
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\r\n]", "", value).lower()


def foreign(url: str) -> bool:
    """Whether ``url`` (as written in a page) points to another host."""
    u = browser_url(url).replace("\\", "/")
    if u.startswith("//"):
        return True
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", u)
    if not scheme:
        return False
    if scheme.group(1) in ("http", "https"):
        return True
    return scheme.group(1) not in ("file",) or bool(urlsplit(u).netloc)


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def html_violations(text: str) -> list[str]:
    """What in one built HTML page breaks the "inert" rules (empty when it is safe)."""
    import lxml.html

    found: list[str] = []
    doc = lxml.html.document_fromstring(text)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        for name, value in el.attrib.items():
            lname = name.lower()
            if lname.startswith("on"):
                found.append(f"<{tag} {name}>")
            if lname in URL_ATTRS and browser_url(value).startswith(BAD_SCHEMES):
                found.append(f"<{tag} {name}={value!r}>")
            if lname == "style" and re.search(r"url\s*\(|@import", value, re.I):
                found.append(f"<{tag} style={value!r}>")
        found.extend(_element_violations(el, tag))
    return found


def _element_violations(el: Any, tag: str) -> list[str]:
    found: list[str] = []
    if tag in FORBIDDEN or (tag == "meta" and el.get("http-equiv")):
        # The site's own: its search form and the redirects of short links (in-site, no payload).
        own = tag in ("form", "meta") and not PAYLOAD.search(lxml_html(el))
        own = own and not foreign(el.get("action", "")) and "url=http" not in (el.get("content") or "").lower()
        if not own:
            found.append(f"<{tag}>")
    if tag == "script" and (PAYLOAD.search(el.text or "") or foreign(el.get("src", ""))):
        found.append(f"<script> {(el.get('src') or el.text or '')[:80]!r}")
    if tag == "style" and re.search(r"@import|url\s*\(\s*['\"]?(https?:|//|\\)", el.text or "", re.I):
        found.append("<style> loading from another host")
    urls: list[str] = []
    if tag in ("img", "source", "video", "image", "use", "link", "audio", "track"):
        for attr in ("src", "poster", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
            if el.get(attr) and (
                tag != "link" or "stylesheet" in (el.get("rel") or "") or "icon" in (el.get("rel") or "")
            ):
                urls.append(el.get(attr))
        if el.get("srcset"):
            urls.extend(_srcset_urls(el.get("srcset")))
    found.extend(f"<{tag}> from another host: {u!r}" for u in urls if foreign(u))
    return found


def lxml_html(el: Any) -> str:
    import lxml.html

    return str(lxml.html.tostring(el, encoding="unicode"))


def text_violations(path: Path, text: str) -> list[str]:
    """JSON must stay JSON, XML must stay XML whatever the content carried."""
    if path.suffix == ".json":
        try:
            json.loads(text)
        except ValueError as exc:
            return [f"{path.name}: not valid JSON any more: {exc}"]
    if path.suffix == ".xml":
        from lxml import etree

        try:
            etree.fromstring(text.encode())
        except etree.XMLSyntaxError as exc:
            return [f"{path.name}: not valid XML any more: {exc}"]
    return []


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
