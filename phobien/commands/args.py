"""Argument types shared by the commands."""

from __future__ import annotations

from pathlib import Path


def path(value: str) -> Path:
    """A path given on the command line, made absolute."""
    return Path(value).resolve()
