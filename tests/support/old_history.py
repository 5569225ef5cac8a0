"""History files as oit-checker wrote them before runs had a mode (file format 1), for the
tests that check such a file still opens, lists and is upgraded."""

from __future__ import annotations

import json
import sqlite3
import zlib
from contextlib import closing
from pathlib import Path

from oit_checker.models import Report
from oit_checker.store.history import site_key

FORMAT_1 = """
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
PRAGMA user_version = 1;
"""
"""The schema of format 1, exactly as the older version created it."""


def write_format_1(path: Path, runs: list[tuple[Report, bytes | None]]) -> Path:
    """A format-1 history file holding ``runs``: (report, stored blob; None for the report
    compressed as the older version stored it). Counts are stored as ``{"pass": 3}``."""
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript(FORMAT_1)
        for report, blob in runs:
            db.execute(
                "INSERT INTO runs (site_key, site, pack_id, pack_year, started_at, finished_at,"
                " score, counts, partial, schema_version, tool_version, report)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    site_key(report.site),
                    report.site,
                    report.pack.id,
                    report.pack.year,
                    report.started_at.isoformat(),
                    report.finished_at.isoformat(),
                    report.summary.score,
                    json.dumps({"pass": 3}),
                    0,
                    report.schema_version,
                    report.tool_version,
                    blob if blob is not None else zlib.compress(report.model_dump_json().encode()),
                ),
            )
    return path
