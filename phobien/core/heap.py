"""Forked worker processes and the objects they share with the process that forks them."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def shared_heap() -> Iterator[None]:
    """While worker processes are forked from this one: they share its objects until they
    write to them, so keep the garbage collector from touching (and so copying) them all."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
