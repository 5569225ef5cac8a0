"""Progress across sites: done / running / failed / ETA."""

from __future__ import annotations

import io

import pytest

from oit_checker.batch.agencies import parse_agencies
from oit_checker.batch.progress import BatchProgress, LineProgress
from oit_checker.batch.state import SiteResult


def test_counts_eta_and_lines() -> None:
    agencies = parse_agencies("name,url\na,http://a.go.th\nb,http://b.go.th\nc,http://c.go.th\n")
    stream = io.StringIO()
    progress = LineProgress(total=4, already_done=1, stream=stream)
    assert progress.eta_s() is None  # nothing finished in this run yet
    for agency in agencies[:2]:
        progress.site_started(agency)
    assert progress.running == 2
    progress.site_finished(agencies[0], SiteResult(agencies[0].site_id, "assessed", 90.0))
    progress.site_finished(agencies[1], SiteResult(agencies[1].site_id, "could_not_assess"))
    assert (progress.done, progress.running, progress.failed) == (3, 0, 1)
    eta = progress.eta_s()
    assert eta is not None and eta >= 0
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"[2/4] {agencies[0].site_id} assessed score=90")
    assert "failed 1" in lines[1] and "could_not_assess score=-" in lines[1]
    progress.site_started(agencies[2])
    progress.site_abandoned(agencies[2])  # cancelled: not done, not failed
    assert (progress.done, progress.running, progress.failed) == (3, 0, 1)
    assert "done 3/4" in progress.line()


def test_quiet_progress_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    agencies = parse_agencies("name,url\na,http://a.go.th\n")
    with BatchProgress(1) as progress:
        progress.site_started(agencies[0])
        progress.site_finished(agencies[0], SiteResult(agencies[0].site_id, "error"))
    assert progress.failed == 1 and progress.done == 1
    assert capsys.readouterr() == ("", "")
