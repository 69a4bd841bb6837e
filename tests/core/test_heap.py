"""Work forked one process per item (phobien.core.heap.forked_map)."""

from __future__ import annotations

import os

import pytest

from phobien.core.heap import forked_map


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def _dies(n: int) -> int:
    if n == 2:
        os._exit(3)
    return n


def test_each_item_in_its_own_process_results_in_order() -> None:
    big = [list(range(1000))] * 3  # shared with the processes, never pickled to them
    results = list(forked_map(_pid_and_square, [5, 1, 4, 2, 3], 2))
    assert [square for _, square in results] == [25, 1, 16, 4, 9]
    pids = {pid for pid, _ in results}
    assert len(pids) == 5 and os.getpid() not in pids
    assert list(forked_map(len, big, 2)) == [1000, 1000, 1000]


def test_a_process_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(ChildProcessError, match=r"ended without its result \(exit code 3\)"):
        list(forked_map(_dies, [1, 2, 3, 4], 2))


def _fails(n: int) -> int:
    if n == 3:
        raise NotADirectoryError(20, "Not a directory", "/x/.phobien-cache")
    return n


def test_what_an_item_raises_is_raised_here(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(NotADirectoryError) as raised:
        list(forked_map(_fails, [1, 2, 3, 4], 2))
    assert raised.value.filename == "/x/.phobien-cache"
    assert "Traceback" not in capfd.readouterr().err
