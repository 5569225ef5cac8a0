"""Every required element of every pack has a phrase bank: at least ten real phrasings that its
recogniser must recognise and five near misses it must not, the same bank for the same element
key in every year (see phrase_banks.py). A new element without its bank fails here; the keys
still waiting for a bank are listed in PENDING, which may only shrink."""

from __future__ import annotations

import pytest

from oit_checker.rules.schema import Element, Pack
from tests.rules_packs.conftest import RULES, read_pack
from tests.rules_packs.phrase_banks import (
    MIN_MATCH,
    MIN_MISS,
    bank_key,
    find_bank,
    recognised,
    required_elements,
)

PACKS = {p.stem: read_pack(p.stem) for p in sorted(RULES.glob("nacc-*.yaml"))}


def _image_only(element: Element) -> bool:
    rec = element.recognize
    return rec.needs_image and not rec.has_alternatives and not rec.all_of


def _uses() -> dict[str, list[tuple[str, str, Element]]]:
    """bank key → (pack id, item id, element) of every required element that uses it."""
    out: dict[str, list[tuple[str, str, Element]]] = {}
    for pack_id, pack in PACKS.items():
        for item in pack.items:
            for key, element in required_elements(_only(pack, item.id)):
                out.setdefault(bank_key(key, element), []).append((pack_id, item.id, element))
    return out


def _only(pack: Pack, item_id: str) -> Pack:
    return pack.model_copy(update={"items": [pack.item(item_id)]})


USES = _uses()
IMAGE_ONLY = sorted(k for k, uses in USES.items() if all(_image_only(e) for _p, _i, e in uses))
"""A photo cannot be shown in text: these elements are tested on pages with images."""

