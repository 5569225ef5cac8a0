"""The Matcher end to end on a small site: hub, menus, pages and files, in any order."""

from __future__ import annotations

import itertools

import pytest

from oit_checker.crawl.urls import normalize_url
from oit_checker.match import Matcher, make_priority, mismatch_of
from oit_checker.match.explain import candidate_problems
from oit_checker.models import Candidate, Document, SignalKind
from tests.match.docs import file_doc, has_pack, html_doc, pack

SITE = "http://abt.test.go.th"

HOME = f"""<html><head><title>หน้าแรก - อบต.ทดสอบ</title></head><body><nav><ul>
<li><a href="{SITE}/structure.php">โครงสร้าง</a></li>
<li><a href="{SITE}/exec.php">คณะผู้บริหาร</a></li>
<li><a href="{SITE}/contact.php">ติดต่อเรา</a></li>
<li><a href="{SITE}/ita.php">ITA</a></li></ul></nav>
<p>ยินดีต้อนรับสู่เว็บไซต์องค์การบริหารส่วนตำบลทดสอบ</p></body></html>"""

HUB = f"""<html><head><title>ITA 2567 - อบต.ทดสอบ</title></head><body>
<h1>การประเมินคุณธรรมและความโปร่งใส ITA ปี 2567</h1><ul>
<li><a href="{SITE}/structure.php">O1 โครงสร้าง</a></li>
<li><a href="{SITE}/exec.php">O2 ข้อมูลผู้บริหาร</a></li>
<li><a href="{SITE}/duty.php">O3 อำนาจหน้าที่</a></li>
<li><a href="{SITE}/files/plan2567.pdf">O4 ข้อมูลการติดต่อ</a></li>
<li><a href="{SITE}/news.php">O5 ข่าวประชาสัมพันธ์</a></li></ul></body></html>"""

EXEC = """<html><head><title>ข้อมูลผู้บริหาร - อบต.ทดสอบ</title></head><body><h1>คณะผู้บริหาร</h1>
<p>นายก อบต. นายสมชาย ใจดี โทร 081-234-5678</p><p>รองนายก นายสมศักดิ์ รักดี</p></body></html>"""

CONTACT = """<html><head><title>ติดต่อเรา - อบต.ทดสอบ</title></head><body>
<h1>ข้อมูลการติดต่อ</h1><p>ที่อยู่ 99 หมู่ 1 ตำบลทดสอบ โทรศัพท์ 044-000-000</p></body></html>"""

STRUCTURE = """<html><head><title>โครงสร้างองค์กร</title></head><body><h1>แผนผังโครงสร้างองค์กร</h1>
<p>สำนักปลัด กองคลัง กองช่าง</p></body></html>"""

PLAN_TEXT = (
    "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567\nองค์การบริหารส่วนตำบลทดสอบ\n"
    "บัญชีโครงการ/กิจกรรม งบประมาณ ระยะเวลาดำเนินการ\nแผนการดำเนินงานนี้จัดทำขึ้นเพื่อ..."
)


def _docs() -> list[Document]:
    return [
        html_doc(HOME, f"{SITE}/"),
        html_doc(HUB, f"{SITE}/ita.php"),
        html_doc(EXEC, f"{SITE}/exec.php"),
        html_doc(CONTACT, f"{SITE}/contact.php"),
        html_doc(STRUCTURE, f"{SITE}/structure.php"),
        file_doc(f"{SITE}/files/plan2567.pdf", "แผนการดำเนินงาน ประจำปีงบประมาณ 2567", PLAN_TEXT),
    ]


def _run(docs: list[Document]) -> dict[str, list[Candidate]]:
    matcher = Matcher(pack(2567))
    for doc in docs:
        matcher.add(doc)
    return matcher.candidates()


