"""One module per command of the ``phobien`` command line. Each has ``register(subparsers)``,
which declares the command and its options and sets ``run``, the function that does it."""

from __future__ import annotations

from types import ModuleType

from phobien.commands import build, check, import_plan, new, schema, serve, translations

COMMANDS: tuple[ModuleType, ...] = (check, build, serve, translations, new, schema, import_plan)
