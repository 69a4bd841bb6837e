"""phobien's ProperDocs plugin (entry point ``properdocs.plugins: phobien``).

ProperDocs loads plugins of the ``mkdocs.plugins`` group too, but requires them to subclass its
own ``BasePlugin``: MkDocs plugins pass only when its command line has redirected ``mkdocs.*``
imports to ``properdocs.*``, which phobien (calling the build in-process, with MkDocs
installed as well) does not do. Hence this twin of :mod:`phobien.engine.mkdocs.plugin`."""

from __future__ import annotations

from properdocs.config import config_options as c
from properdocs.config.base import Config
from properdocs.plugins import BasePlugin

from phobien.engine.mkdocs.hooks import PhobienHooks


class PhobienPluginConfig(Config):
    enabled = c.Type(bool, default=True)


class PhobienPlugin(PhobienHooks, BasePlugin[PhobienPluginConfig]):
    __doc__ = PhobienHooks.__doc__
