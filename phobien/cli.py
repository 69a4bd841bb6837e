"""The ``phobien`` command. Thin: each subcommand calls one function of the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from phobien.engine import DEFAULT_ENGINE, ENGINES


def _root(value: str) -> Path:
    return Path(value).resolve()


def cmd_check(args: argparse.Namespace) -> int:
    from phobien.load.files import fix_file
    from phobien.publish.build import check

    if args.fix:
        fixed = [
            p
            for folder in ("content", "docs")
            for p in sorted((args.root / folder).rglob("*"))
            if p.suffix in (".yml", ".md") and p.is_file() and fix_file(p)
        ]
        for p in fixed:
            print(f"fixed: {p.relative_to(args.root)} (removed BOM / normalised to NFC)", file=sys.stderr)
    _, diags = check(args.root, args.strict)
    print(f"phobien check: {diags.summary()}", file=sys.stderr)
    return 1 if diags.failed(args.strict) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from phobien.publish.build import BuildOptions, build

    out = args.out or args.root / "site"
    return build(
        BuildOptions(
            root=args.root,
            out=out,
            strict=args.strict,
            offline=args.offline,
            jobs=args.jobs,
            print_=not args.no_print,
            timings=args.timings,
            engine=args.engine,
        )
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from phobien.preview.server import serve

    return serve(args.root, args.host, args.port, print_=args.print_)


def cmd_translations(args: argparse.Namespace) -> int:
    from phobien.commands.translations import as_json, print_table, report, stamp
    from phobien.load import load_content
    from phobien.publish.build import report as print_diagnostics

    content, diags = load_content(args.root)
    if diags.errors or content.site is None:
        print_diagnostics(diags, sys.stderr)
        print(f"phobien translations: fix the errors first ({diags.summary()})", file=sys.stderr)
        return 1
    for path in args.stamp:
        try:
            new = stamp(content, path)
        except ValueError as exc:
            print(f"phobien translations: {exc}", file=sys.stderr)
            return 1
        print(f"{path}: source_hash set to {new}", file=sys.stderr)
    if args.stamp:
        content, diags = load_content(args.root)
    reports = report(content)
    default = content.site.default_language
    if args.format == "json":
        print(as_json(reports, default))
    else:
        print_table(reports, default, sys.stdout)
    critical = [f for r in reports for f in r.critical_outdated]
    return 1 if args.strict and critical else 0


def cmd_new(args: argparse.Namespace) -> int:
    from phobien.commands.new import ScaffoldError, new_page

    try:
        path = new_page(args.root, args.kind, args.lang, args.title, args.audience, args.topic, args.author, args.draft)
    except ScaffoldError as exc:
        print(f"phobien new: {exc}", file=sys.stderr)
        return 1
    print(path.relative_to(args.root))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from phobien.commands.schema import write_schemas

    out = args.out or args.root / "schemas"
    for path in write_schemas(out):
        print(path.relative_to(args.root) if path.is_relative_to(args.root) else path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from phobien.importer import run_import

    return run_import(args.file, args.root, args.out, args.issuer, args.province, args.force)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="phobien", description="Build the legal-dissemination site from content/.")
    parser.add_argument("--root", type=_root, default=Path.cwd(), help="project folder (default: here)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="validate content/ and docs/ and list every problem")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--fix", action="store_true", help="remove BOMs and normalise text to NFC in place")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="check, then build site/ (atomically)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--offline", action="store_true", help="a copy that works opened from disk (file://)")
    p.add_argument("--out", type=_root, default=None, help="output folder (default: site/)")
    p.add_argument("--jobs", type=int, default=None, help="parallel language builds (default: cores)")
    p.add_argument("--no-print", action="store_true", help="skip leaflets and posters (PDF) for a fast preview")
    p.add_argument("--timings", action="store_true", help="print how long each step of the build took")
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help=f"program that renders the pages (default: engine in content/site.yml, else {DEFAULT_ENGINE})",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="preview with live reload while you edit")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--print", dest="print_", action="store_true", help="also make the leaflets and posters (PDF) in the preview"
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("translations", help="report translated, reviewed, machine, outdated and missing pages")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--strict", action="store_true", help="exit 1 when a critical page's translation is outdated")
    p.add_argument(
        "--stamp",
        type=_root,
        nargs="*",
        default=[],
        metavar="FILE",
        help="record that these translations match their original as it is now",
    )
    p.set_defaults(func=cmd_translations)

    p = sub.add_parser("new", help="start a new article or material from a valid skeleton")
    p.add_argument("kind", choices=["article", "material"])
    p.add_argument("--lang", default="vi", help="language code (default: vi)")
    p.add_argument("--title", required=True, help="the title; the file name is made from it")
    p.add_argument("--audience", action="append", default=[], help="an audience id (repeat for several)")
    p.add_argument("--topic", action="append", default=[], help="a topic id (repeat for several)")
    p.add_argument("--author", default=None, help="articles: the author or desk")
    p.add_argument("--draft", action="store_true", help="articles: keep it out of the published site for now")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("schema", help="write JSON Schemas of every content file type")
    p.add_argument("--out", type=_root, default=None, help="folder (default: schemas/)")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "import", help="draft a plan (content/plans/<id>.yml) from a .txt, .docx or text-based .pdf file"
    )
    p.add_argument("file", type=_root, help="the plan as .txt (UTF-8, TCVN3 or VNI), .docx or .pdf")
    p.add_argument("--out", type=_root, default=None, help="where to write the draft (default: content/plans/<id>.yml)")
    p.add_argument("--issuer", default=None, help="agency id of the issuing body, when the text does not make it clear")
    p.add_argument("--province", default=None, help="province id (e.g. ha-noi) the plan's bodies belong to")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=cmd_import)

    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
