"""The batch's own state in SQLite (``OUTPUT/batch.sqlite3``): which agencies are listed, which
are running, and one result row per agency.

The result row is the commit point. It is written in one transaction after the agency's report
files are in place, and keyed by ``site_id`` with ``ON CONFLICT DO NOTHING``: a site redone after
a crash or a redelivered Celery job can never get a second row. After ``kill -9`` the rows still
marked ``running`` had no result and simply run again.

Several batch processes write to the same file at once (``--processes``): each opens its own
connection; the WAL journal lets readers go on while one writes, every write is a short
``BEGIN IMMEDIATE`` transaction, and the busy timeout (30 s) makes a writer wait its turn
instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from oit_checker.batch.agencies import Agency

STATE_FILE = "batch.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (
    site_id TEXT PRIMARY KEY,
    row INTEGER NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    agency_type TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    pack TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);
CREATE TABLE IF NOT EXISTS results (
    site_id TEXT PRIMARY KEY REFERENCES sites(site_id),
    outcome TEXT NOT NULL,
    score REAL,
    counts TEXT NOT NULL DEFAULT '{}',
    reason TEXT NOT NULL DEFAULT '',
    failing TEXT NOT NULL DEFAULT '[]',
    pack_id TEXT NOT NULL DEFAULT '',
    report_dir TEXT NOT NULL DEFAULT '',
    duration_s REAL NOT NULL DEFAULT 0,
    worker TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL
);
"""


@dataclass
class SiteResult:
    """What the batch keeps of one agency's scan (the full report is in its folder).

    ``outcome``: ``assessed``; ``could_not_assess`` (site unreachable/blocked: a reason, never
    "missing"); ``error`` (the scan itself failed or ran out of its time budget).
    """

    site_id: str
    outcome: str
    score: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = ""
    failing: list[tuple[str, str]] = field(default_factory=list)
    """(item id, Thai title) of each failed item."""
    pack_id: str = ""
    report_dir: str = ""
    duration_s: float = 0.0
    worker: str = ""


@dataclass
class Row:
    """An agency with its result, if any (for the summary)."""

    agency: Agency
    status: str
    result: SiteResult | None


class BatchState:
    """Thread-safe access to ``batch.sqlite3`` (one connection, one lock); one instance per
    process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def batch_id(self) -> str:
        """A random id made on first use and kept: it names this batch's Celery tasks."""
        with self._tx() as db:
            row = db.execute("SELECT value FROM meta WHERE key='batch_id'").fetchone()
            if row:
                return str(row[0])
            value = uuid.uuid4().hex[:12]
            db.execute("INSERT INTO meta(key, value) VALUES ('batch_id', ?)", (value,))
            return value

    def sync(self, agencies: Iterable[Agency]) -> None:
        """Register the agencies (known ones are kept) and make interrupted ones pending."""
        with self._tx() as db:
            db.executemany(
                "INSERT OR IGNORE INTO sites(site_id, row, name, url, agency_type, province, pack)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.site_id, a.row, a.name, a.url, a.agency_type, a.province, a.pack)
                    for a in agencies
                ],
            )
            db.execute(
                "UPDATE sites SET status='pending' WHERE status IN ('running', 'queued')"
                " AND site_id NOT IN (SELECT site_id FROM results)"
            )

    def finished_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT site_id FROM results")}

    def retry_errors(self) -> int:
        """Forget the results of agencies whose scan failed (``--retry-failed``)."""
        with self._tx() as db:
            ids = [r[0] for r in db.execute("SELECT site_id FROM results WHERE outcome='error'")]
            db.executemany("DELETE FROM results WHERE site_id=?", [(i,) for i in ids])
            db.executemany("UPDATE sites SET status='pending' WHERE site_id=?", [(i,) for i in ids])
            return len(ids)

    def mark(self, site_id: str, status: str) -> None:
        """``running`` (local) or ``queued`` (Celery); counts an attempt."""
        with self._tx() as db:
            db.execute(
                "UPDATE sites SET status=?, attempts=attempts+1, updated_at=? WHERE site_id=?"
                " AND site_id NOT IN (SELECT site_id FROM results)",
                (status, _now(), site_id),
            )

    def record(self, result: SiteResult) -> bool:
        """Store the result unless the site has one already; True when this call stored it."""
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO results(site_id, outcome, score, counts, reason, failing, pack_id,"
                " report_dir, duration_s, worker, finished_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(site_id) DO NOTHING",
                (
                    result.site_id,
                    result.outcome,
                    result.score,
                    json.dumps(result.counts),
                    result.reason,
                    json.dumps(result.failing, ensure_ascii=False),
                    result.pack_id,
                    result.report_dir,
                    result.duration_s,
                    result.worker,
                    _now(),
                ),
            )
            stored = cursor.rowcount == 1
            db.execute(
                "UPDATE sites SET status='done', updated_at=? WHERE site_id=?",
                (_now(), result.site_id),
            )
            return stored

    def rows(self, agencies: Iterable[Agency]) -> list[Row]:
        """The agencies in list order with their status and result."""
        with self._lock:
            status = dict(self._db.execute("SELECT site_id, status FROM sites").fetchall())
            results = {
                r[0]: SiteResult(
                    site_id=r[0],
                    outcome=r[1],
                    score=r[2],
                    counts=json.loads(r[3]),
                    reason=r[4],
                    failing=[(a, b) for a, b in json.loads(r[5])],
                    pack_id=r[6],
                    report_dir=r[7],
                    duration_s=r[8],
                    worker=r[9],
                )
                for r in self._db.execute(
                    "SELECT site_id, outcome, score, counts, reason, failing, pack_id, report_dir,"
                    " duration_s, worker FROM results"
                )
            }
        return [
            Row(agency=a, status=status.get(a.site_id, "pending"), result=results.get(a.site_id))
            for a in agencies
        ]

    def result_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
