"""Class 5 of issue 13: each person, not one person. Executive pages served on 127.0.0.1 in
the layouts agencies use (cards, a table, captioned photos, position above the name, a board of
both sides of an อปท.); every listed person must have a photo and a contact, and the report says
who lacks what."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import ItemResult, Verdict
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack
from tests.support.images import photo
from tests.support.servers import write_site

HOME = """<!doctype html><html><head><meta charset="utf-8">
<title>องค์การบริหารส่วนตำบลบ้านทดสอบ</title></head><body>
<nav><a href="/about/executives.html">คณะผู้บริหาร</a></nav><p>ยินดีต้อนรับ</p>
<footer>อบต.บ้านทดสอบ โทรศัพท์ 0-4412-3456 อีเมล saraban@bantest.go.th</footer></body></html>"""
PEOPLE = [
    ("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลบ้านทดสอบ", "081-234-5601"),
    ("นางสาวมณี แก้วใส", "รองนายกองค์การบริหารส่วนตำบล", "081-234-5602"),
    ("ว่าที่ร้อยตรีสมศักดิ์ ขยันยิ่ง", "รองนายกองค์การบริหารส่วนตำบล", "081-234-5603"),
    ("นางวิไล พรหมมา", "ปลัดองค์การบริหารส่วนตำบล", "081-234-5604"),
]


def _page(content: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>คณะผู้บริหาร อบต.บ้านทดสอบ</title></head><body>
<header><img src="/img/logo.png" alt="ตราสัญลักษณ์"></header>
<nav><a href="/index.html">หน้าหลัก</a></nav>
<div id="content"><h1>คณะผู้บริหาร</h1>{content}</div>
<footer>อบต.บ้านทดสอบ โทรศัพท์ 0-4412-3456 อีเมล saraban@bantest.go.th</footer>
</body></html>"""


def _cards(phones: set[int], photos: set[int], position_first: bool = False) -> str:
    out = []
    for i, (name, position, phone) in enumerate(PEOPLE):
        img = f'<img src="/uploads/p{i}.jpg" alt="{name}">' if i in photos else ""
        lines = [f"<h4>{position}</h4>", f"<p>{name}</p>"]
        if not position_first:
            lines.reverse()
        tel = f"<p>โทร. {phone}</p>" if i in phones else ""
        out.append(f'<div class="person">{img}{"".join(lines)}{tel}</div>')
    return "".join(out)


def _table(phones: set[int]) -> str:
    rows = "".join(
        f'<tr><td><img src="/uploads/p{i}.jpg"></td><td>{name}</td><td>{position}</td>'
        f"<td>{phone if i in phones else '-'}</td></tr>"
        for i, (name, position, phone) in enumerate(PEOPLE)
    )
    return f"<table><tr><th>รูป</th><th>ชื่อ-สกุล</th><th>ตำแหน่ง</th><th>โทรศัพท์</th></tr>{rows}</table>"


def _o02(tmp: Path, content: str) -> ItemResult:
    files: dict[str, str | bytes] = {
        "index.html": HOME,
        "about/executives.html": _page(content),
        **{f"uploads/p{i}.jpg": photo((160, 200)) for i in range(len(PEOPLE))},
    }
    root = write_site(tmp / "site", files)
    with FixtureServer(root) as server:
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp / "cache", min_interval_s=0.0, max_wall_s=120
        )
        options = ScanOptions(crawl=config, extract_limits=ExtractLimits(), today=date(2025, 3, 1))
        report = run_scan(get_pack(year=2568), options).report
    return next(r for r in report.items if r.item_id == "o02")


def _lacking(result: ItemResult) -> dict[str, str]:
    return {
        p.params["person"]: p.params["missing"]
        for p in result.problems
        if p.code == "person_missing_elements"
    }


ALL = {0, 1, 2, 3}


@pytest.mark.parametrize("position_first", [False, True])
def test_cards_where_only_the_head_has_photo_and_phone_fail_per_person(
    tmp_path: Path, position_first: bool
) -> None:
    o02 = _o02(tmp_path, _cards(phones={0}, photos={0}, position_first=position_first))
    assert o02.verdict is Verdict.FAIL, o02.reason_en
    lacking = _lacking(o02)
    assert set(lacking) == {"นางสาวมณี แก้วใส", "ว่าที่ร้อยตรีสมศักดิ์ ขยันยิ่ง", "นางวิไล พรหมมา"}
    assert "รูปถ่าย" in lacking["นางวิไล พรหมมา"] and "ติดต่อ" in lacking["นางวิไล พรหมมา"]
    deputy = next(p for p in o02.problems if p.code == "person_missing_elements")
    assert "รองนายก" in deputy.message_th and deputy.message_en


def test_cards_with_everyone_complete_pass(tmp_path: Path) -> None:
    o02 = _o02(tmp_path, _cards(phones=ALL, photos=ALL))
    assert o02.verdict is Verdict.PASS, (o02.reason_en, _lacking(o02))


def test_a_deputy_without_a_phone_in_a_table_is_named(tmp_path: Path) -> None:
    o02 = _o02(tmp_path, _table(phones={0, 1, 3}))
    assert o02.verdict is Verdict.FAIL, o02.reason_en
    assert _lacking(o02) == {"ว่าที่ร้อยตรีสมศักดิ์ ขยันยิ่ง": "ช่องทางการติดต่อของผู้บริหาร (โทรศัพท์ หรือ อีเมล)"}


def test_a_contact_line_for_all_executives_counts_for_each(tmp_path: Path) -> None:
    content = _cards(phones=set(), photos=ALL) + "<p>ติดต่อคณะผู้บริหาร โทร. 0-4412-3456 ต่อ 101</p>"
    o02 = _o02(tmp_path, content)
    assert o02.verdict is Verdict.PASS, (o02.reason_en, _lacking(o02))


def test_photos_that_name_nobody_are_not_held_against_anyone(tmp_path: Path) -> None:
    photos = "".join(f'<img src="/uploads/p{i}.jpg">' for i in range(len(PEOPLE)))
    content = f'<div class="gallery">{photos}</div>' + _cards(phones=ALL, photos=set())
    o02 = _o02(tmp_path, content)
    assert o02.verdict is Verdict.PASS, (o02.reason_en, _lacking(o02))


def test_council_members_without_phones_are_not_executives(tmp_path: Path) -> None:
    council = "".join(
        f"<p>{name} สมาชิกสภาองค์การบริหารส่วนตำบล หมู่ {i}</p>"
        for i, name in enumerate(["นายดำ ขำคม", "นายแดง ทองดี"], start=1)
    )
    o02 = _o02(tmp_path, _cards(phones=ALL, photos=ALL) + council)
    assert o02.verdict is Verdict.PASS, (o02.reason_en, _lacking(o02))
