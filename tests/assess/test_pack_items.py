"""Every item of every real rule pack: evidence that passes, evidence that fails for each reason
that applies to the item (each missing element, wrong year, each wrong document, a failed base
item, nothing on the site), and evidence that ends in review or not_checked.

The documents are written from the pack's own phrases (an agency page or PDF holding the item's
title, the period and one phrase per element), so that the table follows the packs as they are
corrected; the engine, not the phrases, is what is tested here. Realistic hand-written documents
for the assessors' classic remarks are in test_seed_cases.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from oit_checker.assess import SiteEvidence, assess_item
from oit_checker.assess.channel import access_elements
from oit_checker.assess.recognize import Source, recognize
from oit_checker.models import Candidate, Document, ItemResult, Verdict
from oit_checker.rules.loader import RulePackError
from oit_checker.rules.schema import (
    Element,
    EvidenceKind,
    Item,
    ItemStatus,
    Pack,
    Recognizer,
    TimeWindow,
)
from tests.assess.docs import cand, file_doc, has_pack, pack, page, site, url

ALL_YEARS = [y for y in (2566, 2567, 2568, 2569) if has_pack(y)]


def _load(year: int) -> Pack | RulePackError:
    try:
        return pack(year)
    except RulePackError as exc:
        return exc


_LOADED = {y: _load(y) for y in ALL_YEARS}
PACKS = {y: p for y, p in _LOADED.items() if isinstance(p, Pack)}
YEARS = sorted(PACKS)
_MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"]


def _regex_samples(fy: int) -> list[str]:
    """Realistic strings for regex elements (names, phone, e-mail, dates, money, counts)."""
    return [
        "นายสมชาย ทองดี และ นางสาวมณี ศรีสุข",
        "โทร 044-123-456 อีเมล saraban@example-sao.go.th",
        f"15 มกราคม {fy}",
        "งบประมาณ 150,000 บาท",
        "ภายใน 15 วันทำการ",
        "จำนวน 12 ราย",
        f"แผนระยะ 5 ปี (พ.ศ. {fy - 1} - {fy + 3})",
        "ร้อยละ 80",
        "ปี 2567",
        "บันทึกข้อความ",
    ]


def _sample(rec: Recognizer, fy: int) -> tuple[str, list[str], bool]:
    """(text, link hosts, needs image) that satisfy a recognizer."""
    parts = list(rec.all_of)
    hosts: list[str] = []
    times = max(rec.min_count, 1)
    if rec.any_of:
        parts += [rec.any_of[0]] * times
    elif rec.use and rec.shared[0].examples.match:
        parts += [rec.shared[0].examples.match[0]] * times
    elif rec.regex:
        for sample in _regex_samples(fy):
            if any(re.search(p, sample, re.IGNORECASE) for p in rec.regex):
                parts += [sample] * times
                break
        else:
            raise AssertionError(f"no sample text for regex {rec.regex}; add one")
    elif rec.link_hosts:
        hosts = [rec.link_hosts[0]] * times
    return " ".join(parts), hosts, rec.needs_image


def _period(item: Item, fy: int) -> str:
    window = item.window
    if window is TimeWindow.FIRST_HALF:
        return f"รอบ 6 เดือน (1 ตุลาคม {fy - 1} - 31 มีนาคม {fy})"
    if window is TimeWindow.MULTI_YEAR:
        return f"ระยะ 5 ปี (พ.ศ. {fy - 1}-{fy + 3})"
    if window in (TimeWindow.FISCAL_YEAR, TimeWindow.PREVIOUS_FISCAL_YEAR):
        return f"ประจำปีงบประมาณ พ.ศ. {fy}"
    return ""


def _good_year(item: Item, p: Pack) -> int:
    return p.year - 1 if item.window is TimeWindow.PREVIOUS_FISCAL_YEAR else p.year


def _required(item: Item) -> list[Element]:
    return [e for e in item.elements if not e.optional and not e.applies_to]


@dataclass
class Spec:
    """How to write the item's documents."""

    fy: int
    drop: str | None = None
    dated: bool = True
    extra: list[str] = field(default_factory=list)
    only_extra: bool = False
    way_in: bool = True
    """For a channel item's page: a form to fill in (without it the page only names it)."""


