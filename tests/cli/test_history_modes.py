"""Scans and audits in one history file: each run is compared only with runs made the same way.

Real processes against the demo site served on 127.0.0.1; the audit reads the fixture
submission pointed at that server (as tests/audit/test_audit_command.py does).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker.commands.scan import demo_site_dir
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import Report
from tests.cli.test_scan_command import run, scan_args
from tests.support.old_history import write_format_1

SUBMISSION = Path(__file__).resolve().parents[2] / "fixtures" / "audit" / "submission.csv"
NO_EARLIER = "no earlier run of this site made the same way"
COMPARED = "Run comparison"
WARNING_TH = "คำเตือน: สองรอบนี้ตรวจคนละวิธี"
WARNING_EN = "their scopes differ"


@pytest.fixture(scope="module")
def demo() -> Iterator[FixtureServer]:
    with FixtureServer(demo_site_dir()) as server:
        yield server


def _scan(demo: FixtureServer, tmp: Path, history: Path, *extra: str) -> str:
    args = scan_args(demo.url, tmp, "--no-ocr", "--history", str(history), *extra)
    out = run(*args, cwd=tmp)
    assert out.returncode == 1, out.stdout + out.stderr  # the demo site has failing items
    return " ".join(out.stdout.split())  # the terminal wraps long lines


def _audit(demo: FixtureServer, tmp: Path, history: Path, *extra: str) -> str:
    submission = tmp / "submission.csv"
    text = SUBMISSION.read_text(encoding="utf-8")
    text = text.replace("https://www.sao-demo.go.th", f"http://127.0.0.1:{demo.port}")
    text = text.replace("https://files.sao-demo-drive.example", f"http://localhost:{demo.port}")
    submission.write_text(text, encoding="utf-8")
    args = [
        "audit",
        str(submission),
        "--site",
        demo.url,
        "--year",  # the CSV submission has no year; it is the demo's 2567 list
        "2567",
        "--allow-private",
        "--interval",
        "0",
        "--per-host",
        "4",
        "--no-ocr",
        "--cache-dir",
        str(tmp / "cache"),
        "--history",
        str(history),
        "--output",
        str(tmp / "audit-out"),
        "--format",
        "terminal,json",
        *extra,
    ]
    out = run(*args, cwd=tmp)
    assert out.returncode == 1, out.stdout + out.stderr  # the submission has failing items
    return " ".join(out.stdout.split())


def test_audit_is_compared_with_audits_never_with_a_scan(
    demo: FixtureServer, tmp_path: Path
) -> None:
    history = tmp_path / "history.sqlite3"
    _scan(demo, tmp_path, history)  # run 1
    first_audit = _audit(demo, tmp_path, history, "--compare-last")  # run 2
    # The last run of the site is the whole-site scan: an audit is not compared with it.
    assert NO_EARLIER in first_audit and "(audit of the URLs the agency submitted)" in first_audit
    assert COMPARED not in first_audit
    second_audit = _audit(demo, tmp_path, history, "--compare-last")  # run 3
    assert COMPARED in second_audit and NO_EARLIER not in second_audit
    assert WARNING_EN not in second_audit  # audit against audit: same scope
    # A scan after the audits is compared with the scan before them.
    again = _scan(demo, tmp_path, history, "--compare-last")  # run 4
    assert COMPARED in again and WARNING_EN not in again

    h = str(history)
    listed = run("history", "--history", h, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "วิธีตรวจ" in listed.stdout and "mode" in listed.stdout
    rows = [line for line in listed.stdout.splitlines() if "nacc-2567" in line]
    assert [("audit" in row, "scan" in row) for row in rows] == [
        (False, True),
        (True, False),
        (True, False),
        (False, True),
    ]
    only = run("history", "--history", h, "--mode", "audit", cwd=tmp_path)
    assert only.stdout.count("nacc-2567") == 2

    # diff with no run: the newest run (the scan, 4) and the scan before it (1), no warning.
    newest = run("diff", "--history", h, "--format", "json", cwd=tmp_path)
    assert newest.returncode == 0, newest.stdout + newest.stderr
    data = json.loads(newest.stdout)
    assert data["same_mode"] is True and data["before_mode"] == data["after_mode"] == "scan"
    assert newest.stderr == ""
    # diff with one run: that run and the one before it made the same way.
    audits = run("diff", "3", "--history", h, "--format", "md", cwd=tmp_path)
    assert audits.returncode == 0, audits.stdout + audits.stderr
    assert WARNING_TH not in audits.stdout
    nothing = run("diff", "2", "--history", h, cwd=tmp_path)
    assert nothing.returncode == 2 and "no earlier run" in nothing.stderr

    # Asked for explicitly, a scan and an audit are compared, with a warning, Thai first.
    crossed = run("diff", "1", "2", "--history", h, cwd=tmp_path)
    assert crossed.returncode in (0, 1), crossed.stderr
    text = " ".join(crossed.stdout.split())  # the terminal wraps long lines
    assert WARNING_TH in text and WARNING_EN in text
    assert text.index(WARNING_TH) < text.index(WARNING_EN)
    crossed_json = run("diff", "1", "2", "--history", h, "--format", "json", cwd=tmp_path)
    assert json.loads(crossed_json.stdout)["same_mode"] is False
    assert WARNING_TH in crossed_json.stderr and WARNING_EN in " ".join(crossed_json.stderr.split())


def test_a_history_file_from_before_modes_keeps_working(
    demo: FixtureServer, tmp_path: Path
) -> None:
    """A file written by an older oit-checker: its runs are listed as scans and a new scan is
    compared with them; an audit is not."""
    _scan(demo, tmp_path, tmp_path / "scratch.sqlite3", "--format", "json")
    report = Report.model_validate_json((tmp_path / "out" / "oit-report.json").read_bytes())
    old = write_format_1(tmp_path / "old.sqlite3", [(report, None)])
    listed = run("history", "--history", str(old), cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = [line for line in listed.stdout.splitlines() if "nacc-2567" in line]
    assert len(rows) == 1 and "scan" in rows[0]
    audit = _audit(demo, tmp_path, old, "--compare-last")
    assert NO_EARLIER in audit
    scan = _scan(demo, tmp_path, old, "--compare-last")
    assert COMPARED in scan and NO_EARLIER not in scan
