"""Every bundled pack loads; the 2567 pack has the agreed shape; the JSON Schema is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oit_checker.assess.recognize import Source, recognize
from oit_checker.problems import all_specs
from oit_checker.rules import ItemStatus, TimeWindow, load_pack
from oit_checker.rules.export_schema import schema_json, schema_path
from oit_checker.rules.recognizer import Recognizer
from oit_checker.thai.text import fold, normalize
from tests.rules.conftest import repo_pack_files


@pytest.mark.parametrize("path", repo_pack_files(), ids=lambda p: p.name)
def test_every_bundled_pack_validates(path: Path) -> None:
    pack = load_pack(path)
    assert path.stem == pack.id
    codes = {s.code for s in all_specs()}
    for item in pack.items:
        for wrong in item.wrong_documents:
            assert wrong.problem_code in codes
        if item.status is ItemStatus.UNKNOWN:
            assert item.provenance.confidence == "L"


def test_json_schema_file_is_current() -> None:
    assert schema_path().read_text("utf-8") == schema_json(), (
        "rules/pack.schema.json is stale: run python -m oit_checker.rules.export_schema"
    )


PACK_2567 = Path(__file__).resolve().parents[2] / "rules" / "nacc-2567.yaml"


def test_2567_has_33_defined_items_in_order() -> None:
    pack = load_pack(PACK_2567)
    assert [i.id for i in pack.items] == [f"o{n:02d}" for n in range(1, 34)]
    assert pack.complete and str(pack.status) == "reconstructed"
    assert pack.item("o02").title_th == "ข้อมูลผู้บริหาร"
    assert pack.item("o14").key == "procurement_plan"
    assert pack.item("o16").window is TimeWindow.MONTHLY
    assert pack.item("o09").window is TimeWindow.PREVIOUS_FISCAL_YEAR
    assert {d.item for d in pack.item("o29").depends_on} == {"o28"}
    assert {d.item for d in pack.item("o33").depends_on} == {"o32"}


def test_2567_code_patterns_find_their_own_item_only() -> None:
    pack = load_pack(PACK_2567)
    for item in pack.items:
        own = f"/ita2567/o{item.number}/file.pdf"
        assert any(re.search(p, own) for p in item.signals.url_patterns), item.id
        for other in pack.items:
            if other.id != item.id:
                other_url = f"/ita2567/o{other.number}/file.pdf"
                code_patterns = [p for p in item.signals.url_patterns if "(oit|o)" in p]
                assert not any(re.search(p, other_url) for p in code_patterns), (item.id, other.id)


def _matches(recognizer_any_of: list[str], text: str) -> bool:
    folded = fold(text)
    return any(fold(p) in folded for p in recognizer_any_of)


def test_2567_purchase_register_is_caught_but_a_real_plan_is_not() -> None:
    wrong = load_pack(PACK_2567).item("o14").wrong_documents[0]
    register = "ทะเบียนคุมการขอซื้อขอจ้าง ประจำปีงบประมาณ ๒๕๖๗ ลำดับ รายการ"
    plan = "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567 และทะเบียนคุมการขอซื้อขอจ้าง"
    assert _matches(wrong.recognize.any_of, register)
    assert wrong.unless is not None
    assert not _matches(wrong.unless.any_of, register)
    assert _matches(wrong.unless.any_of, plan)


def test_2567_phone_and_email_recognizers_accept_usual_forms() -> None:
    contact = load_pack(PACK_2567).item("o04")
    phone = next(e for e in contact.elements if e.id == "phone").recognize
    email = next(e for e in contact.elements if e.id == "email").recognize

    def found(rec: Recognizer, text: str) -> bool:
        return recognize(rec, Source(url="http://127.0.0.1/", text=normalize(text))).found

    for text in ["โทร 044-123456", "โทรศัพท์ 044 123 456", "Tel 02-123-4567", "มือถือ 08 1234 5678"]:
        assert found(phone, text), text
    assert not found(phone, "ปีงบประมาณ 2567")
    assert found(email, "saraban@abt.go.th")
    assert found(email, "saraban(at)abt.go.th")


def test_2567_thai_text_is_clean() -> None:
    lines = PACK_2567.read_text("utf-8").splitlines()
    text = "\n".join(line for line in lines if "misspellings:" not in line)
    assert "\u0e4d\u0e32" not in text  # decomposed sara am (kept only as a misspelling signal)
    assert "\u0e40\u0e40" not in text  # doubled sara e
    for wrong, right in [("กฏหมาย", "กฎหมาย"), ("ปฎิบัติ", "ปฏิบัติ"), ("มาตราฐาน", "มาตรฐาน")]:
        outside_misspellings = [
            line for line in text.splitlines() if wrong in line and "misspellings" not in line
        ]
        assert not outside_misspellings, (wrong, right, outside_misspellings)
