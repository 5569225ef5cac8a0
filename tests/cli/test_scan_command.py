"""The command line end to end: real processes, the demo site served on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker import __version__
from oit_checker.commands.scan import demo_site_dir
from oit_checker.fixture_server import Fault, FixtureServer

ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}


def run(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oit_checker", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def scan_args(url: str, tmp: Path, *extra: str) -> list[str]:
    return [
        "scan",
        url,
        "--year",
        "2567",
        "--interval",
        "0",
        "--per-host",
        "4",
        "--cache-dir",
        str(tmp / "cache"),
        "--history",
        str(tmp / "history.sqlite3"),
        "--output",
        str(tmp / "out"),
        *extra,
    ]


def test_version_and_help(tmp_path: Path) -> None:
    out = run("--version", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == f"oit-checker {__version__}"
    for command in ("scan", "demo", "history", "diff", "schema", "rules"):
        helped = run(command, "--help", cwd=tmp_path)
        assert helped.returncode == 0, helped.stderr
        assert "Usage" in helped.stdout


def test_usage_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = run("scan", "http://127.0.0.1:9/", "--year", "1999", cwd=tmp_path)
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("oit-checker: error:"), out.stderr


def test_demo_writes_every_report_and_shows_the_intended_findings(tmp_path: Path) -> None:
    out = run("demo", "--output", "rep", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "ข้อมูลผู้บริหาร" in out.stdout
    names = sorted(p.name for p in (tmp_path / "rep").iterdir())
    assert names == [
        "oit-report.csv",
        "oit-report.html",
        "oit-report.json",
        "oit-report.junit.xml",
        "oit-report.md",
    ]
    report = json.loads((tmp_path / "rep" / "oit-report.json").read_text(encoding="utf-8"))
    verdicts = {item["item_id"]: item["verdict"] for item in report["items"]}
    assert report["pack"]["id"] == "nacc-2567"
    assert len(verdicts) == 33
    # The demo site was built with these mistakes (fixtures/build_demo.py) ...
    assert verdicts["o06"] == "fail"  # Q&A row is href="#"
    assert verdicts["o09"] == "fail"  # annual report without ปัญหา อุปสรรค
    assert verdicts["o16"] == "fail"  # monthly summaries stop after ธันวาคม
    assert verdicts["o20"] == "fail"  # staff development plan instead of HR results
    codes = {p["code"] for item in report["items"] for p in item["problems"]}
    assert {"placeholder_link", "months_missing"} <= codes
    # ... and the rest of its evidence is in order.
    for item_id in ("o01", "o02", "o04", "o07", "o08", "o14", "o21", "o25"):
        assert verdicts[item_id] == "pass", item_id
    assert "not_checked" not in verdicts.values()


@pytest.fixture()
def demo_server() -> Iterator[FixtureServer]:
    with FixtureServer(demo_site_dir()) as server:
        yield server


def test_scan_exit_codes_history_and_compare_last(
    tmp_path: Path, demo_server: FixtureServer
) -> None:
    first = run(*scan_args(demo_server.url, tmp_path, "--format", "json", "--no-ocr"), cwd=tmp_path)
    assert first.returncode == 1, first.stderr  # the demo site has failing items
    never = run(
        *scan_args(demo_server.url, tmp_path, "--format", "json", "--fail-on", "never", "--no-ocr"),
        cwd=tmp_path,
    )
    assert never.returncode == 0, never.stderr
    second = run(
        *scan_args(demo_server.url, tmp_path, "--compare-last", "--quiet", "--no-ocr"),
        cwd=tmp_path,
    )
    assert second.returncode == 1
    assert second.stdout == ""  # --quiet prints nothing but errors
    listed = run("history", "--history", str(tmp_path / "history.sqlite3"), cwd=tmp_path)
    assert listed.returncode == 0
    assert listed.stdout.count("nacc-2567") == 3
    diff = run("diff", "1", "2", "--history", str(tmp_path / "history.sqlite3"), cwd=tmp_path)
    assert diff.returncode == 0, diff.stdout + diff.stderr  # same site, nothing regressed


def test_unreachable_site_is_exit_3_and_not_reported_missing(tmp_path: Path) -> None:
    with FixtureServer(demo_site_dir()) as server:
        url = server.url  # a port that is closed once the server stops
    out = run(*scan_args(url, tmp_path, "--format", "json"), cwd=tmp_path)
    assert out.returncode == 3, out.stdout + out.stderr
    report = json.loads((tmp_path / "out" / "oit-report.json").read_text(encoding="utf-8"))
    assert {item["verdict"] for item in report["items"]} == {"not_checked"}
    assert report["summary"]["score"] is None


def test_ctrl_c_writes_a_partial_report(tmp_path: Path) -> None:
    with FixtureServer(demo_site_dir()) as server:
        for path in ("/about/structure.html", "/about/executives.html", "/contact.html"):
            server.route(path, Fault(latency_s=3.0))
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "oit_checker",
                *scan_args(server.url, tmp_path, "--format", "json"),
            ],
            cwd=tmp_path,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while server.total_hits < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 1), err
    report = json.loads((tmp_path / "out" / "oit-report.json").read_text(encoding="utf-8"))
    assert report["partial"] is True
    assert report["crawl"]["interrupted"] is True
    assert any(f["code"] == "interrupted" for f in report["site_findings"])
    # what was not fetched is never a plain "missing" fail
    for item in report["items"]:
        if item["verdict"] == "fail":
            assert "no_evidence" not in {p["code"] for p in item["problems"]}


def test_schema_prints_the_versioned_report_schema(tmp_path: Path) -> None:
    out = run("schema", cwd=tmp_path)
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["schema_version"]
    assert "items" in schema["properties"]


def test_snapshot_keeps_evidence_files_by_hash(tmp_path: Path, demo_server: FixtureServer) -> None:
    snap = tmp_path / "snap"
    out = run(
        *scan_args(
            demo_server.url, tmp_path, "--format", "json", "--no-ocr", "--snapshot", str(snap)
        ),
        cwd=tmp_path,
    )
    assert out.returncode == 1, out.stderr
    index = json.loads((snap / "index.json").read_text(encoding="utf-8"))
    kept = [e for e in index["evidence"] if e["file"]]
    assert kept, index
    for entry in kept:
        data = (snap / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["file"].startswith(entry["sha256"])  # never a name taken from the URL
    assert any(e["item"] == "o14" and e["file"].endswith(".pdf") for e in kept)


def test_config_file_ignore_and_threshold(tmp_path: Path, demo_server: FixtureServer) -> None:
    (tmp_path / "oit-checker.toml").write_text(
        f"""
