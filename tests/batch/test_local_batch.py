"""``oit-checker batch`` on one machine, over demo sites served on loopback."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from oit_checker.batch import BatchState, SiteSettings, make_progress, run_sites
from oit_checker.batch.agencies import parse_agencies
from oit_checker.batch.summary import SUMMARY_CSV, SUMMARY_HTML
from oit_checker.cli import main
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.report import FILE_NAMES

from .conftest import FAST, run_cli, write_agencies


def _results(db: Path) -> list[tuple[str, str, float | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT site_id, outcome, score FROM results ORDER BY site_id"
        ).fetchall()


@pytest.mark.parametrize("demo_servers", [2], indirect=True)
def test_batch_of_demo_sites(tmp_path: Path, demo_servers: list[FixtureServer]) -> None:
    a, b = demo_servers
    agencies = write_agencies(
        tmp_path / "agencies.csv",
        [
            ("อบต.หนึ่ง", a.url),
            ('อบต.<script>alert("x")</script>', b.url),
            ("อบต.หนึ่ง หน้าไอทีเอ", a.url_for("index.html")),  # same host as row 1
        ],
    )
    out = tmp_path / "out"
    light = ["--max-documents", "10"]
    done = run_cli(
        "batch", str(agencies), "-o", str(out), "-j", "4", "--per-host", "2", *FAST, *light
    )
    assert done.returncode == 0, done.stderr

    rows = _results(out / "batch.sqlite3")
    assert len(rows) == 3 and all(outcome == "assessed" for _, outcome, _ in rows)
    scores = {score for _, _, score in rows}
    assert len(scores) == 1 and 0 < (scores.pop() or 0) < 100  # the demo site's intended findings
    for site_id, _, _ in rows:
        folder = out / site_id
        assert sorted(p.name for p in folder.iterdir()) == sorted(FILE_NAMES.values())
        report = json.loads((folder / FILE_NAMES["json"]).read_text("utf-8"))
        assert report["summary"]["counts"]["fail"] > 0
    # Two rows on one host ran one after the other: the host never saw more than --per-host.
    host = f"{a.host}:{a.port}"
    assert a.max_in_flight_for(host) <= 2

    raw = (out / SUMMARY_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0]["name"] == "อบต.หนึ่ง"
    assert all(r["outcome"] == "assessed" and int(r["fail"]) > 0 for r in table)
    assert all(r["report"].endswith("/oit-report.html") for r in table)
    html = (out / SUMMARY_HTML).read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "ข้อที่ไม่ผ่านบ่อยที่สุด" in html and "Items failing most often" in html
    assert "Content-Security-Policy" in html and "http" not in html.split("<body>")[0].replace(
        'http-equiv="Content-Security-Policy"', ""
    )

    # A rerun finds everything done: no site is fetched again, no result is added.
    before = [s.total_hits for s in demo_servers]
    again = run_cli("batch", str(agencies), "-o", str(out), *FAST, *light)
    assert again.returncode == 0, again.stderr
    assert [s.total_hits for s in demo_servers] == before
    assert _results(out / "batch.sqlite3") == rows


def test_unreachable_and_slow_sites_are_not_called_missing(tmp_path: Path) -> None:
    """A dead site and one slower than its budget end with a reason, never with fails, and
    the slow one does not hold up the batch beyond its budget."""
    slow_root = tmp_path / "slow"
    slow_root.mkdir()
    (slow_root / "index.html").write_text("<html><title>อบต.ช้า</title></html>", "utf-8")
    with FixtureServer(slow_root, host="127.0.0.9") as slow:
        slow.route("/", Fault(latency_s=5.0))
        slow.route("/robots.txt", Fault(latency_s=5.0))
        agencies = parse_agencies(f"name,url\nปิด,http://127.0.0.8:9/\nช้า,{slow.url}\n", "test.csv")
        state = BatchState(tmp_path / "out" / "batch.sqlite3")
        state.sync(agencies)
        settings = SiteSettings(
            formats=("json",),
            budget_s=2.0,
            min_interval_s=0.0,
            timeout_s=10.0,
            ocr=False,
            retries=0,
            retry_backoff_s=0.01,
        )
        started = time.monotonic()
        progress = make_progress(len(agencies), 0, quiet=True)
        asyncio.run(run_sites(agencies, state, settings, tmp_path / "out", 4, progress))
        elapsed = time.monotonic() - started
        rows = {r.agency.name: r.result for r in state.rows(agencies)}
        state.close()
    assert elapsed < 2.0 + 3.0, elapsed
    dead, late = rows["ปิด"], rows["ช้า"]
    assert dead is not None and late is not None
    assert dead.outcome == "could_not_assess" and dead.score is None
    assert "could not be opened" in dead.reason and dead.counts.get("fail") == 0
    assert late.outcome in ("could_not_assess", "error") and late.score is None
    assert late.reason and not late.counts.get("fail")
    assert progress.done == 2 and progress.failed == 2


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["oit-checker", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0)


def test_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "o")
    assert _main(monkeypatch, "batch", str(tmp_path / "none.csv"), "-o", out) == 2
    assert "cannot read" in capsys.readouterr().err
    agencies = str(write_agencies(tmp_path / "a.csv", [("x", "http://127.0.0.1:9/")]))
    assert _main(monkeypatch, "batch", agencies, "--year", "2400", "-o", out) == 2
    assert "2400" in capsys.readouterr().err
    assert _main(monkeypatch, "batch", agencies, "-f", "pdf", "-o", out) == 2
    assert "pdf" in capsys.readouterr().err
    assert _main(monkeypatch, "batch", agencies, "--parallel", "0", "-o", out) == 2
    assert not (tmp_path / "o" / "batch.sqlite3").exists()  # nothing started


def test_unreachable_broker_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("celery", reason="celery[redis] is not installed (extra 'scale')")
    agencies = str(write_agencies(tmp_path / "a.csv", [("x", "http://127.0.0.1:9/")]))
    broker = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    assert _main(monkeypatch, "batch", agencies, "--celery", broker, "-o", str(tmp_path)) == 2
    assert "cannot use the Celery broker" in capsys.readouterr().err
