"""The nacc-2566, nacc-2568 and nacc-2569 packs: shape, numbering, keys, codes, provenance."""

from __future__ import annotations

import re
from datetime import date

import pytest

from oit_checker.problems import spec
from oit_checker.rules import load_pack
from oit_checker.rules.schema import EvidenceKind, ItemStatus, Pack, PackStatus, TimeWindow
from tests.rules_packs.conftest import MY_PACKS, RULES

EXPECTED = {
    "nacc-2566": (2566, 43, PackStatus.RECONSTRUCTED, date(2022, 10, 1), date(2023, 9, 30)),
    "nacc-2568": (2568, 26, PackStatus.RECONSTRUCTED, date(2024, 10, 1), date(2025, 9, 30)),
    "nacc-2569": (2569, 26, PackStatus.RECONSTRUCTED, date(2025, 10, 1), date(2026, 9, 30)),
}

# Topic keys of the product brief (shared across years), plus the 2568/2569 merges and new topics.
TOPIC_KEYS = set(
    [
        "structure",
        "executives",
        "duties_powers",
        "contact",
        "news",
        "qa",
        "social_network",
        "laws",
        "strategic_plan",
        "pdpa_policy",
        "annual_operation_plan",
        "six_month_progress_report",
        "annual_operation_report",
        "staff_manual",
        "service_manual",
        "service_statistics",
        "satisfaction_survey",
        "e_service",
        "procurement_plan",
        "procurement_announcements",
        "procurement_monthly_summary",
        "procurement_annual_report",
        "hr_policy",
        "hr_policy_progress",
        "hr_criteria",
        "hr_annual_report",
        "complaint_guide",
        "complaint_channel",
        "complaint_statistics",
        "participation",
        "no_gift_declaration",
        "no_gift_culture",
        "no_gift_report",
        "corruption_risk_assessment",
        "corruption_risk_actions",
        "anti_corruption_plan",
        "anti_corruption_six_month_report",
        "anti_corruption_annual_report",
        "code_of_ethics",
        "ethics_promotion",
        "ethics_assessment",
        "integrity_measures",
        "integrity_measures_actions",
        "structure_duties",
        "contact_qa",
        "procurement_items_progress",
        "hr_plan",
        "hr_criteria_plan",
        "ethics",
        "no_gift",
        "no_gift_gift_rules",
        "gift_receipt_report",
        "bribery_risk_assessment",
        "corruption_risk_actions_report",
        "ita_results_development",
        "integrity_measures_report",
        "annual_plan_progress",
    ]
)
UNKNOWN_KEY = re.compile(r"^unknown_(\d{4})_(o\d{2})$")