site = "{demo_server.url}"
year = 2567
formats = ["json"]
fail_on = ["fail"]

[crawl]
min_interval = 0.0

[[ignore]]
item = "o06"
reason = "กระดานถาม-ตอบ ย้ายไประบบใหม่"
expires = 2999-12-31

[[ignore]]
item = "O9"
reason = "รอรายงานฉบับแก้ไข"
expires = 2999-12-31

[[ignore]]
item = "o16"
reason = "รอสรุปผลเดือนที่เหลือ"
expires = 2999-12-31

[[ignore]]
item = "o20"
reason = "ผ่านการชี้แจงแล้ว"
expires = 2000-01-01
""",
        encoding="utf-8",
    )
    # the ignore entries name items of the demo's 2567 checklist
    args = ["--year", "2567", "--no-ocr", "--no-history", "--cache-dir", str(tmp_path / "cache")]
    args += ["-o", "out"]
    out = run("scan", demo_server.url, *args, cwd=tmp_path)
    # o20's ignore entry has expired, so its fail still counts
    assert out.returncode == 1, out.stderr
    report = json.loads((tmp_path / "out" / "oit-report.json").read_text(encoding="utf-8"))
    ignored = {i["item_id"] for i in report["items"] if i["ignored"]}
    assert ignored == {"o06", "o09", "o16"}
    assert any(f["code"] == "ignore_expired" for f in report["site_findings"])
    # once o20 is ignored too, nothing is left to report
    text = (tmp_path / "oit-checker.toml").read_text(encoding="utf-8")
    (tmp_path / "oit-checker.toml").write_text(text.replace("2000-01-01", "2999-12-31"), "utf-8")
    again = run("scan", demo_server.url, *args, cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr


def test_link_with_an_impossible_port_does_not_stop_the_scan(tmp_path: Path) -> None:
    """``normalize_url`` rejects ``:99999``; the crawler skips such a link, and the site
    evidence files it under itself (``url_key``) instead of raising."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><head><title>เทศบาลตำบลทดสอบ</title></head><body>"
        '<a href="https://x.go.th:99999/a">ลิงก์เสีย</a> <a href="/ita.html">ITA</a>'
        "</body></html>",
        encoding="utf-8",
    )
    (site / "ita.html").write_text("<html><body><h1>ITA</h1></body></html>", encoding="utf-8")
    with FixtureServer(site) as server:
        out = run(*scan_args(server.url, tmp_path, "--format", "json", "--no-ocr"), cwd=tmp_path)
    assert out.returncode == 1, out.stderr  # items fail; no traceback
    assert "Traceback" not in out.stderr
    report = json.loads((tmp_path / "out" / "oit-report.json").read_text(encoding="utf-8"))
    assert len(report["items"]) == 33
