"""History in a real SQLite file: add, list, get, last; bad files give clear errors."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from oit_checker.errors import UsageError
from oit_checker.models import Report, Verdict
from oit_checker.store import History, default_history_path, run_mode, site_key
from tests.report.sample import SITE, STARTED, sample_report
from tests.support.old_history import write_format_1


def _history(tmp_path: Path) -> History:
    return History(tmp_path / "nested" / "history.sqlite3")


def test_add_then_get_returns_the_same_report(tmp_path: Path) -> None:
    history = _history(tmp_path)
    report = sample_report()
    run_id = history.add(report)
    assert run_id >= 1
    assert history.get(run_id) == report
    # A second History object on the same file sees the run (nothing kept in memory).
    assert History(history.path).get(run_id) == report


def test_list_is_newest_first_per_site_with_counts(tmp_path: Path) -> None:
    history = _history(tmp_path)
    first = history.add(sample_report(started=STARTED))
    other = history.add(sample_report(started=STARTED, site="https://www.other.go.th"))
    second = history.add(sample_report(started=STARTED + timedelta(days=7)))
    runs = history.list(site="http://tambon-nongbua.go.th")  # another spelling of SITE
    assert [r.id for r in runs] == [second, first]
    assert runs[0].site == SITE
    assert runs[0].pack == "nacc-oit-2568" and runs[0].pack_year == 2568
    assert runs[0].counts == {"pass": 3, "fail": 2, "review": 1, "not_checked": 1}
    assert runs[0].score == pytest.approx(300 / 7)
    assert runs[0].started == STARTED + timedelta(days=7)
    assert {r.id for r in history.list()} == {first, other, second}
    assert len(history.list(limit=1)) == 1


def test_last_finds_the_previous_run(tmp_path: Path) -> None:
    history = _history(tmp_path)
    assert history.last(SITE) is None
    old = sample_report(started=STARTED)
    old.items[1].verdict = Verdict.PASS
    old_id = history.add(old)
    new_id = history.add(sample_report(started=STARTED + timedelta(days=30)))
    latest = history.last(SITE)
    assert latest is not None and latest.started_at == STARTED + timedelta(days=30)
    previous = history.last("www.tambon-nongbua.go.th", before=new_id)
    assert previous is not None and previous.items[1].verdict is Verdict.PASS
    assert history.last(SITE, before=old_id) is None
    assert history.last(SITE, pack="nacc-oit-2567") is None


def test_missing_run_is_a_usage_error(tmp_path: Path) -> None:
    history = _history(tmp_path)
    with pytest.raises(UsageError, match="no run 42"):
        history.get(42)
    with pytest.raises(UsageError, match="no run 7"):
        history.last(SITE, before=7)


def test_a_file_that_is_not_sqlite_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "history.sqlite3"
    bad.write_bytes(b"this is not a database, just text " * 100)
    with pytest.raises(UsageError, match="history"):
        History(bad)


def test_a_newer_history_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(UsageError, match="newer oit-checker"):
        History(path)


def test_site_key_ignores_scheme_www_case_and_trailing_slash() -> None:
    assert site_key("https://www.ABC.go.th/") == "abc.go.th"
    assert site_key("abc.go.th") == "abc.go.th"
    assert site_key("http://abc.go.th:8080/sub/") == "abc.go.th:8080/sub"
    assert site_key("https://abc.go.th") != site_key("https://abd.go.th")


def test_default_path_is_in_the_user_data_folder() -> None:
    path = default_history_path()
    assert path.name == "history.sqlite3" and "oit-checker" in str(path)


def _audit(started: datetime) -> Report:
    report = sample_report(started=started)
    report.settings = {**report.settings, "mode": "audit", "submission": "submission.csv"}
    return report


def test_runs_carry_their_mode_and_last_keeps_to_one_mode(tmp_path: Path) -> None:
    history = _history(tmp_path)
    scan_id = history.add(sample_report(started=STARTED))
    audit_id = history.add(_audit(STARTED + timedelta(days=1)))
    assert [(r.id, r.mode) for r in history.list()] == [(audit_id, "audit"), (scan_id, "scan")]
    assert [r.id for r in history.list(mode="audit")] == [audit_id]
    # The newest run of the site is the audit, but a scan is compared with the last scan ...
    latest_scan = history.last(SITE, mode="scan")
    assert latest_scan is not None and run_mode(latest_scan) == "scan"
    assert latest_scan.started_at == STARTED
    # ... and an audit with the last audit: here there is none before it.
    assert history.last(SITE, before=audit_id, mode="audit") is None
    assert history.last(SITE, before=audit_id) is not None  # any mode: the scan
    later = history.add(_audit(STARTED + timedelta(days=2)))
    previous = history.last(SITE, before=later, mode="audit")
    assert previous is not None and previous.started_at == STARTED + timedelta(days=1)
    found = history.last(SITE, mode="audit", started_before=STARTED + timedelta(days=2))
    assert found is not None and found.started_at == STARTED + timedelta(days=1)


def test_a_format_1_file_opens_lists_and_keeps_working(tmp_path: Path) -> None:
    """A history file written before runs had a mode (the old CREATE TABLE, user_version 1)."""
    path = write_format_1(
        tmp_path / "old.sqlite3",
        [
            (sample_report(started=STARTED), None),  # a scan
            (_audit(STARTED + timedelta(days=1)), None),  # an audit: its report says so
            (sample_report(started=STARTED + timedelta(days=2)), b"not zlib"),
        ],
    )
    history = History(path)
    runs = history.list()
    assert [(r.id, r.mode) for r in runs] == [(3, "scan"), (2, "audit"), (1, "scan")]
    assert runs[2].site == SITE and runs[2].counts == {"pass": 3}
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    # Opened again (or by two processes at once): already upgraded, nothing changes.
    assert [(r.id, r.mode) for r in History(path).list()] == [
        (3, "scan"),
        (2, "audit"),
        (1, "scan"),
    ]
    new_id = history.add(_audit(STARTED + timedelta(days=3)))
    previous = history.last(SITE, before=new_id, mode="audit")
    assert previous is not None and previous.started_at == STARTED + timedelta(days=1)
