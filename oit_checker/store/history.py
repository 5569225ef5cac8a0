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

_SCHEMA_VERSION = 2
"""1: the first format. 2: ``mode`` added (scan, demo, audit); rows of a format-1 file are scans."""
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
    report        BLOB NOT NULL,
    mode          TEXT NOT NULL DEFAULT 'scan'
);
"""
_ADD_MODE = "ALTER TABLE runs ADD COLUMN mode TEXT NOT NULL DEFAULT 'scan'"
"""Format 1 → 2. Rows get the mode their stored report names (``settings.mode``, which every
audit report has); ``scan`` when it names none or cannot be read."""
_INDEXES = """
CREATE INDEX IF NOT EXISTS runs_site ON runs (site_key, started_at);
CREATE INDEX IF NOT EXISTS runs_site_mode ON runs (site_key, mode, started_at);
"""


def default_history_path() -> Path:
    """``history.sqlite3`` in the user's data folder (e.g. ~/.local/share/oit-checker)."""
    return Path(user_data_dir("oit-checker", appauthor=False)) / "history.sqlite3"


def run_mode(report: Report) -> str:
    """How ``report`` was made (``settings.mode``; reports from before it was recorded: scan)."""
    return str(report.settings.get("mode") or "scan")


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
    mode: str = "scan"


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
                _migrate(db)
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
                " score, counts, partial, schema_version, tool_version, report, mode)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    run_mode(report),
                ),
            )
            run_id = cursor.lastrowid
        assert run_id is not None
        return run_id

    def list(
        self, site: str | None = None, limit: int = 50, mode: str | None = None
    ) -> list[RunSummary]:
        """Newest runs first, of one site (any spelling of its URL) or of all sites, of one mode
        (scan, demo, audit) or of all."""
        query = (
            "SELECT id, site, pack_id, pack_year, started_at, finished_at, score, counts, partial,"
            " mode FROM runs WHERE 1"
        )
        args: list[object] = []
        if site is not None:
            query += " AND site_key = ?"
            args.append(site_key(site))
        if mode is not None:
            query += " AND mode = ?"
            args.append(mode)
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
                mode=row[9],
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

    def last(
        self,
        site: str,
        before: int | None = None,
        pack: str | None = None,
        mode: str | None = None,
        started_before: datetime | None = None,
    ) -> Report | None:
        """The latest run of ``site`` (optionally of one rule pack, of one mode), or the latest
        run before run ``before`` or started before ``started_before`` — the one to compare a
        new run with. None if there is none.

        A new run is compared with the last one of its own mode: an audit judges only the URLs
        an agency submitted, a scan the whole site, so a diff between them reports scope, not
        change."""
        query = "SELECT id FROM runs WHERE site_key = ?"
        args: list[object] = [site_key(site)]
        if pack is not None:
            query += " AND pack_id = ?"
            args.append(pack)
        if mode is not None:
            query += " AND mode = ?"
            args.append(mode)
        if before is not None:
            with self._connect() as db:
                ref = db.execute("SELECT started_at FROM runs WHERE id = ?", (before,)).fetchone()
            if ref is None:
                raise UsageError(f"no run {before} in the history file {self.path}")
            query += " AND (started_at < ? OR (started_at = ? AND id < ?))"
            args += [ref[0], ref[0], before]
        if started_before is not None:
            query += " AND started_at < ?"
            args.append(_when(started_before))
        query += " ORDER BY started_at DESC, id DESC LIMIT 1"
        with self._connect() as db:
            row = db.execute(query, args).fetchone()
        return None if row is None else self.get(row[0])


def _migrate(db: sqlite3.Connection) -> None:
    """Create the table, or bring an older file's table up to this format."""
    db.executescript(_SCHEMA)
    if not _has_mode(db):
        db.execute("BEGIN IMMEDIATE")  # one upgrader at a time; all of it or nothing
        if not _has_mode(db):  # else another process upgraded the file meanwhile
            db.execute(_ADD_MODE)
            _fill_modes(db)
        db.commit()
    db.executescript(_INDEXES)


def _fill_modes(db: sqlite3.Connection) -> None:
    """Give the rows of a format-1 file the mode their stored reports name."""
    ids = [row[0] for row in db.execute("SELECT id FROM runs")]
    for run_id in ids:  # one report in memory at a time
        (blob,) = db.execute("SELECT report FROM runs WHERE id = ?", (run_id,)).fetchone()
        try:
            settings = json.loads(zlib.decompress(blob)).get("settings") or {}
        except (zlib.error, ValueError, AttributeError):
            continue
        mode = settings.get("mode") if isinstance(settings, dict) else None
        if isinstance(mode, str) and mode and mode != "scan":
            db.execute("UPDATE runs SET mode = ? WHERE id = ?", (mode, run_id))


def _has_mode(db: sqlite3.Connection) -> bool:
    return any(row[1] == "mode" for row in db.execute("PRAGMA table_info(runs)"))


def _counts(report: Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in report.items:
        counts[item.verdict.value] = counts.get(item.verdict.value, 0) + 1
    return counts


def _when(moment: datetime) -> str:
    """ISO text that sorts in time order: aware times in UTC, naive ones as written."""
    return (moment.astimezone(UTC) if moment.tzinfo else moment).isoformat()
