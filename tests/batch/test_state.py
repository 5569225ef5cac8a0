"""The batch state in SQLite: one result per site, interrupted sites run again."""

from __future__ import annotations

from pathlib import Path

from oit_checker.batch.agencies import parse_agencies
from oit_checker.batch.state import BatchState, SiteResult

AGENCIES = parse_agencies("name,url\na,http://a.go.th\nb,http://b.go.th\nc,http://c.go.th\n")


def test_one_result_per_site_and_resume(tmp_path: Path) -> None:
    db = tmp_path / "batch.sqlite3"
    state = BatchState(db)
    state.sync(AGENCIES)
    batch_id = state.batch_id()
    a, b, c = AGENCIES
    state.mark(a.site_id, "running")
    first = SiteResult(a.site_id, "assessed", 75.0, {"pass": 3, "fail": 1}, failing=[("o1", "x")])
    assert state.record(first) is True
    # A redone job (redelivered, or rerun after a crash) never adds or changes the result.
    assert state.record(SiteResult(a.site_id, "error", reason="late duplicate")) is False
    state.mark(b.site_id, "running")  # killed here: no result
    state.mark(c.site_id, "queued")
    state.record(SiteResult(c.site_id, "error", reason="time budget"))
    state.close()

    again = BatchState(db)
    again.sync(AGENCIES)  # as a rerun does
    assert again.batch_id() == batch_id
    rows = {r.agency.site_id: r for r in again.rows(AGENCIES)}
    assert rows[a.site_id].result == SiteResult(
        a.site_id, "assessed", 75.0, {"pass": 3, "fail": 1}, failing=[("o1", "x")]
    )
    assert rows[b.site_id].status == "pending" and rows[b.site_id].result is None
    assert again.finished_ids() == {a.site_id, c.site_id}
    assert again.retry_errors() == 1  # --retry-failed
    assert again.finished_ids() == {a.site_id}
    assert again.result_count() == 1
    again.close()


def test_summary_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    """Names come from the list's author, reasons from strangers' sites: the summary CSV wrote
    ``=HYPERLINK(...)`` as it came, which Excel runs (the item CSV already guarded this)."""
    from oit_checker.batch.summary import render_summary_csv

    agencies = parse_agencies(
        'name,url,province\n"=HYPERLINK(""http://evil.example"",""คลิก"")",http://a.go.th,+ลำพูน\n'
        "@SUM(1+1),http://b.go.th,-1\n"
    )
    state = BatchState(tmp_path / "batch.sqlite3")
    state.sync(agencies)
    state.record(SiteResult(agencies[0].site_id, "could_not_assess", reason="=cmd|' /C calc'!A0"))
    text = render_summary_csv(state.rows(agencies)).decode("utf-8-sig")
    state.close()
    import csv
    import io

    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert '\'=HYPERLINK("http://evil.example","คลิก")' in cells
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells and "'+ลำพูน" in cells
