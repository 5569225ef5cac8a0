"""A page that holds nothing but an item's heading (and a date line) must not pass the item.

Every defined document item of every bundled pack is tried with its official title and each
menu label, written twice (the page title and the ``<h1>``), under several date lines. The
recognizers are run by the assessment's own ``recognize``; an item whose required elements are
all satisfied by such a page would report an empty page as ``pass``.

Channel items (Q&A, E-Service, complaint channel, social network) are left out on purpose: their
evidence is the working link from the main website to the channel, whose anchor text is often
all there is to read; a title-only page for them is the assessment's job (a page without a link
to the channel), not the pack's.

The second half checks that real-style documents for the items tightened here still show every
required element, so the stricter recognizers do not turn correct documents into failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.assess.recognize import Source, recognize
from oit_checker.rules import load_pack
from oit_checker.rules.loader import pack_dir
from oit_checker.rules.schema import Element, EvidenceKind, Item, ItemStatus, Pack, Recognizer
from oit_checker.thai.text import normalize

PACK_FILES = sorted(pack_dir().glob("nacc-*.yaml"))


def _date_lines(year: int) -> list[str]:
    return [
        "",
        f"ประจำปีงบประมาณ พ.ศ. {year}",
        f"ประจำปีงบประมาณ พ.ศ. {year - 1}",
        f"ข้อมูล ณ วันที่ 31 มีนาคม {year}",
        f"ตุลาคม {year - 1} - มีนาคม {year}",
        f"(พ.ศ. {year - 1} - {year + 3})",
        f"ประจำปี {year}",
    ]


def _required_sets(item: Item) -> list[list[Element]]:
    """Required elements for a generic agency and for each agency type the item names."""
    types = sorted({t for e in item.elements for t in e.applies_to})
    base = [e for e in item.elements if not e.optional and not e.applies_to]
    sets = [base]
    for agency in types:
        sets.append(
            [
                e
                for e in item.elements
                if not e.optional and (not e.applies_to or agency in e.applies_to)
            ]
        )
    return sets


def title_only_passes(item: Item, year: int) -> list[str]:
    """The heading texts (title or label, plus a date line) that satisfy every required element."""
    if item.status is not ItemStatus.DEFINED or item.evidence_kind is not EvidenceKind.DOCUMENT:
        return []
    found: list[str] = []
    for heading in dict.fromkeys([item.title_th, *item.signals.labels]):
        for line in _date_lines(year):
            text = f"{heading}\n{heading}\n{line}".strip()
            source = Source(url="https://www.example-sao.go.th/oit", text=normalize(text))
            for required in _required_sets(item):
                if required and all(recognize(e.recognize, source).found for e in required):
                    found.append(text.replace("\n", " | "))
                    break
    return found


@pytest.mark.parametrize("path", PACK_FILES, ids=[p.stem for p in PACK_FILES])
def test_no_item_passes_on_its_heading_alone(path: Path) -> None:
    pack = load_pack(path)
    offenders = {
        item.id: hits[:2] for item in pack.items if (hits := title_only_passes(item, pack.year))
    }
    assert offenders == {}, f"{pack.id}: items satisfied by their heading alone: {offenders}"


def test_the_check_catches_an_item_whose_elements_are_its_title() -> None:
    """The check itself can fail: a procurement plan whose budget element accepts the word
    งบประมาณ (found in every ปีงบประมาณ line) is reported."""
    pack = load_pack(pack_dir() / "nacc-2567.yaml")
    item = pack.item("o14")
    weak = item.model_copy(
        update={
            "elements": [
                e.model_copy(update={"recognize": Recognizer(any_of=["งบประมาณ"])})
                if e.id == "items_budget"
                else e
                for e in item.elements
                if not e.optional and e.id != "expected_time"
            ]
        }
    )
    hits = title_only_passes(weak, pack.year)
    assert any("ประจำปีงบประมาณ พ.ศ. 2567" in h for h in hits)
    assert title_only_passes(item, pack.year) == []


# --------------------------------------------------------------------------- real documents

DUTIES = """อำนาจหน้าที่
องค์การบริหารส่วนตำบลหนองบัว มีอำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗
มาตรา ๖๗ ภายใต้บังคับแห่งกฎหมาย องค์การบริหารส่วนตำบล มีหน้าที่ต้องทำในเขตองค์การบริหารส่วนตำบล ดังต่อไปนี้
(๑) จัดให้มีและบำรุงรักษาทางน้ำและทางบก
(๒) รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ รวมทั้งกำจัดมูลฝอยและสิ่งปฏิกูล"""

DUTIES_NUMBERED = """หน้าที่และอำนาจ
1. จัดทำแผนพัฒนาท้องถิ่นและงบประมาณรายจ่ายประจำปี
2. ป้องกันและบรรเทาสาธารณภัย
3. ส่งเสริมการศึกษา ศาสนา และวัฒนธรรม"""

NEWS = """ข่าวประชาสัมพันธ์
โครงการฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน  12 มกราคม 2567
ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2567  5 ก.พ. 2567
กิจกรรมวันเด็กแห่งชาติ 13 ม.ค. 67"""

STATISTICS = """ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (ตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)
งานที่ให้บริการ ต.ค. พ.ย. ธ.ค. ม.ค. ก.พ. มี.ค. รวม
งานจัดเก็บภาษี ๑๒ ๑๕ ๙ ๒๐ ๑๘ ๑๑ ๘๕
ผู้มารับบริการทั้งสิ้น ๑๓๒ ราย"""

PROCUREMENT_PLAN_EGP = """แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567
องค์การบริหารส่วนตำบลหนองบัว
ลำดับที่ ชื่อโครงการ วงเงินงบประมาณโดยประมาณ (บาท) ช่วงเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง (เดือน/ปี)
1 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 1,250,000.00 ธันวาคม 2566"""

PROCUREMENT_PLAN_NONE = """ประกาศองค์การบริหารส่วนตำบลหนองบัว
เรื่อง แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
องค์การบริหารส่วนตำบลหนองบัว ไม่มีการจัดซื้อจัดจ้างที่ต้องจัดทำแผน เนื่องจากไม่มีรายการที่มีวงเงินเกิน ๕๐๐,๐๐๐ บาท"""

ANNOUNCEMENTS = """ประกาศจัดซื้อจัดจ้าง
ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุสำนักงาน โดยวิธีเฉพาะเจาะจง 15 พฤศจิกายน 2566
ประกาศเชิญชวนทั่วไป ประกวดราคาจ้างก่อสร้างถนน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) 3 ม.ค. 2567"""

NO_GIFT_REPORT = """รายงานผลตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
องค์การบริหารส่วนตำบลหนองบัวได้ดำเนินกิจกรรมประชาสัมพันธ์นโยบาย No Gift Policy ให้แก่บุคลากร
ผลการดำเนินการ: ไม่มีการรับของขวัญหรือทรัพย์สินหรือประโยชน์อื่นใดของบุคลากรในสังกัด"""

GIFT_RECEIPT_REPORT = """รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. 2567
ลำดับ ชื่อผู้รับ ตำแหน่ง ผู้ให้ รายการ มูลค่า (บาท)
1 นายสมชาย ใจดี ปลัด อบต. ผู้นำชุมชน กระเช้าผลไม้ 1,500 บาท"""

GIFT_RECEIPT_NONE = """รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
ในรอบปีงบประมาณ พ.ศ. ๒๕๖๗ ไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาที่มีมูลค่าเกินกว่าที่กฎหมายกำหนด"""

HR_REPORT = """รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปีงบประมาณ พ.ศ. ๒๕๖๘
ผลการดำเนินงานตามแผน: สรรหาและบรรจุแต่งตั้งพนักงานจ้าง ๓ ราย ฝึกอบรมบุคลากร ๒๕ คน
ปัญหา อุปสรรค และข้อเสนอแนะ: งบประมาณฝึกอบรมไม่เพียงพอ"""

ANTI_CORRUPTION_REPORT = """รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
ดำเนินโครงการตามแผนปฏิบัติการป้องกันการทุจริต ๑๒ โครงการ ดำเนินการแล้วเสร็จ ๑๐ โครงการ
ปัญหา อุปสรรค และข้อเสนอแนะ: ระยะเวลาดำเนินการจำกัด"""

PROCUREMENT_ANNUAL = """รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
วิธีการจัดซื้อจัดจ้าง จำนวนโครงการ รวมวงเงิน (บาท)
วิธีเฉพาะเจาะจง ๑๕๔ ๓,๒๕๐,๐๐๐.๐๐
วิธีประกาศเชิญชวนทั่วไป ๓ ๔,๑๐๐,๐๐๐.๐๐"""

STRATEGIC_PLAN = """แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)
วิสัยทัศน์ ตำบลน่าอยู่ เศรษฐกิจพอเพียง
ยุทธศาสตร์ที่ ๑ การพัฒนาโครงสร้างพื้นฐาน เป้าประสงค์ ประชาชนมีถนนที่ได้มาตรฐาน
ตัวชี้วัด ร้อยละของถนนที่ได้รับการซ่อมแซม"""

LAWS = """กฎหมายที่เกี่ยวข้อง
พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537
พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542
ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548"""

HR_POLICY = """นโยบายการบริหารทรัพยากรบุคคล ประจำปี พ.ศ. ๒๕๖๖
๑. ด้านการสรรหาและบรรจุแต่งตั้ง ดำเนินการอย่างโปร่งใส
๒. ด้านการพัฒนาบุคลากร จัดฝึกอบรมให้บุคลากรทุกระดับ"""

NO_GIFT_CULTURE = """กิจกรรมสร้างวัฒนธรรม No Gift Policy
ประชุมชี้แจงนโยบาย No Gift Policy แก่ผู้บริหารและพนักงาน เมื่อวันที่ 5 ตุลาคม 2565 ณ ห้องประชุม อบต."""

CODE_OF_ETHICS = """ประมวลจริยธรรมของพนักงานส่วนตำบล
ข้อ ๑ ยึดมั่นในสถาบันหลักของประเทศ
ข้อ ๒ ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่"""

ETHICS_ASSESSMENT = """ผลการประเมินจริยธรรมเจ้าหน้าที่ของรัฐ ประจำปี ๒๕๖๖
ผลการประเมินการรักษาจริยธรรมของพนักงาน ผ่านเกณฑ์ ร้อยละ ๙๕"""

MEASURES_ACTIONS = """การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
มาตรการเปิดเผยข้อมูลสาธารณะ: ได้ดำเนินการปรับปรุงเว็บไซต์แล้วเสร็จ
ผลลัพธ์ ประชาชนเข้าถึงข้อมูลได้สะดวกขึ้น"""

HR_PROGRESS = """รายงานผลการดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล รอบ ๖ เดือน
โครงการอบรมพัฒนาศักยภาพบุคลากร งบประมาณ ๒๐,๐๐๐ บาท ดำเนินการแล้ว"""

REAL_DOCUMENTS: list[tuple[int, str, str, str]] = [
    (2566, "o03", "duties", DUTIES),
    (2567, "o03", "duties", DUTIES),
    (2567, "o03", "duties numbered", DUTIES_NUMBERED),
    (2566, "o04", "strategic plan", STRATEGIC_PLAN),
    (2569, "o05", "strategic plan", STRATEGIC_PLAN),
    (2566, "o06", "laws", LAWS),
    (2566, "o07", "news", NEWS),
    (2567, "o05", "news", NEWS),
    (2568, "o04", "news", NEWS),
    (2569, "o04", "news", NEWS),
    (2566, "o16", "statistics", STATISTICS),
    (2567, "o12", "statistics", STATISTICS),
    (2568, "o11", "statistics", STATISTICS),
    (2566, "o19", "e-GP plan", PROCUREMENT_PLAN_EGP),
    (2567, "o14", "e-GP plan", PROCUREMENT_PLAN_EGP),
    (2567, "o14", "no plan needed", PROCUREMENT_PLAN_NONE),
    (2566, "o20", "announcements", ANNOUNCEMENTS),
    (2567, "o15", "announcements", ANNOUNCEMENTS),
    (2566, "o23", "HR policy", HR_POLICY),
    (2566, "o24", "HR progress", HR_PROGRESS),
    (2566, "o32", "No Gift activity", NO_GIFT_CULTURE),
    (2566, "o33", "No Gift report", NO_GIFT_REPORT),
    (2567, "o27", "No Gift report", NO_GIFT_REPORT),
    (2566, "o39", "code of ethics", CODE_OF_ETHICS),
    (2566, "o41", "ethics assessment", ETHICS_ASSESSMENT),
    (2566, "o43", "measures carried out", MEASURES_ACTIONS),
    (2567, "o33", "measures carried out", MEASURES_ACTIONS),
    (2569, "o26", "measures carried out", MEASURES_ACTIONS),
    (2568, "o13", "annual procurement report", PROCUREMENT_ANNUAL),
    (2569, "o12", "annual procurement report", PROCUREMENT_ANNUAL),
    (2568, "o15", "HR report", HR_REPORT),
    (2569, "o14", "HR report", HR_REPORT),
    (2568, "o22", "gift receipts", GIFT_RECEIPT_REPORT),
    (2568, "o22", "no gift received", GIFT_RECEIPT_NONE),
    (2568, "o26", "anti-corruption report", ANTI_CORRUPTION_REPORT),
    (2569, "o24", "anti-corruption report", ANTI_CORRUPTION_REPORT),
]

_PACKS: dict[int, Pack] = {}


def _pack(year: int) -> Pack:
    if year not in _PACKS:
        _PACKS[year] = load_pack(pack_dir() / f"nacc-{year}.yaml")
    return _PACKS[year]


@pytest.mark.parametrize(
    ("year", "item_id", "text"),
    [(y, i, t) for y, i, _n, t in REAL_DOCUMENTS],
    ids=[f"{y}-{i}-{n}" for y, i, n, _t in REAL_DOCUMENTS],
)
def test_real_documents_still_show_every_required_element(
    year: int, item_id: str, text: str
) -> None:
    item = _pack(year).item(item_id)
    # Documents reach the assessment normalised by the extractor (Thai digits as 0-9).
    source = Source(url="https://www.example-sao.go.th/oit", text=normalize(text))
    missing = [
        e.id
        for e in item.elements
        if not e.optional and not e.applies_to and not recognize(e.recognize, source).found
    ]
    assert missing == []