def test_right_url_ranks_first_per_item() -> None:
    result = _run(_docs())
    assert result["o01"][0].url == f"{SITE}/structure.php"
    assert result["o02"][0].url == f"{SITE}/exec.php"
    assert result["o04"][0].url == f"{SITE}/contact.php"
    assert result["o07"][0].url == f"{SITE}/files/plan2567.pdf"
    assert result["o02"][0].via_hub == f"{SITE}/ita.php"
    for item_id in ("o01", "o02", "o04", "o07"):
        best = result[item_id][0]
        assert 0.0 < best.score <= 1.0
        assert best.signals, "a candidate must be explainable"
    scores = [c.score for c in result["o04"]]
    assert scores == sorted(scores, reverse=True)


def test_order_of_documents_does_not_matter() -> None:
    docs = _docs()
    first = {k: [(c.url, c.score) for c in v] for k, v in _run(docs).items()}
    for order in itertools.islice(itertools.permutations(docs), 1, 40, 7):
        again = {k: [(c.url, c.score) for c in v] for k, v in _run(list(order)).items()}
        assert again == first


def test_signals_explain_where_they_came_from() -> None:
    best = _run(_docs())["o02"][0]
    kinds = {s.kind for s in best.signals}
    assert {SignalKind.HUB_LABEL, SignalKind.ANCHOR_TEXT, SignalKind.TITLE} <= kinds
    hub = next(s for s in best.signals if s.kind is SignalKind.HUB_LABEL)
    assert '"O2 ข้อมูลผู้บริหาร"' in hub.detail and f"{SITE}/ita.php" in hub.detail


def test_hub_label_contradicted_by_content_is_a_mismatch() -> None:
    result = _run(_docs())
    wrong = next(c for c in result["o04"] if c.url.endswith("plan2567.pdf"))
    negative = [s for s in wrong.signals if s.kind is SignalKind.NEGATIVE]
    assert negative and "o07" in negative[0].detail
    assert mismatch_of(wrong) == "o07"
    assert wrong.score < result["o04"][0].score
    problems = candidate_problems(wrong, pack(2567))
    assert [p.code for p in problems] == ["hub_label_mismatch"]
    assert problems[0].params["other_item"] == "o07"


def test_hub_label_agreeing_with_content_has_no_mismatch() -> None:
    best = _run(_docs())["o02"][0]
    assert mismatch_of(best) is None
    assert not [s for s in best.signals if s.kind is SignalKind.NEGATIVE]


def test_site_without_hub_matches_from_menus_titles_and_files() -> None:
    docs = [d for d in _docs() if not d.url.endswith("ita.php")]
    result = _run(docs)
    assert result["o02"][0].url == f"{SITE}/exec.php"
    assert result["o02"][0].via_hub is None
    assert result["o04"][0].url == f"{SITE}/contact.php"


def test_code_in_file_name_alone_is_weak() -> None:
    page = html_doc(
        f'<html><body><p>เอกสาร <a href="{SITE}/images/ita/pdf/o-21.pdf">ดาวน์โหลด</a></p>'
        "</body></html>",
        f"{SITE}/docs.php",
    )
    result = _run([page])
    cands = result["o21"]
    assert cands and cands[0].url == f"{SITE}/images/ita/pdf/o-21.pdf"
    assert cands[0].score <= 0.3
    assert {s.kind for s in cands[0].signals} == {SignalKind.CODE}


def test_hub_menu_on_every_page_is_one_hub() -> None:
    matcher = Matcher(pack(2567))
    for n in range(5):
        html = HUB.replace("<title>ITA 2567", f"<title>ITA 2567 หน้า {n}")
        matcher.add(html_doc(html, f"{SITE}/page{n}.php"))
    assert len(matcher.hubs()) == 1
    assert len(matcher.candidates()["o02"][0].signals) <= 3


