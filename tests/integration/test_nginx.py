"""deploy/nginx.conf, started with Debian's nginx on 127.0.0.1, serving a real build."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, free_port, make_project, run_phobien, wait_until_up

PAGES = [
    "vi/",
    "vi/materials/bao-ve-tre/",
    "en/hotlines/",
    "vi/plans/ke-hoach-thu/",
    "vi/legal/56-2017-nd-cp/",
    "vi/agencies/ha-noi-ubnd/",
    "vi/parents/",
    "en/search/",
    "vi/khong-co-trang-nay/",
]


@pytest.fixture(scope="module")
def nginx() -> Iterator[str]:
    # nginx's workers run as an unprivileged user: the project must be readable by it.
    base = Path(tempfile.mkdtemp(prefix="phobien-nginx-"))
    base.chmod(0o755)
    root = make_project(base / "p", FIXTURES / "minimal")
    assert run_phobien(root, "build").returncode == 0
    for folder in [root, *root.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    port = free_port()
    conf = root / "deploy/nginx.conf"
    conf.parent.mkdir()
    conf.write_text((REPO / "deploy/nginx.conf").read_text().replace("127.0.0.1:8080", f"127.0.0.1:{port}"))
    (root / ".phobien-cache/nginx-tmp").mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(root), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    wait_until_up(url)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(base, ignore_errors=True)


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def test_security_headers_charset_and_compression(nginx: str) -> None:
    status, headers, body = get(nginx + "vi/materials/bao-ve-tre/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-encoding"] == "gzip"
    assert "Bảo vệ trẻ em" in gzip.decompress(body).decode("utf-8")
    csp = headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert "geolocation=()" in headers["permissions-policy"]
    assert "set-cookie" not in headers
    assert headers["cache-control"] == "max-age=3600"


def test_fingerprinted_assets_cached_long_and_headers_kept(nginx: str) -> None:
    html = get(nginx + "vi/")[2].decode()
    asset = html.split('href="assets/stylesheets/main.')[1].split('"')[0]
    status, headers, _ = get(nginx + "vi/assets/stylesheets/main." + asset)
    assert status == 200
    assert headers["cache-control"] == "max-age=315360000"
    assert headers["content-security-policy"].startswith("default-src 'self'")


def test_missing_page_gets_the_404_page(nginx: str) -> None:
    for lang in ("vi", "en"):
        status, _, body = get(nginx + f"{lang}/khong-co-trang-nay/")
        assert status == 404
        assert f'<html lang="{lang}"' in body.decode("utf-8")
    status, _, body = get(nginx + "khong-co/")
    assert status == 404 and '<html lang="vi"' in body.decode("utf-8")


def test_pages_have_no_csp_violation_and_no_console_error(browser, nginx: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in PAGES:
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
    errors = [e for e in errors if "404" not in e]  # the missing page's own status is expected
    assert errors == []
    context.close()