KEYS_2566 = [
    "structure",
    "executives",
    "duties_powers",
    "strategic_plan",
    "contact",
    "laws",
    "news",
    "qa",
    "social_network",
    "pdpa_policy",
    "annual_operation_plan",
    "six_month_progress_report",
    "annual_operation_report",
    "staff_manual",
    "service_manual",
    "service_statistics",
    "satisfaction_survey",
    "e_service",
    "procurement_plan",
    "procurement_announcements",
    "procurement_monthly_summary",
    "procurement_annual_report",
    "hr_policy",
    "hr_policy_progress",
    "hr_criteria",
    "hr_annual_report",
    "complaint_guide",
    "complaint_channel",
    "complaint_statistics",
    "participation",
    "no_gift_declaration",
    "no_gift_culture",
    "no_gift_report",
    "corruption_risk_assessment",
    "corruption_risk_actions",
    "anti_corruption_plan",
    "anti_corruption_six_month_report",
    "anti_corruption_annual_report",
    "code_of_ethics",
    "ethics_promotion",
    "ethics_assessment",
    "integrity_measures",
    "integrity_measures_actions",
]
KEYS_2568 = [
    "structure_duties",
    "executives",
    "contact",
    "news",
    "strategic_plan",
    "annual_plan_progress",
    "annual_operation_report",
    "staff_manual",
    "service_manual",
    "e_service",
    "service_statistics",
    "procurement_items_progress",
    "procurement_annual_report",
    "hr_plan",
    "hr_annual_report",
    "ethics",
    "complaint_guide",
    "complaint_channel",
    "complaint_statistics",
    "participation",
    "no_gift",
    "gift_receipt_report",
    "bribery_risk_assessment",
    "corruption_risk_actions_report",
    "anti_corruption_plan",
    "anti_corruption_annual_report",
]
KEYS_2569 = [
    "structure_duties",
    "executives",
    "contact_qa",
    "news",
    "strategic_plan",
    "annual_plan_progress",
    "annual_operation_report",
    "staff_manual",
    "service_manual",
    "e_service",
    "procurement_monthly_summary",
    "procurement_annual_report",
    "hr_criteria_plan",
    "hr_annual_report",
    "ethics",
    "complaint_guide",
    "complaint_channel",
    "complaint_statistics",
    "participation",
    "no_gift_gift_rules",
    "corruption_risk_assessment",
    "corruption_risk_actions_report",
    "anti_corruption_plan",
    "anti_corruption_annual_report",
    "ita_results_development",
    "integrity_measures_report",
]


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_pack_loads_through_the_loader(pack_id: str) -> None:
    # load_pack validates the schema and checks every problem code against the catalog.
    pack = load_pack(RULES / f"{pack_id}.yaml")
    assert pack.id == pack_id


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_header(packs: dict[str, Pack], pack_id: str) -> None:
    pack = packs[pack_id]
    year, count, status, start, end = EXPECTED[pack_id]
    assert (pack.scheme, pack.year, pack.status) == ("nacc", year, status)
    assert (pack.fiscal_year_start, pack.fiscal_year_end) == (start, end)
    assert len(pack.items) == count
    assert pack.title_th and pack.title_en and pack.notes
    assert any("rtrda" in (s.url or "").lower() for s in pack.sources) == (year != 2566)
    assert "§9" in pack.notes or "Open question" in pack.notes


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_ids_are_contiguous(packs: dict[str, Pack], pack_id: str) -> None:
    ids = [item.id for item in packs[pack_id].items]
    assert ids == [f"o{n:02d}" for n in range(1, len(ids) + 1)]


@pytest.mark.parametrize(
    ("pack_id", "keys"),
    [("nacc-2566", KEYS_2566), ("nacc-2568", KEYS_2568), ("nacc-2569", KEYS_2569)],
)
def test_topic_keys_in_order(packs: dict[str, Pack], pack_id: str, keys: list[str]) -> None:
    assert [item.key for item in packs[pack_id].items] == keys


def test_keys_are_known_topics_or_marked_unknown(packs: dict[str, Pack]) -> None:
    for pid in MY_PACKS:
        for item in packs[pid].items:
            m = UNKNOWN_KEY.match(item.key)
            if m:
                assert (int(m.group(1)), m.group(2)) == (packs[pid].year, item.id)
                assert item.status is ItemStatus.UNKNOWN
            else:
                assert item.key in TOPIC_KEYS, f"{pid} {item.id}: unexpected key {item.key}"
                assert item.status is ItemStatus.DEFINED


def test_same_title_means_same_key_in_every_pack(packs: dict[str, Pack]) -> None:
    """One official title is one topic, whatever the year (nacc-2567 included when present)."""
    key_of: dict[str, tuple[str, str]] = {}
    for pid, pack in packs.items():
        for item in pack.items:
            if item.status is ItemStatus.UNKNOWN:
                continue
            seen = key_of.setdefault(item.title_th, (item.key, f"{pid} {item.id}"))
            assert seen[0] == item.key, f"{item.title_th!r}: {seen} vs {pid} {item.id} {item.key}"


def test_procurement_plan_key_matches_2567(packs: dict[str, Pack]) -> None:
    plan_2566 = packs["nacc-2566"].item("o19")
    assert plan_2566.key == "procurement_plan"
    if "nacc-2567" in packs:
        assert packs["nacc-2567"].item("o14").key == "procurement_plan"
        assert packs["nacc-2567"].item("o14").title_th == plan_2566.title_th


def test_merged_items_name_earlier_keys(packs: dict[str, Pack]) -> None:
    earlier = {item.key for pid in ("nacc-2566", "nacc-2568") for item in packs[pid].items}
    merged = {
        (pid, item.id): item.merged_from
        for pid in ("nacc-2568", "nacc-2569")
        for item in packs[pid].items
        if item.merged_from
    }
    assert merged[("nacc-2568", "o01")] == ["structure", "duties_powers"]
    assert merged[("nacc-2568", "o21")] == ["no_gift_declaration", "no_gift_culture"]
    assert set(merged[("nacc-2569", "o03")]) == {"contact", "qa"}
    assert {"hr_criteria", "hr_policy"} <= set(merged[("nacc-2569", "o13")])
    for (pid, iid), keys in merged.items():
        assert set(keys) <= earlier, f"{pid} {iid} merges unknown keys {set(keys) - earlier}"


