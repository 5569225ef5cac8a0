"""The batch over several processes, so that a local batch uses every core.

Reading pages, matching and writing reports cost CPU (about 0.4 s per site), so one event loop
keeps one core busy and the rest idle. The parent splits the agencies that have no result yet
(:func:`oit_checker.batch.partition.partition`: every host in one process only) and starts one
child per share with the ``spawn`` start method (a fork would copy the parent's threads and
locks). Each child runs :class:`oit_checker.batch.runner.BatchLoop` over its share with its part
of ``--parallel`` and stores each result in the shared ``batch.sqlite3`` after the site's files
(WAL journal, busy timeout and ``BEGIN IMMEDIATE`` make the concurrent writers safe; a site
belongs to one child only, and the result row is keyed by site id anyway).

Each child talks to the parent over its own pipe: started / finished / abandoned events for the
progress display, one way; a stop request, the other. The pipe is also the child's lifeline: a
parent that dies (even by ``kill -9``) closes its end, the child reads end-of-file, cancels its
sites and exits within :data:`STOP_GRACE_S` — cancelled sites store nothing, so a rerun does
them, and no orphan scans alongside it. Ctrl-C reaches only the parent (children ignore
SIGINT), which asks every child to stop the same way. A child that crashes closes its pipe
too: the parent notes it, lets the others finish and reports the agencies left without a
result; the batch then ends "incomplete" and a rerun does them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from oit_checker.batch.agencies import Agency
from oit_checker.batch.partition import partition, split_parallel
from oit_checker.batch.progress import BatchProgress
from oit_checker.batch.runner import BatchLoop, run_local
from oit_checker.batch.site import SiteSettings
from oit_checker.batch.state import BatchState, SiteResult
from oit_checker.logs import setup_from_environment

STOP_GRACE_S = 1.5
"""A child told to stop (or orphaned) gives its cancelled sites this long, then exits anyway."""
_REAP_S = 5.0
"""The parent waits this long for stopping children before it kills them."""
_EXIT_FAILED = 1
_EXIT_STOPPED = 3


def run_batch(
    agencies: Sequence[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    parallel: int,
    processes: int,
    progress: BatchProgress,
) -> list[str]:
    """Scan the agencies without a result in up to ``processes`` processes; ``processes`` 1 (or
    one share of work) runs in this process. Returns a line per child that ended badly (its
    agencies are left without a result); KeyboardInterrupt stops every child and is re-raised."""
    finished = state.finished_ids()
    todo = [a for a in agencies if a.site_id not in finished]
    shares = partition(todo, min(processes, parallel, len(todo))) if processes > 1 else []
    if len(shares) <= 1:
        run_local(agencies, state, settings, output, parallel, progress)
        return []
    return _Parent(shares, state.path, settings, output, parallel, progress).run()


@dataclass
class _Child:
    index: int
    process: BaseProcess
    conn: Connection
    share: dict[str, Agency]
    running: set[str] = field(default_factory=set)
    error: str = ""
    open: bool = True


class _Parent:
    def __init__(
        self,
        shares: list[list[Agency]],
        state_path: Path,
        settings: SiteSettings,
        output: Path,
        parallel: int,
        progress: BatchProgress,
    ) -> None:
        self._shares = shares
        self._state_path = state_path
        self._settings = settings
        self._output = output
        self._limits = split_parallel(parallel, len(shares))
        self._progress = progress
        self._children: list[_Child] = []

    def run(self) -> list[str]:
        try:
            self._start()
            try:
                self._collect(deadline=None)
            except KeyboardInterrupt:
                for child in self._children:
                    with suppress(OSError):
                        child.conn.send(("stop",))
                self._collect(deadline=time.monotonic() + _REAP_S)
                raise
        finally:
            self._reap()
        return [line for child in self._children for line in self._problems(child)]

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        for index, (share, limit) in enumerate(zip(self._shares, self._limits, strict=True)):
            ours, theirs = context.Pipe(duplex=True)
            process = context.Process(
                target=_child_main,
                args=(share, str(self._state_path), self._settings, str(self._output), limit),
                kwargs={"conn": theirs},
                name=f"oit-batch-{index + 1}",
                daemon=False,  # it starts worker processes of its own (the reading pool)
            )
            child = _Child(index + 1, process, ours, {a.site_id: a for a in share})
            self._children.append(child)
            process.start()
            theirs.close()  # the child holds the only other end: its end-of-file is our death

    def _collect(self, deadline: float | None) -> None:
        """Apply the children's events until every pipe is closed (or the deadline passes)."""
        while True:
            pipes = {child.conn: child for child in self._children if child.open}
            if not pipes:
                return
            timeout = None if deadline is None else deadline - time.monotonic()
            if timeout is not None and timeout <= 0:
                return
            for conn in wait(list(pipes), timeout):
                assert isinstance(conn, Connection)
                child = pipes[conn]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    self._closed(child)
                else:
                    self._apply(child, message)

    def _apply(self, child: _Child, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "error":
            child.error = str(message[1])
            return
        agency = child.share.get(str(message[1]))
        if agency is None:
            return
        if kind == "started":
            child.running.add(agency.site_id)
            self._progress.site_started(agency)
        elif kind == "finished" and isinstance(message[2], SiteResult):
            child.running.discard(agency.site_id)
            self._progress.site_finished(agency, message[2])
        elif kind == "abandoned":
            child.running.discard(agency.site_id)
            self._progress.site_abandoned(agency)

    def _closed(self, child: _Child) -> None:
        child.open = False
        for site_id in sorted(child.running):  # the child died with these sites unfinished
            self._progress.site_abandoned(child.share[site_id])
        child.running.clear()

    def _reap(self) -> None:
        """Close every pipe (a child still running then stops), wait, kill what is left."""
        for child in self._children:
            child.conn.close()
        deadline = time.monotonic() + _REAP_S
        for child in self._children:
            if child.process.pid is None:  # never started
                continue
            child.process.join(max(0.0, deadline - time.monotonic()))
            if child.process.exitcode is None:
                child.process.kill()
                child.process.join()

    def _problems(self, child: _Child) -> list[str]:
        code = child.process.exitcode
        if code == 0:
            return []
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        line = (
            f"กระบวนการตรวจ {child.index} หยุดผิดปกติ / batch process {child.index}"
            f" (pid {child.process.pid}) ended with {how}"
        )
        if child.error:
            line += f": {child.error.strip().splitlines()[-1]}"
        return [line]


class _PipeProgress(BatchProgress):
    """A child's progress: each event goes to the parent, which shows it."""

    def __init__(self, conn: Connection, total: int) -> None:
        super().__init__(total)
        self._conn = conn

    def site_started(self, agency: Agency) -> None:
        self._send("started", agency.site_id)

    def site_finished(self, agency: Agency, result: SiteResult) -> None:
        self._send("finished", agency.site_id, result)

    def site_abandoned(self, agency: Agency) -> None:
        self._send("abandoned", agency.site_id)

    def _send(self, *message: object) -> None:
        with suppress(OSError):  # the parent is gone: the child is stopping anyway
            self._conn.send(message)


def _child_main(
    share: list[Agency],
    state_path: str,
    settings: SiteSettings,
    output: str,
    parallel: int,
    *,
    conn: Connection,
) -> None:
    """One batch process: scan ``share`` until done, or until the parent stops or dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    setup_from_environment()
    try:
        state = BatchState(Path(state_path))
        progress = _PipeProgress(conn, len(share))
        worker = f"{socket.gethostname()}:{os.getpid()}"
        batch = BatchLoop(share, state, settings, Path(output), parallel, progress, worker)
        batch.start()
        if _parent_stopped_us(batch, conn):
            batch.cancel()
            batch.join(STOP_GRACE_S)
            if batch.is_alive():
                # Busy in a long synchronous step (reading a big document): leave now. Its
                # site stored nothing, or its whole result (one transaction, after its files).
                os._exit(_EXIT_STOPPED)
            state.close()
            sys.exit(_EXIT_STOPPED)
        batch.raise_error()
        state.close()
    except Exception:
        with suppress(OSError):
            conn.send(("error", traceback.format_exc()))
        sys.exit(_EXIT_FAILED)


def _parent_stopped_us(batch: BatchLoop, conn: Connection) -> bool:
    """Wait for the batch; True when a stop request or end-of-file (parent gone) came first."""
    while batch.is_alive():
        try:
            if conn.poll(0.2):
                return True
        except OSError:
            return True
    return False
