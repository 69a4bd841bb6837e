"""``phobien serve`` on a large site: the edited page first, then everything else.

A full build of a national site takes minutes. After an edit of one material, article or
hand-written page, :meth:`Preview.quick` re-reads that file alone, stages its page in its own
language and has the engine render only that page into the served folder (about a second on
5,000 pages). A full build follows in the background for everything the page touches (lists,
other languages' fallback copies, search, QR codes, leaflets) and replaces the folder when
it is done. Anything else (site settings, lists of agencies, plans, a new or deleted file)
goes straight to the full build.
"""

from __future__ import annotations

import contextlib
import copy
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TextIO

from phobien.checks import recheck_page
from phobien.core.diagnostics import Diagnostics
from phobien.engine import get_engine
from phobien.load import Content, Page
from phobien.load.tree import PAGE_FOLDERS, page_folder
from phobien.publish.build import BuildOptions, BuildState, build, report
from phobien.publish.pagemeta import page_meta
from phobien.stage.context import StageContext
from phobien.stage.kinds import of_files
from phobien.stage.staged import Staged


def _stage_one(content: Content, state: BuildState, page: Page, field: str) -> Staged | None:
    """The staged page of ``page`` in its language, from a copy of the content that holds only
    the pages of its slug (so that the kinds that make a page per file of ``field`` render
    little else)."""
    narrowed = copy.copy(content)
    setattr(narrowed, field, [p for p in getattr(content, field) if p.slug == page.slug])
    ctx = StageContext(narrowed, page.lang, state.options)
    staged = (s for kind in of_files(field) for s in kind.stage(ctx))
    return next((s for s in staged if s.source == page.rel), None)


def _build_in_child(opts: BuildOptions, writer: Connection) -> None:
    with contextlib.suppress(OSError):
        os.setpgrp()  # its own process group: stop() ends the build's workers with it
        os.nice(10)
    states: list[BuildState] = []
    ok = build(opts, sys.stderr, state=states) == 0
    writer.send((ok, states[0] if ok and states else None))
    writer.close()


class Preview:
    """The served preview folder and what its last full build decided."""

    def __init__(self, root: Path, out: Path, stream: TextIO = sys.stderr, print_: bool = False) -> None:
        self.root = root
        self.print_ = print_
        self.out = out
        self.stream = stream
        self.state: BuildState | None = None
        self.builds = 0
        self._lock = threading.Lock()  # one engine run at a time in this process
        self.child: multiprocessing.process.BaseProcess | None = None

    def stop(self) -> None:
        """Stop a background build (its worker processes end with it)."""
        child = self.child
        if child is not None and child.is_alive() and child.pid is not None:
            with contextlib.suppress(OSError):
                os.killpg(child.pid, signal.SIGTERM)
            child.join(timeout=10)

    def full(self, background: bool = False) -> bool:
        """A full build (atomic). Alternates between two staging folders, so that quick updates
        keep using the folder of the last finished build while the next one runs.

        ``background``: build in a separate process at low priority, so that quick updates of
        pages edited meanwhile keep the processor (and this process) to themselves."""
        self.builds += 1
        stage_dir = self.root / ".phobien-cache" / f"stage-preview-{self.builds % 2}"
        opts = BuildOptions(root=self.root, out=self.out, serve=True, stage_dir=stage_dir, print_=self.print_)
        if background:
            context = multiprocessing.get_context("spawn")  # this process has threads: do not fork it
            reader, writer = context.Pipe(duplex=False)
            child = context.Process(target=_build_in_child, args=(opts, writer), name="phobien-preview-build")
            child.start()
            self.child = child
            writer.close()
            try:
                ok, state = reader.recv()
            except EOFError:
                ok, state = False, None
            child.join()
        else:
            states: list[BuildState] = []
            ok = build(opts, self.stream, state=states) == 0
            state = states[0] if states else None
        if ok and state is not None:
            self.state = state
        return ok

    def quick(self, changed: set[Path]) -> bool:
        """Update the one edited page in its own language. False when the change is not one
        page that already exists (then only a full build will do)."""
        with self._lock:
            return self._quick(changed)

    def _quick(self, changed: set[Path]) -> bool:
        state = self.state
        if state is None or len(changed) != 1:
            return False
        start = time.monotonic()
        path = next(iter(changed))
        diags = Diagnostics(self.root)
        rel = diags.rel(path)
        folder = page_folder(rel)
        if folder is None or not path.is_file():
            return False
        field = PAGE_FOLDERS[folder][2]
        pages: list[Page] = getattr(state.content, field)
        index = next((i for i, p in enumerate(pages) if p.rel == rel), None)
        if index is None:
            return False
        page = recheck_page(state.content, path, diags)
        if diags.errors or page is None:
            report(diags, self.stream)
            print(f"phobien serve: {rel} was not updated: {diags.summary()}", file=self.stream)
            return True
        if page.meta.aliases != pages[index].meta.aliases:
            return False  # addresses change: short links and redirects need the full build
        content = copy.copy(state.content)
        setattr(content, field, [page if i == index else p for i, p in enumerate(pages)])
        staged = _stage_one(content, state, page, field)
        lang_pages = state.staged.get(page.lang, [])
        if staged is None or not any(p.path == staged.path for p in lang_pages):
            return False
        job = replace(state.jobs[page.lang], out_dir=self.out / page.lang)
        meta = page_meta(content, state.staged, page.lang, state.options, only=[staged])
        engine = get_engine(job.engine)
        engine.write_stage(job, [staged], meta)
        result = engine.render(job, dirty=True)
        if result.error:
            print(result.error, file=self.stream)
            return False
        report(diags, self.stream)
        state.content = content
        state.staged[page.lang] = [staged if p.path == staged.path else p for p in lang_pages]
        took = time.monotonic() - start
        print(f"phobien serve: {page.lang}/{staged.path} updated in {took:.1f} s", file=self.stream)
        return True
