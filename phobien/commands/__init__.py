"""One module per command of the ``phobien`` command line. Each has ``register(subparsers)``,
which declares the command and its options and sets ``run``, the function that does it."""

from __future__ import annotations

from types import ModuleType

from phobien.commands import build, build_language, check, import_plan, merge, new, schema, serve, stage, translations

COMMANDS: tuple[ModuleType, ...] = (
    check,
    build,
    stage,
    build_language,
    merge,
    serve,
    translations,
    new,
    schema,
    import_plan,
)