def test_every_wrong_document_code_is_registered(packs: dict[str, Pack]) -> None:
    codes = {
        wd.problem_code
        for pid in MY_PACKS
        for item in packs[pid].items
        for wd in item.wrong_documents
    }
    assert len(codes) >= 10
    for code in codes:
        assert code.startswith("wrong_document_")
        s = spec(code)
        assert s.th and s.en


def test_required_wrong_document_patterns_present(p2566: Pack, p2568: Pack) -> None:
    def codes(item_id: str, pack: Pack = p2566) -> set[str]:
        return {wd.problem_code for wd in pack.item(item_id).wrong_documents}

    assert "wrong_document_purchase_register_as_plan" in codes("o19")
    assert "wrong_document_purchase_register_as_monthly_summary" in codes("o21")
    assert "wrong_document_purchase_register_as_annual_report" in codes("o22")
    assert "wrong_document_purchase_register_as_procurement_list" in codes("o12", p2568)
    assert "wrong_document_expenditure_worksheet_as_annual_report" in codes("o13")
    assert "wrong_document_staff_development_plan_as_hr_progress" in codes("o24")
    assert "wrong_document_staff_development_plan_as_hr_report" in codes("o26")
    assert "wrong_document_plan_as_six_month_report" in codes("o12")
    assert "wrong_document_plan_as_six_month_report" in codes("o37")
    for item in p2566.items:
        for wd in item.wrong_documents:
            assert wd.unless is not None, (
                f"{item.id} {wd.id}: no way to keep the right document safe"
            )


def test_no_item_is_unknown_after_the_2026_12_corrections(packs: dict[str, Pack]) -> None:
    """criteria-2026-12.md §5: 2568 O5–O7 and 2569 O6–O7 are defined (low-confidence ones are
    judged and say so in the report), so the packs are complete."""
    unknown = {
        pid: [i.id for i in packs[pid].items if i.status is ItemStatus.UNKNOWN] for pid in MY_PACKS
    }
    assert unknown == {pid: [] for pid in MY_PACKS}
    assert all(packs[pid].complete for pid in MY_PACKS)


def test_2568_o01_local_government_chart_rule(p2568: Pack) -> None:
    item = p2568.item("o01")
    assert item.key == "structure_duties"
    lao = [e for e in item.elements if "lao" in e.applies_to]
    assert len(lao) == 1
    assert {"นายก", "ปลัด"} <= set(lao[0].recognize.all_of)
    assert "ฝ่ายการเมือง" in lao[0].th and "ฝ่ายข้าราชการประจำ" in lao[0].th
    assert [e.id for e in item.elements if "province" in e.applies_to] == ["province_officials"]
    assert item.provenance.confidence.value == "H"


def test_2569_o03_merges_contact_and_questions(p2569: Pack) -> None:
    item = p2569.item("o03")
    assert (item.key, item.title_th) == ("contact_qa", "ข้อมูลการติดต่อและช่องทางการสอบถาม")
    ids = {e.id for e in item.elements}
    assert {"address", "phone", "email", "map", "two_way"} <= ids
    assert not any(i.key in ("contact", "qa") for i in p2569.items)


def test_2569_specifics(p2569: Pack) -> None:
    assert p2569.item("o25").key == "ita_results_development"
    assert p2569.item("o10").key == "e_service"
    assert "usage_statistics" in {e.id for e in p2569.item("o10").elements}
    assert p2569.item("o20").title_th.startswith("การขับเคลื่อนนโยบาย No Gift Policy")
    # D-13: the previous fiscal year (RTRDA, as 2568 O19) first, the first half accepted
    assert p2569.item("o18").window is TimeWindow.PREVIOUS_FISCAL_YEAR
    assert p2569.item("o18").window_alternatives == [TimeWindow.FIRST_HALF]


def test_2568_specifics(p2568: Pack) -> None:
    assert p2568.item("o12").key == "procurement_items_progress"
    fields = {e.id for e in p2568.item("o12").elements}
    assert {"allocated_budget", "budget_source", "status", "reference_price"} <= fields
    assert p2568.item("o23").key == "bribery_risk_assessment"
    assert p2568.item("o21").merged_from == ["no_gift_declaration", "no_gift_culture"]


