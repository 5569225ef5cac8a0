"""Resumability: a batch killed with SIGKILL mid-run continues where it stopped; every agency
ends with exactly one result and agencies finished before the kill are not fetched again."""

from __future__ import annotations

import csv
import io
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from oit_checker.batch.summary import SUMMARY_CSV
from oit_checker.fixture_server import FixtureServer

from .conftest import CLI, FAST, LIGHT, ROOT, cli_env, result_count, run_cli, slow_agencies


@pytest.mark.parametrize("demo_servers", [4], indirect=True)
def test_sigkill_then_rerun(tmp_path: Path, demo_servers: list[FixtureServer]) -> None:
    agencies = slow_agencies(tmp_path / "agencies.csv", demo_servers)
    out = tmp_path / "out"
    db = out / "batch.sqlite3"
    args = ["batch", str(agencies), "-o", str(out), "-j", "1", *FAST, *LIGHT]
    proc = subprocess.Popen([*CLI, *args], cwd=ROOT, env=cli_env(), stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while result_count(db) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    finished_before = result_count(db)
    assert 1 <= finished_before < 4
    with sqlite3.connect(db) as conn:
        done_ids = {r[0] for r in conn.execute("SELECT site_id FROM results")}
        running = conn.execute("SELECT COUNT(*) FROM sites WHERE status='running'").fetchone()
    assert running[0] <= 1  # the one being scanned when killed: no result, runs again
    hits_before = [s.total_hits for s in demo_servers]

    rerun = run_cli(*args)
    assert rerun.returncode == 0, rerun.stderr

    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT site_id FROM results")]
        outcomes = {r[0] for r in conn.execute("SELECT outcome FROM results")}
    assert len(ids) == len(set(ids)) == 4 and outcomes == {"assessed"}
    rows = list(csv.DictReader(io.StringIO((out / SUMMARY_CSV).read_text("utf-8-sig"))))
    assert sorted(r["site_id"] for r in rows) == sorted(ids)
    assert all(r["status"] == "done" for r in rows)
    # Agencies finished before the kill were not fetched again.
    for server, before in zip(demo_servers, hits_before, strict=True):
        site_done = any(i.startswith(f"127-0-0-{server.host.rsplit('.', 1)[1]}-") for i in done_ids)
        if site_done:
            assert server.total_hits == before
        else:
            assert server.total_hits > before
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(ids)
