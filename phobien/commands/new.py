"""``phobien new article|material``: a valid file to start from, with today's date and an ASCII slug."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

from phobien.core import clock
from phobien.core.text import slugify
from phobien.errors import EXIT_OK, EXIT_USAGE, UserError
from phobien.load import Content, load_content
from phobien.model.page import NEW_ARTICLE_BODY, NEW_MATERIAL_BODY, NEW_SOURCE_TITLE, NEW_SUMMARY


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="start a new article or material from a valid skeleton")
    p.add_argument("kind", choices=["article", "material"])
    p.add_argument("--lang", default="vi", help="language code (default: vi)")
    p.add_argument("--title", required=True, help="the title; the file name is made from it")
    p.add_argument("--audience", action="append", default=[], help="an audience id (repeat for several)")
    p.add_argument("--topic", action="append", default=[], help="a topic id (repeat for several)")
    p.add_argument("--author", default=None, help="articles: the author or desk")
    p.add_argument(
        "--draft", action="store_true", help="(the default: every new page is a draft until you set draft: false)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = new_page(args.root, args.kind, args.lang, args.title, args.audience, args.topic, args.author)
    print(path.relative_to(args.root))
    return EXIT_OK


def _check_arguments(
    content: Content, kind: str, lang: str, title: str, audiences: list[str], topics: list[str]
) -> str:
    """The page's address, after checking the language and ids given on the command line."""
    if lang not in content.site.codes:
        raise UserError(f"unknown language '{lang}'; use one of: {', '.join(content.site.codes)}", EXIT_USAGE)
    slug = slugify(title)
    if not slug:
        raise UserError("the title has no Latin letters or digits to make an address from; add --slug", EXIT_USAGE)
    for value, known, what in (
        (audiences, [a.id for a in content.audiences], "audience"),
        (topics, [t.id for t in content.topics], "topic"),
    ):
        unknown = [v for v in value if v not in known]
        if unknown:
            raise UserError(f"unknown {what} '{unknown[0]}'; valid {what}s: {', '.join(known)}", EXIT_USAGE)
    if kind == "material" and not audiences:
        raise UserError(
            f"a material needs at least one --audience; valid audiences: {', '.join(a.id for a in content.audiences)}",
            EXIT_USAGE,
        )
    return slug


def new_page(
    root: Path,
    kind: str,
    lang: str,
    title: str,
    audiences: list[str],
    topics: list[str],
    author: str | None = None,
) -> Path:
    """Write a new page; it is a draft (``draft: true``) until the editor publishes it."""
    content, diags = load_content(root)
    if "site" in content.broken:
        raise UserError("content/site.yml has errors; run 'phobien check' first")
    slug = _check_arguments(content, kind, lang, title, audiences, topics)
    folder = root / "content" / ("articles" if kind == "article" else "materials")
    path = folder / f"{slug}.{lang}.md"
    if path.exists():
        raise UserError(f"{path.relative_to(root)} already exists; choose another title", EXIT_USAGE)
    meta: dict[str, object] = {"title": title}
    if kind == "article":
        meta |= {
            "date": clock.today().isoformat(),
            "author": author or "Ban biên tập",
            "audiences": audiences,
            "topics": topics,
            "draft": True,
        }
        body = NEW_ARTICLE_BODY + "\n"
    else:
        meta |= {
            "summary": NEW_SUMMARY,
            "audiences": audiences,
            "topics": topics,
            "legal_refs": [],
            "sources": [{"title": NEW_SOURCE_TITLE}],
            "review": {"status": "not_reviewed", "reviewed_on": clock.today().isoformat()},
            "draft": True,
        }
        body = (
            f"## Điều bạn cần biết\n\n{NEW_MATERIAL_BODY}\n\n"
            "## Cần làm gì, gọi ai\n\nGọi 111 (trẻ em) hoặc 113 (công an).\n"
        )
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    del diags
    return path