PENDING: frozenset[str] = frozenset(
    {
        "complaint_channel.corruption_channel",
        "complaint_channel.online",
        "complaint_guide.corruption_topic",
        "complaint_guide.handling_steps",
        "complaint_guide.how_to_complain",
        "complaint_guide.responsible_unit",
        "complaint_guide.time_frame",
        "contact.address",
        "contact.two_way",
        "contact_qa.address",
        "contact_qa.two_way",
        "duties_powers.duties",
        "e_service.online_service",
        "executives.lao_political_and_permanent",
        "executives.names",
        "gift_receipt_report.gift_receipt",
        "gift_receipt_report.record",
        "gift_receipt_report.report",
        "hr_annual_report.analysis",
        "hr_annual_report.hr_activities",
        "hr_annual_report.problems",
        "hr_annual_report.results",
        "hr_criteria.appointment",
        "hr_criteria.appraisal",
        "hr_criteria.development",
        "hr_criteria.recruitment",
        "hr_criteria.reward_morale",
        "hr_criteria_plan.appraisal",
        "hr_criteria_plan.development_plan",
        "hr_criteria_plan.management_plan",
        "hr_criteria_plan.promotion",
        "hr_criteria_plan.recruitment_appointment",
        "hr_plan.development_plan",
        "hr_plan.management_plan",
        "hr_plan.projects",
        "hr_policy.hr_topics",
        "hr_policy.policy",
        "hr_policy_progress.budget",
        "hr_policy_progress.progress",
        "integrity_measures.measures",
        "integrity_measures.method",
        "integrity_measures.monitoring",
        "integrity_measures.responsible",
        "integrity_measures_actions.measures",
        "integrity_measures_actions.results",
        "integrity_measures_report.measures",
        "integrity_measures_report.results",
        "ita_results_development.development_actions",
        "ita_results_development.responsible",
        "laws.laws",
        "news.dated",
        "news.news_items",
        "no_gift.culture_activity",
        "no_gift.declaration",
        "no_gift.signed_by_head",
        "no_gift_culture.activity",
        "no_gift_culture.culture_activity",
        "no_gift_culture.date",
        "no_gift_culture.details",
        "no_gift_culture.no_gift",
        "no_gift_culture.no_gift_topic",
        "no_gift_culture.participants",
        "no_gift_declaration.all_officials",
        "no_gift_declaration.dated",
        "no_gift_declaration.declaration",
        "no_gift_declaration.signed_by_head",
        "no_gift_gift_rules.declaration",
        "no_gift_gift_rules.gift_rules_knowledge",
        "no_gift_gift_rules.previous_report",
        "no_gift_gift_rules.signed_by_head",
        "no_gift_report.no_gift",
        "no_gift_report.outcomes",
        "no_gift_report.report",
        "participation.improvement",
        "participation.outcome",
        "participation.participants",
        "participation.topic",
        "pdpa_policy.content",
        "pdpa_policy.policy",
        "procurement_announcements.announcements",
        "procurement_announcements.details",
        "procurement_annual_report.analysis",
        "procurement_annual_report.figures",
        "procurement_annual_report.summary",
        "procurement_items_progress.agreed_price_supplier",
        "procurement_items_progress.allocated_budget",
        "procurement_items_progress.budget_source",
        "procurement_items_progress.item",
        "procurement_items_progress.reference_price",
        "procurement_items_progress.status",
        "procurement_monthly_summary.bidders",
        "procurement_monthly_summary.budget",
        "procurement_monthly_summary.contract",
        "procurement_monthly_summary.item",
        "procurement_monthly_summary.reason",
        "procurement_monthly_summary.reference_price",
        "procurement_monthly_summary.winner",
        "procurement_plan.expected_time",
        "procurement_plan.items_budget",
        "procurement_plan.plan",
        "qa.two_way",
        "satisfaction_survey.figures",
        "satisfaction_survey.survey",
        "service_manual.duration",
        "service_manual.manual",
        "service_manual.steps",
        "service_statistics.period",
        "service_statistics.statistics",
        "six_month_progress_report.budget_spent",
        "six_month_progress_report.progress",
        "six_month_progress_report.six_months",
        "social_network.social_link",
        "staff_manual.manual",
        "staff_manual.procedure",
        "strategic_plan.content",
        "strategic_plan.multi_year",
        "strategic_plan.plan",
        "structure.chart",
        "structure.key_positions",
        "structure.units",
        "structure_duties.chart",
        "structure_duties.key_positions",
        "structure_duties.lao_political_and_permanent",
        "structure_duties.province_officials",
        "structure_duties.units",
    }
)
"""Element keys whose bank is not written yet (listed in the note); may only shrink."""

BANKED = sorted(k for k in USES if k not in IMAGE_ONLY and k not in PENDING)


@pytest.mark.parametrize("key", BANKED)
def test_phrase_bank(key: str) -> None:
    for pack_id, item_id, element in USES[key]:
        where = f"{pack_id} {item_id}.{element.id}"
        bank = find_bank(key.split(".")[0], element)
        assert bank is not None, (
            f"{where}: no phrase bank for {key}; add it to"
            f" tests/rules_packs/banks/{key.split('.')[0]}.yaml"
        )
        assert len(bank.match) >= MIN_MATCH, f"{bank.where}: at least {MIN_MATCH} phrasings"
        assert len(bank.miss) >= MIN_MISS, f"{bank.where}: at least {MIN_MISS} near misses"
        missed = [t for t in bank.match if not recognised(element.recognize, t)]
        assert not missed, f"{where} does not recognise ({bank.where}): {missed}"
        wrongly = [t for t in bank.miss if recognised(element.recognize, t)]
        assert not wrongly, f"{where} wrongly recognises ({bank.where}): {wrongly}"


def test_pending_only_shrinks() -> None:
    stale = sorted(k for k in PENDING if k not in USES)
    assert not stale, f"PENDING names keys no pack has any more: {stale}"
    done = sorted(k for k in PENDING if all(find_bank(k.split(".")[0], e) for _p, _i, e in USES[k]))
    assert not done, f"these keys have a bank now; remove them from PENDING: {done}"
