"""Item codes as real agency sites write them (label-variants.csv) and what must not be codes."""

from __future__ import annotations

import pytest

from oit_checker.match.codes import CodeWhere, code_to_item_id, find_codes
from tests.match.docs import has_pack, pack


@pytest.mark.parametrize(
    ("text", "number", "where"),
    [
        ("O1 โครงสร้าง", 1, CodeWhere.LABEL),
        ("o01 โครงสร้าง", 1, CodeWhere.LABEL),
        ("O01", 1, CodeWhere.LABEL),
        ("OIT1", 1, CodeWhere.LABEL),
        ("OIT 21 แนวปฏิบัติ", 21, CodeWhere.LABEL),
        ("o 16 แนวทางปฏิบัติ การจัดการเรื่องร้องเรียน", 16, CodeWhere.LABEL),
        ("ข้อ o1 โครงสร้าง", 1, CodeWhere.LABEL),
        ("01 โครงสร้าง", 1, CodeWhere.LABEL),
        ("043 การดำเนินการตามมาตรการ", 43, CodeWhere.LABEL),
        ("024รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2568", 24, CodeWhere.LABEL),
        ("๐๒๗ ข้อมูลเชิงสถิติ", 27, CodeWhere.LABEL),
        ("O11 รายงานผลการดําเนินงานประจําปี", 11, CodeWhere.LABEL),
        ("การประเมิน ITA-o5 ข่าว", 5, CodeWhere.INLINE),
        ("o_16_แนวทาง.pdf", 16, CodeWhere.PATH),
        ("o15_ประมวลจริยธรรม.pdf", 15, CodeWhere.PATH),
        ("/wp-content/uploads/ita2569/O8/o8-01.pdf", 8, CodeWhere.PATH),
        ("/images/ita/pdf/o-21.pdf", 21, CodeWhere.PATH),
        ("/images/ita/pdf/o14-1.pdf", 14, CodeWhere.PATH),
        ("o10-โครงการ.pdf", 10, CodeWhere.PATH),
        ("src/app/ITA/2568/010/page.tsx", 10, CodeWhere.PATH),
        ("https://x.go.th/ita/O%2012/index.php", 12, CodeWhere.PATH),
    ],
)
def test_codes_as_sites_write_them(text: str, number: int, where: CodeWhere) -> None:
    hits = find_codes(text)
    assert hits, text
    assert hits[0].number == number
    assert hits[0].where is where


@pytest.mark.parametrize(
    "text",
    [
        "MOIT3",
        "MOIT 22 การเปิดโอกาส",
        "files/ita/2565/moit3/1.pdf",
        "EB1 คำกล่าว",
        "EB12",
        "01. พรบ.การจัดซื้อจัดจ้างและการบริหารพัสดุภา",  # list numbering, not a code
        "01/02/2567 ประกาศ",
        "โทร 02 123 4567",
        "021234567",
        "http://x.go.th/wp-content/uploads/2024/01/report.pdf",  # year/month folders
        "photo1.jpg",
        "logo2.png",
        "CO2 emission",
        "ข่าว 15 ต.ค. 2567",
        "ศุนย์ข้อมูลข่าวสาร",
        "",
    ],
)
def test_not_codes(text: str) -> None:
    assert find_codes(text) == []


def test_code_number_above_any_list_is_ignored() -> None:
    assert find_codes("O99 อะไร") == []


def test_code_to_item_id_follows_pack_numbering() -> None:
    p = pack(2567)
    assert code_to_item_id(1, p) == "o01"
    assert code_to_item_id(4, p) == "o04"
    assert code_to_item_id(len(p.items) + 5, p) is None
    assert code_to_item_id(0, p) is None


@pytest.mark.skipif(not has_pack(2569), reason="nacc-2569 pack not written yet")
def test_path_code_under_2569() -> None:
    p = pack(2569)
    hits = find_codes("/wp-content/uploads/ita2569/O8/o8-01.pdf")
    assert code_to_item_id(hits[0].number, p) == "o08"
