"""Forked worker processes and the objects they share with the process that forks them."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@contextlib.contextmanager
def shared_heap() -> Iterator[None]:
    """While worker processes are forked from this one: they share its objects until they
    write to them, so keep the garbage collector from touching (and so copying) them all."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def collector_held() -> Iterator[None]:
    """The cyclic garbage collector held for a while: for making many small objects, none in a
    cycle (a file list, open data), in a process whose full collections walk every loaded page."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def forked_map(fn: Callable[[T], R], items: list[T], workers: int) -> Iterator[R]:
    """``fn(item)`` for each of ``items``, each in a process of its own forked from this one, at
    most ``workers`` at a time; the results in the order of ``items``.

    Unlike a pool, whose processes take one item after another, a process here ends with its
    item: what it held for that item (the engine's pages, a search index) is given back to the
    system at once instead of staying with the process for the next one, and the item itself
    is not pickled (the process shares it with this one). Only the result is sent back, or
    the exception ``fn`` raised, which is raised here."""
    context = multiprocessing.get_context("fork")
    done: dict[int, R] = {}
    waiting = list(enumerate(items))
    running: dict[Connection, tuple[int, Any]] = {}
    given = 0
    try:
        with shared_heap():
            while waiting or running:
                while waiting and len(running) < max(1, workers):
                    index, item = waiting.pop(0)
                    receive, send = context.Pipe(duplex=False)
                    process = context.Process(target=_run_one, args=(fn, item, send))
                    process.start()
                    send.close()
                    running[receive] = (index, process)
                for ready in wait(list(running)):
                    assert isinstance(ready, Connection)
                    index, process = running.pop(ready)
                    done[index] = _result(ready, process)
                while given in done:
                    yield done.pop(given)
                    given += 1
    finally:
        for receive, (_, process) in running.items():
            process.terminate()
            process.join()
            receive.close()


def _result(ready: Connection, process: Any) -> Any:
    try:
        ok, value = ready.recv()
        if not ok:
            raise value  # what the item raised, raised here as a pool does
        return value
    except EOFError:
        process.join()  # for its exit code
        raise ChildProcessError(f"a worker process ended without its result (exit code {process.exitcode})") from None
    finally:
        ready.close()
        process.join()


def _run_one(fn: Callable[[Any], Any], item: Any, send: Connection) -> None:
    try:
        try:
            answer: tuple[bool, Any] = (True, fn(item))
        except Exception as exc:  # noqa: BLE001 - sent to the process that waits for it
            answer = (False, exc)
        try:
            send.send(answer)
        except Exception as exc:  # noqa: BLE001 - an exception or a result that cannot be pickled
            send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()