def _docs(item: Item, spec: Spec, **file_kw: Any) -> list[Document]:
    lines: list[str] = []
    hosts: list[str] = []
    image = False
    if not spec.only_extra:
        lines.append(item.title_th)
        for element in _required(item):
            if element.id == spec.drop:
                continue
            text, h, img = _sample(element.recognize, spec.fy)
            lines.append(text)
            hosts += h
            image = image or img
    lines += spec.extra
    if item.window is TimeWindow.MONTHLY:
        docs = []
        for i, month in enumerate(_MONTHS):
            year = spec.fy - 1 if i < 3 else spec.fy
            head = [f"ประจำเดือน {month} {year}"] if spec.dated else []
            docs.append(
                file_doc(f"files/{item.id}-{i + 1}.pdf", "\n".join(head + lines), **file_kw)
            )
        return docs
    if spec.dated and (p := _period(item, spec.fy)):
        lines.insert(1, p)
    if file_kw:
        return [file_doc(f"files/{item.id}.pdf", "\n".join(lines), **file_kw)]
    body = "".join(f"<p>{line}</p>" for line in lines)
    body += "".join(f'<a href="https://{h}/agency">{h}</a> ' for h in hosts)
    if item.evidence_kind is EvidenceKind.CHANNEL and spec.way_in:
        body += _SERVICE_FORM
    if image:
        body += '<img src="/images/photo1.jpg" alt="รูป"><img src="/images/photo2.jpg" alt="รูป">'
    title = spec.extra[0] if spec.only_extra and spec.extra else item.title_th
    return [page(f"oit/{item.id}", title, body)]


_SERVICE_FORM = """<form action="/channel/send" method="post">
<label>ชื่อ-นามสกุล <input name="fullname"></label>
<label>ข้อความ <textarea name="message"></textarea></label>
<button type="submit">ตกลง</button></form>"""
"""A form whose words are none of the packs' phrases (it must not stand in for an element)."""


def _build(
    item: Item, spec: Spec, *, partial: bool = False, **file_kw: Any
) -> tuple[list[Candidate], SiteEvidence]:
    docs = _docs(item, spec, **file_kw)
    hub = url("ita-2567") if len(docs) > 1 else None
    cands = [cand(item.id, d.url, 0.9 - i * 0.01, hub=hub) for i, d in enumerate(docs)]
    return cands, site(docs, partial=partial)


def _bases(item: Item, verdict: Verdict) -> dict[str, ItemResult]:
    return {
        d.item: ItemResult(item_id=d.item, title_th=d.th, title_en=d.en, verdict=verdict)
        for d in item.depends_on
    }


@dataclass
class Case:
    id: str
    year: int
    item: str
    build: Callable[[], tuple[list[Candidate], SiteEvidence]]
    verdict: Verdict
    codes: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    bases: Verdict = Verdict.PASS


MULTI = TimeWindow.MULTI_YEAR


def _wrong_code(item: Item, docs: list[Document]) -> str | None:
    for wd in item.wrong_documents:
        for doc in docs:
            source = Source.from_document(doc)
            if recognize(wd.recognize, source).found and not (
                wd.unless and recognize(wd.unless, source).found
            ):
                return wd.problem_code
    return None


def _still_found(item: Item, element: Element, p: Pack) -> bool:
    """Whether the element is recognised even without its own phrase (title, other phrases)."""
    docs = _docs(item, Spec(_good_year(item, p), drop=element.id))
    return any(recognize(element.recognize, Source.from_document(d)).found for d in docs)


