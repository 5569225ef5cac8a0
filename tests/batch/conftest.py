"""Fixture sites for batch tests: the demo site served on several loopback addresses, so each
agency is its own host (127.0.0.2, 127.0.0.3, …) as real agencies are."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from oit_checker.fixture_server import FixtureServer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "sites" / "demo"
CLI = [sys.executable, "-m", "oit_checker"]
FAST = ["--interval", "0", "--no-ocr", "--timeout", "5", "--max-time", "120", "-q"]
LIGHT = ["--max-documents", "4", "--per-host", "1"]


@pytest.fixture
def demo_servers(request: pytest.FixtureRequest) -> Iterator[list[FixtureServer]]:
    """``request.param`` (default 3) demo sites on 127.0.0.2, 127.0.0.3, …"""
    count = getattr(request, "param", 3)
    servers = [FixtureServer(DEMO, host=f"127.0.0.{i + 2}").start() for i in range(count)]
    try:
        yield servers
    finally:
        for server in servers:
            server.stop()


def write_agencies(path: Path, rows: Sequence[tuple[str, str]], extra: str = "") -> Path:
    lines = ["name,url,type,province"] + [f"{name},{url},อบต.,เชียงใหม่" for name, url in rows]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8-sig")
    return path


def slow_agencies(path: Path, servers: Sequence[FixtureServer], latency_s: float = 0.03) -> Path:
    """An agency list of ``servers``, each made to wait ``latency_s`` on every request so that
    every agency takes a few seconds (long enough to stop a batch in the middle)."""
    for server in servers:
        server.latency_s = latency_s
    return write_agencies(path, [(f"อบต.{i}", s.url) for i, s in enumerate(servers)])


def result_count(db: Path) -> int:
    """Result rows in a batch state file (0 before the file or its table exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM results").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def wait_for(condition: Callable[[], object], timeout: float) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("NO_COLOR", None)
    return env


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=cli_env(),
        timeout=timeout,
        check=False,
    )
