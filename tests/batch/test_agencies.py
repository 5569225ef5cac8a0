"""Reading the agency list and naming each agency's folder safely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oit_checker.batch.agencies import parse_agencies, read_agencies, site_id_for
from oit_checker.errors import UsageError

_SAFE = re.compile(r"^\d{5}-[a-z0-9-]{1,40}-[0-9a-f]{8}$")


def test_columns_aliases_and_defaults(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(
        "ชื่อหน่วยงาน,เว็บไซต์,ประเภท,จังหวัด,ปี\n"
        "อบต.บ้านทดสอบ,www.bantest.go.th,อบต.,ลำพูน,2568\n"
        "\n"
        ",https://Example.GO.th/ita/,,,\n",
        encoding="utf-8-sig",
    )
    first, second = read_agencies(csv)
    assert (first.name, first.url, first.agency_type, first.province, first.pack) == (
        "อบต.บ้านทดสอบ",
        "https://www.bantest.go.th",
        "อบต.",
        "ลำพูน",
        "2568",
    )
    assert first.host == "bantest.go.th"  # as the crawler's politeness keys hosts
    assert second.name == "example.go.th"  # the host when the name is empty
    assert second.row == 2
    assert _SAFE.match(first.site_id) and _SAFE.match(second.site_id)


def test_thai_windows_code_page(tmp_path: Path) -> None:
    csv = tmp_path / "excel.csv"
    csv.write_bytes("name,url\nเทศบาลตำบลทดสอบ,http://tessaban.go.th/\n".encode("cp874"))
    (agency,) = read_agencies(csv)
    assert agency.name == "เทศบาลตำบลทดสอบ"


@pytest.mark.parametrize(
    "text",
    ["name,link\nA,http://a.go.th\n", "name,url\nA,javascript:alert(1)\n", "name,url\n", ""],
)
def test_bad_lists_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        parse_agencies(text)


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        read_agencies(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    "url",
    [
        "http://../../etc/passwd/",
        "https://xn--12c1bik6bbd8ab6hd1b5jc6jta.com/",
        "http://a" + "b" * 300 + ".go.th/",
        "https://[::1]:8443/..%2f..%2f",
        "http://CON/",
    ],
)
def test_site_ids_are_safe_folder_names(url: str) -> None:
    site_id = site_id_for(7, url)
    assert _SAFE.match(site_id), site_id
    assert site_id != site_id_for(7, url + "x")  # same host, other URL: another folder
