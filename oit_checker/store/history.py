"""Run history: every report kept in one SQLite file, listed per site, compared with the last.

Each operation opens its own short connection, so cron jobs and a person at the terminal can use
the same file at once (SQLite serialises the writers; ``timeout`` waits for the lock).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import user_data_dir
from pydantic import ValidationError

from oit_checker.errors import UsageError
from oit_checker.models import Report

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    site_key      TEXT NOT NULL,
    site          TEXT NOT NULL,
    pack_id       TEXT NOT NULL,
    pack_year     INTEGER NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    score         REAL,
    counts        TEXT NOT NULL,
    partial       INTEGER NOT NULL,
    schema_version TEXT NOT NULL,
    tool_version  TEXT NOT NULL,
    report        BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_site ON runs (site_key, started_at);
"""


def default_history_path() -> Path:
    """``history.sqlite3`` in the user's data folder (e.g. ~/.local/share/oit-checker)."""
    return Path(user_data_dir("oit-checker", appauthor=False)) / "history.sqlite3"


def site_key(site: str) -> str:
    """What identifies a site across runs: host without ``www.``, lower case, plus any path.

    ``https://www.abc.go.th/``, ``http://abc.go.th`` and ``ABC.go.th`` are the same site.
    """
    text = site.strip()
    parts = urlsplit(text if "://" in text else "http://" + text)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    return f"{host}{port}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class RunSummary:
    """One stored run, without its items."""

    id: int
    site: str
    pack: str
    pack_year: int
    started: datetime
    finished: datetime
    score: float | None
    counts: dict[str, int] = field(default_factory=dict)
    partial: bool = False


class History:
    """The SQLite file of past runs."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_history_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > _SCHEMA_VERSION:
                    raise UsageError(
                        f"{self.path}: the history file was written by a newer oit-checker"
                        f" (format {version}); upgrade oit-checker or use another --history file"
                    )
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{self.path}: not a usable history file ({exc})") from exc
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot open the history file ({exc})") from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def add(self, report: Report) -> int:
        """Store a run; return its id."""
        blob = zlib.compress(report.model_dump_json().encode("utf-8"), 6)
        counts = _counts(report)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO runs (site_key, site, pack_id, pack_year, started_at, finished_at,"
                " score, counts, partial, schema_version, tool_version, report)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    site_key(report.site),
                    report.site,
                    report.pack.id,
                    report.pack.year,
                    _when(report.started_at),
                    _when(report.finished_at),
                    report.summary.score,
                    json.dumps(counts),
                    int(report.partial),
                    report.schema_version,
                    report.tool_version,
                    blob,
                ),
            )
            run_id = cursor.lastrowid
        assert run_id is not None
        return run_id

    def list(self, site: str | None = None, limit: int = 50) -> list[RunSummary]:
        """Newest runs first, of one site (any spelling of its URL) or of all sites."""
        query = (
            "SELECT id, site, pack_id, pack_year, started_at, finished_at, score, counts, partial"
            " FROM runs"
        )
        args: tuple[object, ...] = ()
        if site is not None:
            query += " WHERE site_key = ?"
            args = (site_key(site),)
        query += " ORDER BY started_at DESC, id DESC LIMIT ?"
        with self._connect() as db:
            rows = db.execute(query, (*args, max(limit, 0))).fetchall()
        return [
            RunSummary(
                id=row[0],
                site=row[1],
                pack=row[2],
                pack_year=row[3],
                started=datetime.fromisoformat(row[4]),
                finished=datetime.fromisoformat(row[5]),
                score=row[6],
                counts=json.loads(row[7]),
                partial=bool(row[8]),
            )
            for row in rows
        ]

    def get(self, run_id: int) -> Report:
        """The full report of a run; UsageError if there is no such run."""
        with self._connect() as db:
            row = db.execute("SELECT report FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise UsageError(f"no run {run_id} in the history file {self.path}")
        try:
            return Report.model_validate_json(zlib.decompress(row[0]))
        except (zlib.error, ValidationError) as exc:
            raise UsageError(
                f"run {run_id} in {self.path} cannot be read by this oit-checker version: {exc}"
            ) from exc

    def last(self, site: str, before: int | None = None, pack: str | None = None) -> Report | None:
        """The latest run of ``site`` (optionally of one rule pack), or the latest run before run
        ``before`` — the one to compare a new run with. None if there is none."""
        query = "SELECT id FROM runs WHERE site_key = ?"
        args: list[object] = [site_key(site)]
        if pack is not None:
            query += " AND pack_id = ?"
            args.append(pack)
        if before is not None:
            with self._connect() as db:
                ref = db.execute("SELECT started_at FROM runs WHERE id = ?", (before,)).fetchone()
            if ref is None:
                raise UsageError(f"no run {before} in the history file {self.path}")
            query += " AND (started_at < ? OR (started_at = ? AND id < ?))"
            args += [ref[0], ref[0], before]
        query += " ORDER BY started_at DESC, id DESC LIMIT 1"
        with self._connect() as db:
            row = db.execute(query, args).fetchone()
        return None if row is None else self.get(row[0])


def _counts(report: Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in report.items:
        counts[item.verdict.value] = counts.get(item.verdict.value, 0) + 1
    return counts


def _when(moment: datetime) -> str:
    """ISO text that sorts in time order: aware times in UTC, naive ones as written."""
    return (moment.astimezone(UTC) if moment.tzinfo else moment).isoformat()
