"""Wall time of the phases of a build, printed with ``phobien build --timings``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Timings:
    """Collects (phase, seconds) in the order the phases ran."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}

    @contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        start = time.monotonic()
        try:
            yield
        finally:
            self.phases[phase] = self.phases.get(phase, 0.0) + time.monotonic() - start

    def add(self, phase: str, seconds: float) -> None:
        self.phases[phase] = self.phases.get(phase, 0.0) + seconds

    def report(self, stream: TextIO, prefix: str = "phobien build: ") -> None:
        width = max((len(p) for p in self.phases), default=0)
        for phase, seconds in self.phases.items():
            print(f"{prefix}{phase.ljust(width)} {seconds:7.2f} s", file=stream)
