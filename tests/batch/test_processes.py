"""``oit-checker batch --processes N``: the agencies spread over spawned processes, real
fixture servers on loopback. Same verdicts as in one process, a host never in two processes,
and nothing lost or done twice when the parent or a child is killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from oit_checker.batch.agencies import parse_agencies, site_id_for
from oit_checker.batch.partition import partition, split_parallel, usable_cores
from oit_checker.batch.summary import SUMMARY_CSV, SUMMARY_HTML
from oit_checker.cli import main
from oit_checker.fixture_server import FixtureServer
from oit_checker.report import FILE_NAMES

from .conftest import (
    CLI,
    FAST,
    LIGHT,
    ROOT,
    cli_env,
    result_count,
    run_cli,
    slow_agencies,
    wait_for,
    write_agencies,
)

# ---------------------------------------------------------------- partition (no processes)


def test_partition_keeps_hosts_together_and_balances() -> None:
    rows = ["a", "b", "a", "c", "d", "a", "e", "www.b"]  # www.b is host b for politeness
    agencies = parse_agencies(
        "name,url\n" + "".join(f"{i},http://{h}.go.th/p{i}\n" for i, h in enumerate(rows))
    )
    shares = partition(agencies, 3)
    assert partition(list(reversed(agencies)), 3) == shares  # the same list, the same split
    assert sorted(a.site_id for s in shares for a in s) == sorted(a.site_id for a in agencies)
    hosts = [{a.host for a in share} for share in shares]
    for i, mine in enumerate(hosts):
        assert not any(mine & other for j, other in enumerate(hosts) if j != i)
    assert sorted(len(s) for s in shares) == [2, 3, 3]  # a(3) | b(2)+e | c+d
    assert all(share == sorted(share, key=lambda a: a.row) for share in shares)
    assert len(partition(agencies[:2], 8)) == 2  # never an empty share
    assert len(partition([a for a in agencies if a.host == "a.go.th"], 2)) == 1


def test_parallel_is_shared_out() -> None:
    assert split_parallel(8, 3) == [3, 3, 2]
    assert split_parallel(1, 2) == [1, 1]
    assert sum(split_parallel(64, 2)) == 64
    assert usable_cores() >= 1


# ---------------------------------------------------------------- real processes


def _results(db: Path) -> dict[str, tuple[str, float | None, str, str]]:
    with sqlite3.connect(db, timeout=5) as conn:
        rows = conn.execute("SELECT site_id, outcome, score, counts, worker FROM results")
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows.fetchall()}


def _batch_children(pid: int) -> list[int]:
    """The spawned batch processes of ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie no longer runs


