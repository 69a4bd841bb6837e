"""``phobien new article|material``: a valid file to start from, with today's date and an ASCII slug."""

from __future__ import annotations

from pathlib import Path

import yaml

from phobien.core import clock
from phobien.core.text import slugify
from phobien.load import load_content

PLACEHOLDER_SOURCE = "CẦN GHI NGUỒN: tên văn bản, số hiệu, điều, khoản"


class ScaffoldError(Exception):
    """The file cannot be created; the message says why and what to do."""


def new_page(
    root: Path,
    kind: str,
    lang: str,
    title: str,
    audiences: list[str],
    topics: list[str],
    author: str | None = None,
    draft: bool = False,
) -> Path:
    content, diags = load_content(root)
    if content.site is None:
        raise ScaffoldError("content/site.yml has errors; run 'phobien check' first")
    if lang not in content.site.codes:
        raise ScaffoldError(f"unknown language '{lang}'; use one of: {', '.join(content.site.codes)}")
    slug = slugify(title)
    if not slug:
        raise ScaffoldError("the title has no Latin letters or digits to make an address from; add --slug")
    for value, known, what in (
        (audiences, [a.id for a in content.audiences], "audience"),
        (topics, [t.id for t in content.topics], "topic"),
    ):
        unknown = [v for v in value if v not in known]
        if unknown:
            raise ScaffoldError(f"unknown {what} '{unknown[0]}'; valid {what}s: {', '.join(known)}")
    if kind == "material" and not audiences:
        raise ScaffoldError(
            f"a material needs at least one --audience; valid audiences: {', '.join(a.id for a in content.audiences)}"
        )
    folder = root / "content" / ("articles" if kind == "article" else "materials")
    path = folder / f"{slug}.{lang}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists; choose another title")
    meta: dict[str, object] = {"title": title}
    if kind == "article":
        meta |= {
            "date": clock.today().isoformat(),
            "author": author or "Ban biên tập",
            "audiences": audiences,
            "topics": topics,
            "draft": draft,
        }
        body = "Viết nội dung tin ở đây. Câu ngắn, dễ hiểu.\n"
    else:
        meta |= {
            "summary": "Một hai câu ngắn: trang này giúp người đọc điều gì.",
            "audiences": audiences,
            "topics": topics,
            "legal_refs": [],
            "sources": [{"title": PLACEHOLDER_SOURCE}],
            "review": {"status": "not_reviewed", "reviewed_on": clock.today().isoformat()},
        }
        body = (
            "## Điều bạn cần biết\n\nViết nội dung ở đây.\n\n"
            "## Cần làm gì, gọi ai\n\nGọi 111 (trẻ em) hoặc 113 (công an).\n"
        )
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    del diags
    return path
