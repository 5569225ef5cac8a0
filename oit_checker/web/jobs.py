"""The web server's jobs (scans, audits, batches) in the same SQLite file as the run history.

A job row says what was asked (kind, site, year, uploaded file), where it is (status and the
last progress seen) and, once done, which history run holds its report. The CLI's ``history``
and ``diff`` read the runs; this table only adds what a browser needs to follow a job.

Statuses: ``queued`` → ``running`` → ``done`` | ``failed`` | ``cancelled``; a job that was
running when the server stopped becomes ``interrupted`` at the next start (it can be run again).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_jobs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    site        TEXT NOT NULL,
    year        INTEGER,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    progress    TEXT NOT NULL DEFAULT '{}',
    run_id      INTEGER,
    error       TEXT NOT NULL DEFAULT '',
    input       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS web_jobs_status ON web_jobs (status, id);
"""


class JobKind(StrEnum):
    SCAN = "scan"
    AUDIT = "audit"
    BATCH = "batch"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"

    @property
    def finished(self) -> bool:
        return self not in (JobStatus.QUEUED, JobStatus.RUNNING)


@dataclass(frozen=True)
class Job:
    id: int
    kind: JobKind
    site: str
    year: int | None
    status: JobStatus
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    progress: dict[str, Any] = field(default_factory=dict)
    run_id: int | None = None
    error: str = ""
    input: dict[str, Any] = field(default_factory=dict)
    """What the job needs besides site and year: the uploaded file's path, a batch's folder."""


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_COLUMNS = (
    "id, kind, site, year, status, created_at, started_at, finished_at, progress, run_id,"
    " error, input"
)


def _job(row: tuple[Any, ...]) -> Job:
    return Job(
        id=row[0],
        kind=JobKind(row[1]),
        site=row[2],
        year=row[3],
        status=JobStatus(row[4]),
        created_at=datetime.fromisoformat(row[5]),
        started_at=_when(row[6]),
        finished_at=_when(row[7]),
        progress=json.loads(row[8] or "{}"),
        run_id=row[9],
        error=row[10] or "",
        input=json.loads(row[11] or "{}"),
    )


class JobStore:
    """The ``web_jobs`` table. Every call opens its own short connection (threads share it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def add(
        self, kind: JobKind, site: str, year: int | None, input: dict[str, Any] | None = None
    ) -> int:
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO web_jobs (kind, site, year, status, created_at, input)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kind.value, site, year, JobStatus.QUEUED.value, _now(), json.dumps(input or {})),
            )
            job_id = cursor.lastrowid
        assert job_id is not None
        return job_id

    def get(self, job_id: int) -> Job | None:
        with self._connect() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM web_jobs WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else _job(row)

    def recent(self, limit: int = 30, kind: JobKind | None = None) -> list[Job]:
        query = f"SELECT {_COLUMNS} FROM web_jobs"
        args: list[object] = []
        if kind is not None:
            query += " WHERE kind = ?"
            args.append(kind.value)
        query += " ORDER BY id DESC LIMIT ?"
        with self._connect() as db:
            rows = db.execute(query, (*args, limit)).fetchall()
        return [_job(row) for row in rows]

    def with_status(self, status: JobStatus) -> list[Job]:
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM web_jobs WHERE status = ? ORDER BY id", (status.value,)
            ).fetchall()
        return [_job(row) for row in rows]

    def by_run(self, run_id: int) -> Job | None:
        with self._connect() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM web_jobs WHERE run_id = ?", (run_id,)
            ).fetchone()
        return None if row is None else _job(row)

    def start(self, job_id: int) -> bool:
        """Mark a queued job running; False when it is no longer queued (cancelled meanwhile)."""
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE web_jobs SET status = ?, started_at = ?, progress = '{}', error = ''"
                " WHERE id = ? AND status = ?",
                (JobStatus.RUNNING.value, _now(), job_id, JobStatus.QUEUED.value),
            )
            return cursor.rowcount == 1

    def set_progress(self, job_id: int, progress: dict[str, Any]) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE web_jobs SET progress = ? WHERE id = ?",
                (json.dumps(progress, ensure_ascii=False), job_id),
            )

    def finish(
        self,
        job_id: int,
        status: JobStatus,
        *,
        run_id: int | None = None,
        error: str = "",
        progress: dict[str, Any] | None = None,
    ) -> None:
        sets = "status = ?, finished_at = ?, run_id = COALESCE(?, run_id), error = ?"
        args: list[object] = [status.value, _now(), run_id, error]
        if progress is not None:
            sets += ", progress = ?"
            args.append(json.dumps(progress, ensure_ascii=False))
        with self._connect() as db:
            db.execute(f"UPDATE web_jobs SET {sets} WHERE id = ?", (*args, job_id))

    def cancel_queued(self, job_id: int) -> bool:
        """Cancel a job that has not started; False when it is not queued."""
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE web_jobs SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
                (JobStatus.CANCELLED.value, _now(), job_id, JobStatus.QUEUED.value),
            )
            return cursor.rowcount == 1

    def recover(self) -> list[int]:
        """At start: jobs left running by a stopped server become interrupted; return the
        queued jobs, oldest first, to run."""
        with self._connect() as db:
            db.execute(
                "UPDATE web_jobs SET status = ?, finished_at = ?,"
                " error = 'server stopped during the job' WHERE status = ?",
                (JobStatus.INTERRUPTED.value, _now(), JobStatus.RUNNING.value),
            )
        return [job.id for job in self.with_status(JobStatus.QUEUED)]