DEPENDENCIES_2566 = {
    "o12": "o11",  # six-month report → operation plan
    "o24": "o23",  # HR policy progress → HR policy ("ในข้อ o23")
    "o26": "o23",
    "o33": "o31",  # No Gift report → declaration
    "o35": "o34",  # risk actions → risk assessment
    "o37": "o36",  # anti-corruption six-month report → plan
    "o43": "o42",  # measures implementation → measures
}


def test_2566_dependencies(p2566: Pack) -> None:
    found = {i.id: [d.item for d in i.depends_on] for i in p2566.items if i.depends_on}
    assert found == {k: [v] for k, v in DEPENDENCIES_2566.items()}
    for iid, base in DEPENDENCIES_2566.items():
        dep = p2566.item(iid).depends_on[0]
        # each reason names the base item, in Thai and in English
        assert f"o{int(base[1:])}" in dep.th and f"o{int(base[1:])}" in dep.en


def test_windows_and_evidence_kinds(p2566: Pack) -> None:
    windows = {i.id: i.window for i in p2566.items}
    assert windows["o01"] is TimeWindow.CURRENT
    assert windows["o04"] is TimeWindow.MULTI_YEAR
    assert windows["o12"] is TimeWindow.FIRST_HALF
    assert windows["o13"] is TimeWindow.PREVIOUS_FISCAL_YEAR
    assert windows["o19"] is TimeWindow.FISCAL_YEAR
    assert windows["o21"] is TimeWindow.MONTHLY
    channels = {i.id for i in p2566.items if i.evidence_kind is EvidenceKind.CHANNEL}
    assert channels == {"o08", "o09", "o18", "o28"}
    assert "ไม่มีการจัดซื้อจัดจ้าง" in p2566.item("o21").none_statements
    assert "ไม่มีเรื่องร้องเรียน" in p2566.item("o29").none_statements


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_remediation_is_specific(packs: dict[str, Pack], pack_id: str) -> None:
    pack = packs[pack_id]
    for item in pack.items:
        th, en = item.remediation.th, item.remediation.en
        assert "{" not in th + en and "}" not in th + en, f"{item.id}: unfilled template"
        if item.status is ItemStatus.UNKNOWN:
            continue
        assert "เว็บไซต์หลัก" in th and "main website" in en, item.id
        if item.window in (TimeWindow.FISCAL_YEAR, TimeWindow.FIRST_HALF, TimeWindow.MONTHLY):
            assert str(pack.year) in th, f"{item.id}: period not named"
        if item.window is TimeWindow.PREVIOUS_FISCAL_YEAR:
            assert str(pack.year - 1) in th, f"{item.id}: previous year not named"


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_provenance_and_texts(packs: dict[str, Pack], pack_id: str) -> None:
    for item in packs[pack_id].items:
        assert item.provenance.source
        # titles such as "Q&A" and "E–Service" are official and have no Thai letters
        assert re.search("[\u0e01-\u0e4f]", item.remediation.th), f"{item.id}: Thai text expected"
        for text in (item.title_th, item.remediation.th, item.remediation.en):
            assert "\ufffd" not in text
        for el in item.elements:
            for pattern in el.recognize.regex:
                assert not re.search("[๐-๙]", pattern), "regexes run on Arabic digits"


@pytest.mark.parametrize("pack_id", MY_PACKS)
def test_item_code_in_path(packs: dict[str, Pack], pack_id: str) -> None:
    """The code-in-path pattern finds o12/O12/o-12 for item 12 and never item 1 in o11 or o12."""
    for item in packs[pack_id].items:
        n = item.number
        url = [re.compile(p) for p in item.signals.url_patterns]
        names = [re.compile(p) for p in item.signals.filename_patterns]
        for path in (
            f"/ita{pack_id[-4:]}/o{n}/",
            f"/uploads/o{n:02d}.pdf",
            f"/ita/o-{n}-report.pdf",
        ):
            assert any(r.search(path) for r in url), (item.id, path)
        assert any(r.search(f"o_{n}_แผน.pdf") for r in names), item.id
        for other in (n * 10 + 1, n + 10) if n < 10 else ():
            assert not any(r.search(f"/ita/o{other}/") for r in url[:1]), (item.id, other)
