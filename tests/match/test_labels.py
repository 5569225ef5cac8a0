"""Real-style labels (label-variants.csv and others seen on agency sites) → the right item."""

from __future__ import annotations

import pytest

from oit_checker.match.hub import LABEL_MIN, label_item
from oit_checker.match.index import index_for
from tests.match.docs import has_pack, pack

LABELS_2567 = [
    ("O1 โครงสร้าง", "o01"),
    ("01 โครงสร้าง", "o01"),
    ("โครงสร้างองค์กร", "o01"),
    ("O2 ข้อมูลผู้บริหาร", "o02"),
    ("ข้อมูลผู้บริหาร - อบต.ทดสอบ", "o02"),
    ("ติดต่อเรา", "o04"),
    ("O6 Q&A", "o06"),
    ("เเผนการดำเนินงาน", "o07"),  # two sara e
    ("รายงานการกำกับ ติดตามการดำเนินงาน ประจำปี รอบ 6 เดือน", "o08"),  # spaces inside
    ("O11 รายงานผลการดําเนินงานประจําปี", "o09"),  # decomposed sara am; code is another year's
    ("คู่มือหรือมาตราฐานการให้บริการ", "o11"),  # misspelt มาตรฐาน
    ("O13 E–Service", "o13"),  # en dash
    ("แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ ประจำปีงบประมาณ 2567", "o14"),
    ("ประกาศต่างๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาวัสดุ", "o15"),  # วัสดุ for พัสดุ
    ("O16 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "o16"),
    ("024รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2568", "o31"),  # text beats code
    ("O25 ประกาศเจตนารมณ์นโยบาย No Gift Policy", "o25"),
    ("O27 รายงานผลตามนโบาย No Gift Policy", "o27"),  # นโบาย
]


@pytest.mark.parametrize(("label", "item_id"), LABELS_2567)
def test_labels_2567(label: str, item_id: str) -> None:
    found, quality = label_item(label, pack(2567))
    assert found == item_id, (label, found, quality)
    assert quality >= LABEL_MIN


@pytest.mark.parametrize(
    "label",
    [
        "ศุนย์ข้อมูลข่าวสาร",  # an info-centre menu, not an item
        "หน้าแรก",
        "ประชุมสภาองค์การบริหารส่วนตำบล สมัยสามัญ",
        "MOIT3",
        "MOIT 3 ข้อมูลการจัดซื้อ",
        "EB1",
    ],
)
def test_labels_that_name_no_item_strongly(label: str) -> None:
    index = index_for(pack(2567))
    best = index.read_label(label).best()
    assert best is None or best[1] < LABEL_MIN, best
    found, _ = label_item(label, pack(2567))
    if label.upper().startswith(("MOIT", "EB")):
        assert found is None


def test_code_alone_names_item_by_pack_numbering() -> None:
    assert label_item("O12", pack(2567)) == ("o12", 0.0)


def test_negative_phrase_is_reported() -> None:
    reading = index_for(pack(2567)).read_label("ทะเบียนคุมการขอซื้อขอจ้าง")
    assert "o14" in reading.negatives


@pytest.mark.skipif(not has_pack(2568), reason="nacc-2568 pack not written yet")
@pytest.mark.parametrize(
    ("label", "item_id"),
    [
        ("O1 โครงสร้างและอำนาจหน้าที่", "o01"),
        ("O10 E–Service", "o10"),
        # 2568 O24 is the risk-management report; this label's words name O26 and the label
        # decides over the code (see README of match: codes are weak hints).
        ("024รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2568", "o26"),
        ("O13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2568", "o13"),
    ],
)
def test_labels_2568(label: str, item_id: str) -> None:
    assert label_item(label, pack(2568))[0] == item_id


@pytest.mark.skipif(not has_pack(2569), reason="nacc-2569 pack not written yet")
@pytest.mark.parametrize(
    ("label", "item_id"),
    [
        ("024รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2568", "o24"),
        ("o 16 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "o16"),
        ("O5 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "o05"),
        ("o15 ประมวลจริยธรรม", "o15"),
    ],
)
def test_labels_2569(label: str, item_id: str) -> None:
    assert label_item(label, pack(2569))[0] == item_id
