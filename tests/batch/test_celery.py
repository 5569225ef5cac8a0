"""Scale-out for real: a Redis server on loopback, two Celery worker processes, one killed
with SIGKILL in the middle of a job; every agency still ends with exactly one result."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker.fixture_server import FixtureServer

from .conftest import CLI, FAST, ROOT, cli_env, slow_agencies, wait_for

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server is not installed (Debian package redis-server;"
    " scripts/install-system-deps.sh installs it)",
)
redis = pytest.importorskip("redis", reason="celery[redis] is not installed (extra 'scale')")

VISIBILITY_S = 5
_RECEIVED = re.compile(r"Task oit_checker\.batch\.scan_site\[(oit-[0-9a-f]+-[^\]]+)\] received")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        proc.terminate()
        proc.wait(10)


def _worker(url: str, log: Path) -> subprocess.Popen[bytes]:
    env = cli_env()
    env["OIT_VISIBILITY_TIMEOUT"] = str(VISIBILITY_S)
    with log.open("wb") as out:
        return subprocess.Popen(
            [
                *CLI,
                "worker",
                "--broker",
                url,
                "--pool",
                "solo",
                "--concurrency",
                "1",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@pytest.mark.parametrize("demo_servers", [4], indirect=True)
def test_worker_killed_mid_job(
    tmp_path: Path, redis_url: str, demo_servers: list[FixtureServer]
) -> None:
    agencies = slow_agencies(tmp_path / "agencies.csv", demo_servers)
    out = tmp_path / "out"
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = [_worker(redis_url, log) for log in logs]
    collector = None
    try:
        assert wait_for(lambda: all("ready" in log.read_text(errors="replace") for log in logs), 60)
        collector = subprocess.Popen(
            [
                *CLI,
                "batch",
                str(agencies),
                "-o",
                str(out),
                "--celery",
                redis_url,
                "--celery-timeout",
                "90",
                *FAST,
                "--max-documents",
                "4",
                "--per-host",
                "1",
            ],
            cwd=ROOT,
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # Kill worker A as soon as it has taken a job.
        assert wait_for(lambda: _RECEIVED.search(logs[0].read_text(errors="replace")), 60)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(10)
        text = logs[0].read_text(errors="replace")
        match = _RECEIVED.search(text)
        assert match is not None
        killed_task = match.group(1)
        assert f"scan_site[{killed_task}] succeeded" not in text, "job finished before the kill"

        _, err = collector.communicate(timeout=120)
        assert collector.returncode == 0, err.decode(errors="replace")
    finally:
        for proc in (*workers, collector):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(10)

    with sqlite3.connect(out / "batch.sqlite3") as conn:
        rows = conn.execute("SELECT site_id, outcome, worker FROM results").fetchall()
        sites = [r[0] for r in conn.execute("SELECT site_id FROM sites")]
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)) == len(sites) == 4
    assert {r[1] for r in rows} == {"assessed"}
    by_site = {r[0]: r[2] for r in rows}
    killed_site = next(s for s in sites if killed_task.endswith(s))
    assert by_site[killed_site].endswith(f":{workers[1].pid}")  # redone by worker B
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(ids)
    log_b = logs[1].read_text(errors="replace")
    assert f"scan_site[{killed_task}] succeeded" in log_b


def test_worker_rejects_and_records_jobs_it_cannot_trust(tmp_path: Path, redis_url: str) -> None:
    """Anyone who can write to Redis can queue a job: its settings were splatted into the
    crawl config (``extra``), its ``cache_dir`` and pack path were used as given and its site id
    named a folder. Each such job is now rejected with the reason, logged, and never run."""
    from celery import Celery

    from oit_checker.batch.agencies import site_id_for
    from oit_checker.batch.celery_app import QUEUE, TASK_NAME, configure

    evil = tmp_path / "written-by-a-job"
    url = "http://127.0.0.1:9/"
    good = {"row": 1, "site_id": site_id_for(url), "name": "อบต.ทดสอบ", "url": url}
    jobs = {
        "path as site id": ({**good, "site_id": "../../tmp/x"}, {}),
        "site id of another url": ({**good, "site_id": site_id_for("http://a.go.th/")}, {}),
        "extra splat": (good, {"extra": {"cache_dir": str(evil)}}),
        "cache dir": (good, {"cache_dir": str(evil)}),
        "ca file": (good, {"ca_file": "/etc/passwd"}),
        "pack file": ({**good, "pack": "/etc/passwd"}, {}),
        "default pack file": (good, {"default_pack": "../rules/evil.yaml"}),
        "budget as text": (good, {"budget_s": "9999"}),
        "unknown format": (good, {"formats": ["json", "exe"]}),
        "not a web address": ({**good, "url": "file:///etc/passwd"}, {}),
    }
    log = tmp_path / "worker.log"
    worker = _worker(redis_url, log)
    try:
        assert wait_for(lambda: "ready" in log.read_text(errors="replace"), 60)
        sender = configure(Celery("sender"), redis_url)
        sent = {
            name: sender.send_task(TASK_NAME, args=(agency, settings), queue=QUEUE)
            for name, (agency, settings) in jobs.items()
        }
        answers = {name: result.get(timeout=90, propagate=False) for name, result in sent.items()}
    finally:
        worker.kill()
        worker.wait(10)
    for name, answer in answers.items():
        assert answer["rejected"] is True, name
        assert answer["report"] is None and "job rejected" in answer["error"], name
    assert "extra" in answers["extra splat"]["error"]
    assert "cache_dir is never taken from a job" in answers["cache dir"]["error"]
    assert "not a slug" in answers["path as site id"]["error"]
    assert not evil.exists()
    assert log.read_text(errors="replace").count("rejected job") == len(jobs)
