"""Every report format says which checklist was used and why, shows a pack's notice (an
expected list not yet published), and shows an item's notes (how sure the checklist is, what
is not yet due) with its reason."""

from __future__ import annotations

from datetime import date

import pytest

from oit_checker.models import Report, Verdict
from oit_checker.pipeline import pack_info
from oit_checker.problems import make
from oit_checker.report import FORMATS, render
from oit_checker.rules import get_pack
from tests.report.sample import sample_report

DAY = date(2026, 12, 1)


def _report() -> Report:
    report = sample_report()
    report.pack = pack_info(get_pack(today=DAY), DAY)
    item = next(i for i in report.items if i.verdict is Verdict.PASS)
    item.problems.append(make("checklist_low_confidence"))
    item.problems.append(
        make(
            "not_yet_due",
            as_of="1 ธ.ค. 2569",
            as_of_en="1 Dec 2026",
            months="ธ.ค. 2569–มี.ค. 2570",
            months_en="Dec 2026–Mar 2027",
        )
    )
    return report


_BOX = str.maketrans("", "", "│┃║")


def _text(out: str | bytes) -> str:
    """The output without layout: the terminal folds long Thai text inside table borders."""
    text = out.decode("utf-8-sig") if isinstance(out, bytes) else out
    return "".join(text.translate(_BOX).split())


def _has(text: str, needle: str) -> bool:
    return "".join(needle.split()) in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_the_expected_list_and_why(fmt: str) -> None:
    report = _report()
    assert report.pack.id == "nacc-2570"
    text = _text(render(report, fmt))
    assert _has(text, "รายการที่คาดว่าจะใช้ ยังไม่ประกาศโดยสำนักงาน ป.ป.ช.")
    assert _has(text, "Expected list, not yet published by the NACC")
    assert _has(text, "ค่าเริ่มต้นตามปฏิทิน") and _has(text, "ITA 2570")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_item_notes(fmt: str) -> None:
    text = _text(render(_report(), fmt))
    assert _has(text, "ความเชื่อมั่นของเกณฑ์ข้อนี้: ต่ำ")
    assert _has(text, "Checklist confidence for this item: low")
    assert _has(text, "ณ วันที่ 1 ธ.ค. 2569 ข้อมูลของ ธ.ค. 2569–มี.ค. 2570 ยังไม่ถึงกำหนด")
