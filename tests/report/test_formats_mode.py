"""Every human-readable format says how the report was made: scan, demo or audit."""

from __future__ import annotations

import pytest

from oit_checker.report import render

from .sample import sample_report


@pytest.mark.parametrize("fmt", ["terminal", "html", "md"])
def test_audit_reports_say_they_cover_only_the_submission(fmt: str) -> None:
    report = sample_report()
    report.settings["mode"] = "audit"
    text = render(report, fmt)
    assert isinstance(text, str)
    assert "ตรวจเฉพาะ URL ที่หน่วยงานส่ง" in text
    assert "audit of the URLs the agency submitted" in text
    report.settings["mode"] = "scan"
    assert "ตรวจเฉพาะ URL ที่หน่วยงานส่ง" not in render(report, fmt)
