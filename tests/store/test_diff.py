"""Run diff: newly failing, fixed, unchanged, regressions; rendering; loading by id or file."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console

from oit_checker.errors import UsageError
from oit_checker.models import Report, Verdict
from oit_checker.store import (
    ChangeKind,
    History,
    diff_reports,
    diff_to_json,
    diff_to_markdown,
    load_report,
    render_diff,
)
from tests.report.sample import STARTED, sample_report


def _pair() -> tuple[Report, Report]:
    """o01 pass→fail, o02 fail→pass, o03 pass→not_checked, o10 review→fail, rest unchanged."""
    before = sample_report(started=STARTED)
    after = sample_report(started=STARTED + timedelta(days=30))
    verdicts = {i.item_id: i for i in after.items}
    verdicts["o01"].verdict = Verdict.FAIL
    verdicts["o01"].reason_th = "ลิงก์แผนผังโครงสร้างเสีย"
    verdicts["o02"].verdict = Verdict.PASS
    verdicts["o03"].verdict = Verdict.NOT_CHECKED
    verdicts["o10"].verdict = Verdict.FAIL
    after.summary.score = 200 / 7  # passes: o01, o03, o20 before; o02, o20 after
    return before, after


def test_diff_classifies_every_item() -> None:
    diff = diff_reports(*_pair())
    kinds = {ch.item_id: ch.kind for ch in diff.changes}
    assert kinds == {
        "o01": ChangeKind.NEWLY_FAILING,
        "o02": ChangeKind.FIXED,
        "o03": ChangeKind.NEWLY_NOT_CHECKED,
        "o10": ChangeKind.CHANGED,
        "o14": ChangeKind.UNCHANGED,
        "o16": ChangeKind.UNCHANGED,
        "o20": ChangeKind.UNCHANGED,
    }
    assert [ch.item_id for ch in diff.newly_failing] == ["o01"]
    assert [ch.item_id for ch in diff.fixed] == ["o02"]
    assert [ch.item_id for ch in diff.unchanged] == ["o14", "o16", "o20"]
    assert [ch.item_id for ch in diff.changed] == ["o01", "o02", "o03", "o10"]
    assert [ch.item_id for ch in diff.regressions] == ["o01", "o03"]
    assert diff.regression
    assert diff.score_change == pytest.approx(-14.3)
    assert diff.same_pack and diff.same_site


def test_no_regression_when_nothing_that_passed_got_worse() -> None:
    before, after = sample_report(), sample_report(started=STARTED + timedelta(days=1))
    after.items[1].verdict = Verdict.PASS  # o02 fixed
    diff = diff_reports(before, after)
    assert not diff.regression
    assert [ch.item_id for ch in diff.fixed] == ["o02"]


def test_ignored_item_is_not_a_regression() -> None:
    before, after = _pair()
    for item in after.items:
        if item.item_id in ("o01", "o03"):
            item.ignored = True
    diff = diff_reports(before, after)
    assert [ch.item_id for ch in diff.newly_failing] == ["o01"]  # still shown
    assert diff.regressions == [] and not diff.regression


def test_added_and_removed_items_across_packs() -> None:
    before = sample_report(pack_id="nacc-oit-2567")
    after = sample_report(started=STARTED + timedelta(days=365))
    after.items = [i for i in after.items if i.item_id != "o20"]
    before.items = [i for i in before.items if i.item_id != "o01"]
    diff = diff_reports(before, after)
    kinds = {ch.item_id: ch.kind for ch in diff.changes}
    assert kinds["o01"] is ChangeKind.ADDED and kinds["o20"] is ChangeKind.REMOVED
    assert not diff.same_pack and not diff.regression


def test_render_diff_shows_changes_worst_first_in_thai() -> None:
    buffer = io.StringIO()
    render_diff(diff_reports(*_pair()), Console(file=buffer, width=140, color_system=None))
    text = buffer.getvalue()
    assert "เคยผ่าน ตอนนี้ไม่ผ่าน" in text and "แก้ไขแล้ว ผ่าน" in text
    assert "ไม่ได้แปลว่าข้อมูลหาย" in text  # pass → not_checked is not called missing
    assert "42.9 → 28.6 (-14.3)" in text
    assert text.index("โครงสร้าง") < text.index("ข้อมูลผู้บริหาร")  # newly failing before fixed
    assert "ลิงก์แผนผังโครงสร้างเสีย" in text
    assert "Unchanged: 3" in text
    assert "o14" not in text  # unchanged items are counted, not listed


def test_markdown_and_json_of_a_diff() -> None:
    diff = diff_reports(*_pair())
    md = diff_to_markdown(diff)
    assert "| o01 | โครงสร้าง | ✓ ผ่าน → ✗ ไม่ผ่าน | เคยผ่าน ตอนนี้ไม่ผ่าน / newly failing |" in md
    assert "**ถดถอย / Regressions:** 2" in md
    data = json.loads(diff_to_json(diff))
    assert data["regression"] is True and data["regressions"] == ["o01", "o03"]
    assert data["counts"]["fixed"] == 1 and data["counts"]["unchanged"] == 3
    assert data["score_change"] == pytest.approx(-14.3)
    assert data["changes"][0]["title_th"] == "โครงสร้าง"


def test_load_report_by_run_id_and_by_file(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    before, after = _pair()
    run_id = history.add(before)
    assert load_report(str(run_id), history) == before
    assert load_report(f"#{run_id}", history) == before
    path = tmp_path / "oit-report.json"
    path.write_text(after.model_dump_json(indent=2), encoding="utf-8")
    assert load_report(str(path), None) == after


def test_load_report_errors_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-report.json"
    bad.write_text('{"site": "x"}', encoding="utf-8")
    with pytest.raises(UsageError, match=r"not-a-report\.json: not an oit-checker JSON report"):
        load_report(str(bad), None)
    with pytest.raises(UsageError, match="no history file"):
        load_report("3", None)
    with pytest.raises(UsageError, match="neither a report JSON file nor a run id"):
        load_report(str(tmp_path / "missing.json"), None)
    with pytest.raises(UsageError, match="no run 9"):
        load_report("9", History(tmp_path / "h.sqlite3"))


def test_runs_made_differently_carry_a_scope_warning_thai_first() -> None:
    scan, audit = _pair()
    audit.settings = {**audit.settings, "mode": "audit"}
    diff = diff_reports(scan, audit)
    assert (diff.before_mode, diff.after_mode) == ("scan", "audit") and not diff.same_mode
    assert diff.scope_warning_th.startswith("คำเตือน")
    assert "ตรวจทั้งเว็บไซต์ → ตรวจเฉพาะ URL ที่หน่วยงานส่ง" in diff.scope_warning_th
    assert "scopes differ" in diff.scope_warning_en
    buffer = io.StringIO()
    render_diff(diff, Console(file=buffer, width=300, color_system=None))
    text = buffer.getvalue()
    assert text.index("คำเตือน") < text.index("scopes differ")
    md = diff_to_markdown(diff)
    assert f"{diff.scope_warning_th} / {diff.scope_warning_en}" in md
    data = json.loads(diff_to_json(diff))
    assert data["same_mode"] is False and data["after_mode"] == "audit"
    assert data["scope_warning_en"] == diff.scope_warning_en
    same = diff_reports(*_pair())
    assert same.same_mode and not same.scope_warning_th and "คำเตือน" not in diff_to_markdown(same)
