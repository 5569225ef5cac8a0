"""A submission saved from Excel reads as the same CSV does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from oit_checker.audit.submission import read_submission, resolve_submission
from oit_checker.errors import UsageError
from oit_checker.rules.loader import get_pack
from tests.support.xlsx_submission import write_xlsx_submission

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "audit"
SITE = "https://www.sao-demo.go.th/"


def test_an_excel_submission_reads_as_the_csv(tmp_path: Path) -> None:
    """Title row, Thai header, numbers, a merged item cell, hyperlinks behind display text and
    a =HYPERLINK formula: every URL comes out, item by item, as from the CSV."""
    pack = get_pack(year=2567)
    path = write_xlsx_submission(tmp_path / "ส่งข้อมูล OIT.xlsx", SITE)
    from_xlsx = resolve_submission(read_submission(path), pack, SITE)
    from_csv = resolve_submission(read_submission(FIXTURES / "submission.csv"), pack, SITE)
    expected = {k: v.urls for k, v in from_csv.items.items() if k != "o12"}
    assert {k: v.urls for k, v in from_xlsx.items.items()} == expected
    assert from_xlsx.items["o15"].notes == ["ประกาศ 2 ฉบับ"]
    assert from_xlsx.items["o21"].urls == [f"{SITE}ita/docs/o21-complaint-guide.pdf"]


def test_a_file_that_is_not_a_workbook_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_text("ข้อ,URL\no1,https://x.go.th/\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not an Excel"):
        read_submission(path)


def test_a_workbook_that_unpacks_huge_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"\0" * (65 * 2**20))
    assert path.stat().st_size < 2**20
    with pytest.raises(UsageError, match="unpacks to more than"):
        read_submission(path)
