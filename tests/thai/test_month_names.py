"""Month names with or without a year, as post titles write them."""

from __future__ import annotations

from oit_checker.thai.dates import month_names


def test_month_names_with_and_without_years() -> None:
    assert month_names("สขร.1 เดือนตุลาคม") == [("ตุลาคม", 10)]
    assert month_names("สรุปผล ต.ค. – ธ.ค. ๖๗") == [("ต.ค.", 10), ("ธ.ค.", 12)]
    assert month_names("Procurement summary, November") == [("November", 11)]
    assert month_names("ข่าวประชาสัมพันธ์") == []