@pytest.mark.parametrize(
    ("url", "text", "context", "low", "high"),
    [
        (f"{SITE}/ita.php", "ITA 2567", "", 0.95, 1.0),
        (f"{SITE}/index.php?m=oit", "การประเมินคุณธรรมและความโปร่งใส", "", 0.95, 1.0),
        (f"{SITE}/p.php?id=12", "O12 ข้อมูลเชิงสถิติการให้บริการ", "", 0.8, 1.0),
        (f"{SITE}/exec.php", "คณะผู้บริหาร", "", 0.6, 0.9),
        (f"{SITE}/f/a.pdf", "ดาวน์โหลด", "O7 แผนดำเนินงาน ดาวน์โหลด", 0.6, 1.0),
        (f"{SITE}/content/123", "ประชุมสภาสมัยสามัญ", "", 0.2, 0.4),
        (f"{SITE}/upload/x.pdf", "ดาวน์โหลด", "", 0.2, 0.3),
        (f"{SITE}/calendar.php?month=5", "ปฏิทินกิจกรรม", "", 0.0, 0.1),
        (f"{SITE}/news.php?page=37", "37", "", 0.0, 0.1),
    ],
)
def test_priority(url: str, text: str, context: str, low: float, high: float) -> None:
    priority = make_priority(pack(2567))
    assert low <= priority(url, text, context) <= high


@pytest.mark.skipif(not has_pack(2569), reason="nacc-2569 pack not written yet")
def test_2569_contact_label_on_development_plan_is_a_mismatch() -> None:
    """ktltc 2569: the contact item's link was copied to a development-plan PDF."""
    hub = f"""<html><head><title>ITA 2569</title></head><body><h1>การประเมิน ITA ปี 2569</h1><ul>
    <li><a href="{SITE}/o1.php">O1 โครงสร้าง หน้าที่และอำนาจ</a></li>
    <li><a href="{SITE}/o2.php">O2 ข้อมูลผู้บริหาร</a></li>
    <li><a href="{SITE}/uploads/devplan.pdf">O3 ข้อมูลการติดต่อและช่องทางการสอบถาม</a></li>
    <li><a href="{SITE}/news.php">O4 ข่าวประชาสัมพันธ์</a></li></ul></body></html>"""
    plan = file_doc(
        f"{SITE}/uploads/devplan.pdf",
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)",
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)\nองค์การบริหารส่วนตำบลทดสอบ\n"
        "ยุทธศาสตร์การพัฒนา เป้าประสงค์ ตัวชี้วัด แผนพัฒนาท้องถิ่นฉบับนี้",
    )
    matcher = Matcher(pack(2569))
    matcher.add(plan)
    matcher.add(html_doc(hub, f"{SITE}/ita2569.php"))
    result = matcher.candidates()
    wrong = next(c for c in result["o03"] if c.url.endswith("devplan.pdf"))
    assert mismatch_of(wrong) == "o05"
    assert result["o05"][0].url.endswith("devplan.pdf")


def test_link_and_document_meet_under_the_crawlers_spelling() -> None:
    """A hub links a file as the agency typed it; the crawler files the fetched document under
    the canonical spelling. Both are one target: the candidate carries the hub row and the
    document's own title, and its URL is the key the crawl and the assessment use."""
    typed = "HTTP://ABT.Test.go.th:80/ita/แผนการดำเนินงาน%202567.pdf#page=1"
    canonical = normalize_url(typed)
    assert canonical.startswith(f"{SITE}/ita/%E0%B9%81")
    hub = html_doc(
        "<html><head><title>ITA 2567</title></head><body><h1>ITA ปี 2567</h1><ul>"
        f'<li><a href="{SITE}/structure.php">O1 โครงสร้าง</a></li>'
        f'<li><a href="{SITE}/exec.php">O2 ข้อมูลผู้บริหาร</a></li>'
        f'<li><a href="{SITE}/duty.php">O3 อำนาจหน้าที่</a></li>'
        f'<li><a href="{typed}">O7 แผนการดำเนินงานประจำปี</a></li>'
        f'<li><a href="{SITE}/news.php">O5 ข่าวประชาสัมพันธ์</a></li></ul></body></html>',
        f"{SITE}/ita.php",
    )
    plan = file_doc(canonical, "แผนการดำเนินงาน ประจำปีงบประมาณ 2567", PLAN_TEXT)
    for docs in ([hub, plan], [plan, hub]):
        found = [c for c in _run(docs)["o07"] if "/ita/" in c.url]
        assert [c.url for c in found] == [canonical]
        kinds = {s.kind for s in found[0].signals}
        assert {SignalKind.HUB_LABEL, SignalKind.TITLE} <= kinds
        assert found[0].via_hub == f"{SITE}/ita.php"
