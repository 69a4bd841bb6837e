"""phobien: a static-site generator for public legal dissemination in Vietnam."""

__version__ = "0.1.0"