def _kill(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _assert_files_before_rows(out: Path) -> None:
    """Every stored result has its report files: the row is written after them."""
    for site_id in _results(out / "batch.sqlite3"):
        folder = out / site_id
        assert sorted(p.name for p in folder.iterdir()) == sorted(FILE_NAMES.values())


@pytest.mark.parametrize("demo_servers", [3], indirect=True)
def test_two_processes_same_verdicts_one_host_one_process(
    tmp_path: Path, demo_servers: list[FixtureServer]
) -> None:
    a, b, c = demo_servers
    for server in demo_servers:
        server.latency_s = 0.01  # two crawls of one host at once would overlap
    agencies = write_agencies(
        tmp_path / "agencies.csv",
        [
            ("อบต.หนึ่ง", a.url),
            ("อบต.สอง", b.url),
            ("อบต.หนึ่ง หน้าแรก", a.url_for("index.html")),  # same host as row 1
            ("อบต.สาม", c.url),
        ],
    )
    many, one = tmp_path / "many", tmp_path / "one"
    common = ["batch", str(agencies), "-j", "4", *FAST, *LIGHT]
    done = run_cli(*common, "-o", str(many), "--processes", "2")
    assert done.returncode == 0, done.stderr
    host_a = f"{a.host}:{a.port}"
    assert a.max_in_flight_for(host_a) == 1  # --per-host 1 held across the two rows of host a
    single = run_cli(*common, "-o", str(one), "-P", "1")
    assert single.returncode == 0, single.stderr

    spread, alone = _results(many / "batch.sqlite3"), _results(one / "batch.sqlite3")
    assert len(spread) == 4 and spread.keys() == alone.keys()
    assert {k: v[:3] for k, v in spread.items()} == {k: v[:3] for k, v in alone.items()}
    assert all(v[0] == "assessed" for v in spread.values())
    workers = {site_id: v[3] for site_id, v in spread.items()}
    assert len(set(workers.values())) == 2 and all(workers.values())  # two processes scanned
    # the rows of host a: one process
    assert workers[site_id_for(a.url)] == workers[site_id_for(a.url_for("index.html"))]
    assert {v[3] for v in alone.values()} == {""}  # -P 1: this process, as before
    assert (many / SUMMARY_CSV).read_bytes().startswith(b"\xef\xbb\xbf")
    assert (many / SUMMARY_HTML).exists()
    _assert_files_before_rows(many)


@pytest.mark.parametrize("demo_servers", [4], indirect=True)
def test_parent_killed_children_stop_rerun_finishes(
    tmp_path: Path, demo_servers: list[FixtureServer]
) -> None:
    agencies = slow_agencies(tmp_path / "agencies.csv", demo_servers)
    out = tmp_path / "out"
    db = out / "batch.sqlite3"
    args = ["batch", str(agencies), "-o", str(out), "-j", "2", "-P", "2", *FAST, *LIGHT]
    proc = subprocess.Popen([*CLI, *args], cwd=ROOT, env=cli_env(), stderr=subprocess.DEVNULL)
    children: list[int] = []
    try:
        assert wait_for(lambda: len(_batch_children(proc.pid)) == 2, 30)
        children = _batch_children(proc.pid)
        assert wait_for(lambda: result_count(db) >= 1 or proc.poll() is not None, 60)
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert wait_for(lambda: not any(_alive(pid) for pid in children), 3.0), children
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in children:  # never leave a scanning orphan behind, even when failing
            if _alive(pid):
                _kill(pid)
    finished_before = result_count(db)
    assert 1 <= finished_before < 4
    _assert_files_before_rows(out)
    hits = [s.total_hits for s in demo_servers]
    time.sleep(0.3)
    assert [s.total_hits for s in demo_servers] == hits  # nobody scans any more

    rerun = run_cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    results = _results(db)
    assert len(results) == 4 and {v[0] for v in results.values()} == {"assessed"}
    _assert_files_before_rows(out)


@pytest.mark.parametrize("demo_servers", [4], indirect=True)
def test_child_killed_parent_reports_incomplete_rerun_finishes(
    tmp_path: Path, demo_servers: list[FixtureServer]
) -> None:
    agencies = slow_agencies(tmp_path / "agencies.csv", demo_servers)
    out = tmp_path / "out"
    db = out / "batch.sqlite3"
    args = ["batch", str(agencies), "-o", str(out), "-j", "2", "-P", "2", *FAST, *LIGHT]
    proc = subprocess.Popen(
        [*CLI, *args], cwd=ROOT, env=cli_env(), stderr=subprocess.PIPE, text=True
    )
    try:
        assert wait_for(lambda: len(_batch_children(proc.pid)) == 2, 30)
        # Kill a child while it scans its first agency: both of its agencies are left.
        assert wait_for(lambda: sum(s.total_hits for s in demo_servers) > 0, 30)
        assert result_count(db) == 0
        victim = min(_batch_children(proc.pid))
        _kill(victim)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 1, err
    assert "killed by signal 9" in err and "2 agencies without a result" in err
    assert result_count(db) == 2  # the other process finished its share
    line = next(x for x in err.splitlines() if "agencies without a result: " in x)
    left = set(line.split("agencies without a result: ", 1)[1].split(", "))
    assert len(left) == 2 and left.isdisjoint(_results(db))

    rerun = run_cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    results = _results(db)
    assert len(results) == 4 and {v[0] for v in results.values()} == {"assessed"}


@pytest.mark.parametrize("demo_servers", [2], indirect=True)
def test_ctrl_c_stops_every_process(tmp_path: Path, demo_servers: list[FixtureServer]) -> None:
    for server in demo_servers:
        server.latency_s = 0.1  # far from done when Ctrl-C comes
    agencies = write_agencies(
        tmp_path / "agencies.csv", [(f"อบต.{i}", s.url) for i, s in enumerate(demo_servers)]
    )
    out = tmp_path / "out"
    args = ["batch", str(agencies), "-o", str(out), "-P", "2", *FAST, *LIGHT]
    proc = subprocess.Popen(
        [*CLI, *args], cwd=ROOT, env=cli_env(), stderr=subprocess.PIPE, text=True
    )
    try:
        assert wait_for(lambda: len(_batch_children(proc.pid)) == 2, 30)
        children = _batch_children(proc.pid)
        assert wait_for(lambda: all(s.total_hits > 0 for s in demo_servers), 30)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 1, err
    assert "stopped; run again to resume" in err
    assert not any(_alive(pid) for pid in children)
    assert result_count(out / "batch.sqlite3") == 0  # both sites were cut short: no result
    assert (out / SUMMARY_CSV).exists()


def test_processes_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agencies = str(write_agencies(tmp_path / "a.csv", [("x", "http://127.0.0.1:9/")]))
    out = str(tmp_path / "o")
    for bad in (["-P", "0"], ["--processes", "2", "--celery", "redis://127.0.0.1:9/0"]):
        monkeypatch.setattr(sys, "argv", ["oit-checker", "batch", agencies, "-o", out, *bad])
        with pytest.raises(SystemExit) as exit_info:
            main()
        assert exit_info.value.code == 2
        assert "--processes" in capsys.readouterr().err
    assert not (tmp_path / "o" / "batch.sqlite3").exists()
