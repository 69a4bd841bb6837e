"""phobien's MkDocs plugin (entry point ``mkdocs.plugins: phobien``); the hooks are in
:mod:`phobien.engine.mkdocs.hooks`. Everything a page shows is decided by :mod:`phobien.stage`
before MkDocs runs."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from phobien.engine.mkdocs.hooks import PhobienHooks


class PhobienPluginConfig(Config):
    enabled = c.Type(bool, default=True)


class PhobienPlugin(PhobienHooks, BasePlugin[PhobienPluginConfig]):
    __doc__ = PhobienHooks.__doc__