def _cases_for(year: int, p: Pack, item: Item) -> list[Case]:
    tag = f"{year}-{item.id}"
    if item.status is ItemStatus.UNKNOWN:
        return [
            Case(
                f"{tag}-unknown",
                year,
                item.id,
                lambda: ([], site([])),
                Verdict.REVIEW,
                {"rule_item_unknown"},
            ),
        ]
    fy = _good_year(item, p)
    cases = [
        Case(f"{tag}-pass", year, item.id, lambda: _build(item, Spec(fy)), Verdict.PASS),
        Case(
            f"{tag}-nothing",
            year,
            item.id,
            lambda: ([], site([page("", "หน้าหลัก", "<p>ยินดีต้อนรับ</p>")])),
            Verdict.FAIL,
            {"no_evidence"},
        ),
        Case(
            f"{tag}-nothing-partial",
            year,
            item.id,
            lambda: ([], site([page("", "หน้าหลัก", "<p>ยินดีต้อนรับ</p>")], partial=True)),
            Verdict.NOT_CHECKED,
            {"not_found_partial"},
        ),
        Case(
            f"{tag}-scanned",
            year,
            item.id,
            lambda: _build(item, Spec(fy, only_extra=True), review_reason="scanned_no_ocr"),
            Verdict.REVIEW,
            {"unreadable_document"},
        ),
    ]
    if item.evidence_kind is EvidenceKind.DOCUMENT and item.window is not TimeWindow.MONTHLY:
        cases.append(
            Case(
                f"{tag}-title-only-page",
                year,
                item.id,
                lambda: (
                    [cand(item.id, url("oit/empty"))],
                    site([page("oit/empty", item.title_th, "")]),
                ),
                Verdict.FAIL,
                {_wrong_code(item, [page("oit/empty", item.title_th, "")]) or "empty_page"},
            )
        )
    if item.evidence_kind is EvidenceKind.CHANNEL and any(
        e.recognize.any_of for e in access_elements(_required(item))
    ):
        cases.append(
            Case(
                f"{tag}-named-only",
                year,
                item.id,
                lambda: _build(item, Spec(fy, way_in=False)),
                Verdict.REVIEW,
                {"channel_not_usable_on_page"},
            )
        )
    removable = [e for e in _required(item) if not _still_found(item, e, p)]
    for element in removable:
        drop = element.id
        # Without its result part, a report can read as the wrong document the pack knows
        # (measures re-posted as their report): then that is the failure to report.
        wrong = _wrong_code(item, _docs(item, Spec(fy, drop=drop)))
        # With its only element gone, an undated page holds nothing but its title.
        title_only = len(_required(item)) == 1 and item.window is TimeWindow.CURRENT
        missing: list[str] = []
        if wrong:
            expected = {wrong}
        elif title_only and item.evidence_kind is EvidenceKind.DOCUMENT:
            expected = {"empty_page"}
        else:
            expected, missing = {"missing_elements"}, [element.th]
        cases.append(
            Case(
                f"{tag}-missing-{drop}",
                year,
                item.id,
                lambda drop=drop: _build(item, Spec(fy, drop=drop)),  # type: ignore[misc]
                Verdict.FAIL,
                expected,
                missing,
            )
        )
    if removable:
        drop = removable[0].id
        cases.append(
            Case(
                f"{tag}-ocr-missing",
                year,
                item.id,
                lambda: _build(item, Spec(fy, drop=drop), ocr=True),
                Verdict.REVIEW,
                {"ocr_only"},
            )
        )
    if item.window is not TimeWindow.CURRENT:
        cases.append(
            Case(
                f"{tag}-wrong-year",
                year,
                item.id,
                lambda: _build(item, Spec(fy - (6 if item.window is MULTI else 2))),
                Verdict.FAIL,
                {"wrong_year"},
            )
        )
        undated = _docs(item, Spec(fy, dated=False))
        if not any(d.dates or d.period for d in undated):
            cases.append(
                Case(
                    f"{tag}-undated",
                    year,
                    item.id,
                    lambda: _build(item, Spec(fy, dated=False)),
                    Verdict.REVIEW,
                    {"period_unknown"},
                )
            )
    for wd in item.wrong_documents:
        text, _h, _i = _sample(wd.recognize, fy)
        cases.append(
            Case(
                f"{tag}-wrong-{wd.id}",
                year,
                item.id,
                lambda text=text: _build(item, Spec(fy, extra=[text], only_extra=True)),  # type: ignore[misc]
                Verdict.FAIL,
                {wd.problem_code},
            )
        )
    if item.depends_on:
        cases.append(
            Case(
                f"{tag}-base-failed",
                year,
                item.id,
                lambda: _build(item, Spec(fy)),
                Verdict.FAIL,
                {"dependency_failed"},
                bases=Verdict.FAIL,
            )
        )
        cases.append(
            Case(
                f"{tag}-base-review",
                year,
                item.id,
                lambda: _build(item, Spec(fy)),
                Verdict.REVIEW,
                {"dependency_unchecked"},
                bases=Verdict.REVIEW,
            )
        )
    return cases


CASES = [c for y in YEARS for item in PACKS[y].items for c in _cases_for(y, PACKS[y], item)]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_item(case: Case) -> None:
    p = PACKS[case.year]
    item = p.item(case.item)
    candidates, evidence = case.build()
    today = date(p.fiscal_year_end.year, 5, 2)
    result = assess_item(item, p, candidates, evidence, _bases(item, case.bases), today=today)
    codes = {pr.code for pr in result.problems}
    shown = [result.reason_th, result.reason_en, result.remediation_th, result.remediation_en]
    shown += [t for pr in result.problems for t in (pr.message_th, pr.message_en)]
    assert not [t for t in shown if "{" in t], "unfilled placeholder in a user-visible text"
    assert result.verdict is case.verdict, (result.verdict, result.problems)
    assert case.codes <= codes, codes
    for label in case.missing:
        assert label in result.missing_elements
    if result.verdict is Verdict.FAIL:
        assert result.remediation_th.startswith(item.id)
        assert item.remediation.th in result.remediation_th
    if result.verdict is Verdict.PASS:
        elements = {e.element for e in result.evidence}
        assert {e.id for e in _required(item)} <= elements


@pytest.mark.parametrize("year", ALL_YEARS)
def test_pack_loads(year: int) -> None:
    """A pack that does not load is not tested item by item below: that must show."""
    loaded = _LOADED[year]
    assert isinstance(loaded, Pack), str(loaded)


def test_every_defined_item_has_a_pass_and_a_fail_and_a_review_case() -> None:
    for year in YEARS:
        for item in PACKS[year].items:
            verdicts = {c.verdict for c in CASES if c.year == year and c.item == item.id}
            if item.status is ItemStatus.DEFINED:
                assert {Verdict.PASS, Verdict.FAIL, Verdict.REVIEW} <= verdicts, item.id
            if item.status is ItemStatus.DEFINED and item.evidence_kind is EvidenceKind.DOCUMENT:
                ids = {c.id for c in CASES if c.year == year and c.item == item.id}
                assert f"{year}-{item.id}-pass" in ids and f"{year}-{item.id}-scanned" in ids
