"""Every assessment mechanism, one row per case, on a small pack (tests/assess/mini-2567.yaml).

Each row builds real documents from real Thai HTML/text and states the verdict and the problem
codes the webmaster must see. The real packs are tested item by item in test_pack_items.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from oit_checker.assess import SiteEvidence, assess_item
from oit_checker.models import (
    Candidate,
    DocKind,
    FetchError,
    ItemResult,
    LinkCategory,
    Resource,
    Signal,
    SignalKind,
    Verdict,
)
from oit_checker.problems.assess import NOTE_CODES
from oit_checker.rules.loader import load_pack
from tests.assess.docs import cand, external, failed, file_doc, page, site, url

PACK = load_pack(Path(__file__).with_name("mini-2567.yaml"))
TODAY = date(2024, 5, 2)

Built = tuple[list[Candidate], SiteEvidence, dict[str, ItemResult]]


@dataclass
class Case:
    name: str
    item: str
    build: Callable[[Path], Built]
    verdict: Verdict
    codes: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    reason: str | None = None
    today: date = TODAY


# --------------------------------------------------------------------------- content

EXECS = """
<div class="exec"><img src="/img/mayor.jpg" alt="นายก">
<p>นายสมชาย ใจดี</p><p>นายกองค์การบริหารส่วนตำบลชุมแสง</p>
<p>โทร 044-123456 อีเมล mayor@chumsaeng.go.th</p></div>
<div class="exec"><img src="/img/deputy.jpg" alt="รองนายก">
<p>นางสาวสมศรี รักดี</p><p>รองนายกองค์การบริหารส่วนตำบลชุมแสง</p><p>โทร 081-234-5678</p></div>
"""
EXECS_NO_DEPUTY = """
<p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลชุมแสง โทร 044-123456</p>
<p>นายสมปอง ทองดี เลขานุการนายก</p>
"""
EXECS_WITH_PALAD = EXECS + "<p>นายวิชัย มั่นคง ปลัดองค์การบริหารส่วนตำบลชุมแสง</p>"

SIX_MONTH = """รายงานการกำกับติดตามการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน
(๑ ตุลาคม ๒๕๖๖ - ๓๑ มีนาคม ๒๕๖๗)
โครงการซ่อมแซมถนน ความก้าวหน้า ดำเนินการแล้ว ร้อยละ ๘๐ เบิกจ่าย ๑๒๐,๐๐๐ บาท
โครงการอบรมอาสาสมัคร ความก้าวหน้า อยู่ระหว่างดำเนินการ เบิกจ่าย ๓๕,๐๐๐ บาท"""
PLAN_TABLE = """แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567 (ต.ค. 2566 - มี.ค. 2567)
ลำดับ โครงการ งบประมาณ ระยะเวลา
1 โครงการซ่อมแซมถนน 150,000 ต.ค. 2566
2 โครงการอบรมอาสาสมัคร 50,000 ม.ค. 2567"""
ANNUAL_PLAN = """แผนดำเนินงานประจำปี ประจำปีงบประมาณ พ.ศ. 2567
โครงการซ่อมแซมถนน งบประมาณ 150,000 บาท
โครงการอบรมอาสาสมัคร งบประมาณ 50,000 บาท"""
ANNUAL_REPORT = """รายงานผลการดำเนินงานประจำปี ประจำปีงบประมาณ พ.ศ. 2566
ผลการดำเนินงาน โครงการซ่อมแซมถนน แล้วเสร็จ ใช้งบประมาณ 148,000 บาท
ปัญหา อุปสรรค งบประมาณล่าช้า
ข้อเสนอแนะ ควรวางแผนล่วงหน้า"""
_MONTHS = [
    ("ตุลาคม", 2566),
    ("พฤศจิกายน", 2566),
    ("ธันวาคม", 2566),
    ("มกราคม", 2567),
    ("กุมภาพันธ์", 2567),
    ("มีนาคม", 2567),
]


def monthly(month: str, year: int, *, empty: bool = False, none: bool = False) -> str:
    head = f"สรุปผลการจัดซื้อจัดจ้างรายเดือน ประจำเดือน {month} {year}"
    if none:
        return f"{head}\nไม่มีการจัดซื้อจัดจ้าง"
    if empty:
        return head
    return (
        f"{head}\nงานที่จัดซื้อ จัดซื้อวัสดุสำนักงาน วงเงิน 12,000 บาท วิธีเฉพาะเจาะจง\n"
        f"ผู้ได้รับการคัดเลือก ร้านรุ่งเรืองพาณิชย์ ราคา 11,800 บาท"
    )


def hub_rows(item: str, n: int, kinds: list[str] | None = None) -> Built:
    """A hub row of ``item`` linking one PDF per month (the first ``n`` months)."""
    hub = url("ita")
    docs = []
    for i, (month, year) in enumerate(_MONTHS[:n]):
        kind = kinds[i] if kinds else "data"
        text = monthly(month, year, empty=kind == "empty", none=kind == "none")
        docs.append(file_doc(f"files/procure-{i + 1}.pdf", text))
    cands = [cand(item, d.url, 0.9 - i * 0.01, hub=hub) for i, d in enumerate(docs)]
    return cands, site(docs), {}


def one(item: str, doc_path: str, text: str, **kw: object) -> Built:
    doc = file_doc(doc_path, text, **kw)  # type: ignore[arg-type]
    return [cand(item, doc.url)], site([doc]), {}


def exec_page(body: str, *, agency_type: str | None = None) -> Built:
    doc = page("executives", "ข้อมูลผู้บริหาร", body)
    return [cand("o01", doc.url)], site([doc], agency_type=agency_type), {}


def fetch_error(error: FetchError | None, status: int | None = None) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        target = url("executives")
        return [cand("o01", target)], site(resources=[failed(target, error, status)]), {}

    return build


def with_base(verdict: Verdict, text: str = SIX_MONTH) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        cands, s, _ = one("o05", "files/six-month.pdf", text)
        base = ItemResult(
            item_id="o04", title_th="แผนดำเนินงานประจำปี", title_en="Annual plan", verdict=verdict
        )
        return cands, s, {"o04": base}

    return build


def crawler_soft_404(_tmp: Path) -> Built:
    """The crawler marks a page whose body is the site's "not found" page (status 200)."""
    doc = page("executives", "ข้อมูลผู้บริหาร", EXECS)
    res = Resource(url=doc.url, final_url=doc.url, status=200, error_detail="soft_404")
    return [cand("o01", doc.url)], site([doc], resources=[res]), {}


def js_shell(tmp: Path) -> Built:
    body = tmp / "body.html"
    body.write_text(
        '<html><body><div id="root"></div><script src="/app.js"></script></body></html>'
    )
    doc = page("executives", "ข้อมูลผู้บริหาร", '<div id="root"></div>')
    res = Resource(url=doc.url, final_url=doc.url, status=200, body_path=str(body))
    return [cand("o01", doc.url)], site([doc], resources=[res]), {}


def drive(linked: bool) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        target = "https://drive.google.com/file/d/abc123/view"
        doc = file_doc(target, ANNUAL_REPORT)
        docs = [doc]
        if linked:
            docs.append(page("ita", "ITA", f'<a href="{target}">o07 รายงานผลการดำเนินงานประจำปี</a>'))
        return [cand("o07", target)], site(docs), {}

    return build


def facebook_only(_tmp: Path) -> Built:
    doc = file_doc("https://www.facebook.com/chumsaeng/posts/1", ANNUAL_REPORT, kind=DocKind.HTML)
    return [cand("o07", doc.url)], site([doc]), {}


def placeholder(label: str, item: str) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        hub = page("ita", "ITA 2567", f'<table><tr><td><a href="#">{label}</a></td></tr></table>')
        return [], site([hub]), {}

    return build


def mismatch_signal(_tmp: Path) -> Built:
    # Too little of o04 for the content check: only the matcher's signal names o04.
    doc = file_doc("files/o07.pdf", "แผนดำเนินงานประจำปี 2566 (ฉบับย่อ)")
    neg = Signal(
        kind=SignalKind.NEGATIVE,
        detail='hub label "o07 รายงานผลการดำเนินงานประจำปี" says o07 but the content matches o04'
        " แผนดำเนินงานประจำปี (content score 0.80 vs 0.10)",
        weight=-1,
    )
    label = Signal(kind=SignalKind.HUB_LABEL, detail="o07", weight=1)
    c = cand("o07", doc.url, hub=url("ita"), signals=[label, neg])
    return [c], site([doc]), {}


def mismatch_computed(_tmp: Path) -> Built:
    doc = file_doc("files/o07.pdf", ANNUAL_PLAN)
    return [cand("o07", doc.url, hub=url("ita"))], site([doc]), {}


def item_page_with_files(unfetched: bool) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        files = [file_doc(f"files/m{i}.pdf", monthly(m, y)) for i, (m, y) in enumerate(_MONTHS)]
        links = "".join(
            f'<li><a href="/files/m{i}.pdf">สขร.1 {m} {y}</a></li>'
            for i, (m, y) in enumerate(_MONTHS)
        )
        item_page = page("procurement-monthly", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", f"<ul>{links}</ul>")
        resources: list[Resource] = []
        if unfetched:
            files = files[:2]
            resources = [
                failed(url(f"files/m{i}.pdf"), FetchError.NOT_FETCHED) for i in range(2, 6)
            ]
        return [cand("o06", item_page.url)], site([item_page, *files], resources=resources), {}

    return build


def social_external(_tmp: Path) -> Built:
    home = page(
        "", "อบต.ชุมแสง", '<a href="https://www.facebook.com/chumsaeng">Facebook อบต.ชุมแสง</a>'
    )
    fb = external("https://www.facebook.com/chumsaeng", "Facebook อบต.ชุมแสง", LinkCategory.SOCIAL)
    return [], site([home], external=[fb]), {}


def related_unfetched(_tmp: Path) -> Built:
    res = Resource(url=url("ita/o02"), error=FetchError.TIMEOUT, anchor_text="o02 ข่าวประชาสัมพันธ์")
    return [], site([page("", "หน้าหลัก", "<p>ยินดีต้อนรับ</p>")], resources=[res]), {}


def hub_timed_out(_tmp: Path) -> Built:
    home = page("", "หน้าหลัก", '<a href="/ita-2567">ITA 2567</a>')
    res = Resource(url=url("ita-2567"), error=FetchError.TIMEOUT, anchor_text="ITA 2567")
    return [], site([home], resources=[res]), {}


def nothing(partial: bool, reachable: bool = True) -> Callable[[Path], Built]:
    def build(_tmp: Path) -> Built:
        home = page("", "หน้าหลัก", "<p>ยินดีต้อนรับสู่เว็บไซต์</p>")
        return [], site([home], partial=partial, reachable=reachable), {}

    return build


CASES = [
    # o01 — elements, photo, agency type, access problems
    Case("executives complete", "o01", lambda _t: exec_page(EXECS), Verdict.PASS),
    Case(
        "deputy and photos missing",
        "o01",
        lambda _t: exec_page(EXECS_NO_DEPUTY),
        Verdict.FAIL,
        {"missing_elements"},
        ["รองผู้บริหารสูงสุด", "รูปถ่าย"],
    ),
    Case(
        "อปท. without the permanent-staff side",
        "o01",
        lambda _t: exec_page(EXECS, agency_type="lao"),
        Verdict.FAIL,
        {"missing_elements"},
        ["ฝ่ายข้าราชการประจำ (ปลัด)"],
    ),
    Case(
        "อปท. with ปลัด",
        "o01",
        lambda _t: exec_page(EXECS_WITH_PALAD, agency_type="lao"),
        Verdict.PASS,
    ),
    Case(
        "photo cannot be verified inside a PDF",
        "o01",
        lambda _t: one("o01", "files/exec.pdf", EXECS.replace("<", " <")),
        Verdict.REVIEW,
        {"image_unverified"},
    ),
    Case(
        "OCR text only, elements not read",
        "o01",
        lambda _t: one("o01", "files/exec-scan.pdf", "ข้อมูลผู้บริหาร นายกองค", ocr=True, images=1),
        Verdict.REVIEW,
        {"ocr_only", "missing_elements"},
    ),
    Case("HTTP 403", "o01", fetch_error(None, 403), Verdict.REVIEW, {"login_required"}),
    Case("HTTP 404", "o01", fetch_error(None, 404), Verdict.FAIL, {"dead_link"}),
    Case("HTTP 503", "o01", fetch_error(None, 503), Verdict.NOT_CHECKED, {"http_status"}),
    Case(
        "robots.txt",
        "o01",
        fetch_error(FetchError.ROBOTS_DISALLOWED),
        Verdict.NOT_CHECKED,
        {"robots_disallowed"},
        reason="robots_disallowed",
    ),
    Case(
        "TLS", "o01", fetch_error(FetchError.TLS), Verdict.NOT_CHECKED, {"tls_error"}, reason="tls"
    ),
    Case("timeout", "o01", fetch_error(FetchError.TIMEOUT), Verdict.NOT_CHECKED, {"timeout"}),
    Case(
        "crawl limit",
        "o01",
        fetch_error(FetchError.NOT_FETCHED),
        Verdict.NOT_CHECKED,
        {"not_fetched"},
        reason="not_fetched",
    ),
    Case(
        "circuit breaker",
        "o01",
        fetch_error(FetchError.CIRCUIT_OPEN),
        Verdict.NOT_CHECKED,
        {"circuit_open"},
    ),
    Case(
        "empty page",
        "o01",
        lambda _t: exec_page("<p> </p>"),
        Verdict.FAIL,
        {"empty_page"},
    ),
    Case(
        "soft 404 body",
        "o01",
        lambda _t: exec_page("<p>ขออภัย ไม่พบหน้าที่ท่านต้องการ (404)</p>"),
        Verdict.FAIL,
        {"dead_link"},
    ),
    Case(
        "login form",
        "o01",
        lambda _t: exec_page("<form><p>เข้าสู่ระบบ</p>ชื่อผู้ใช้ <input> รหัสผ่าน <input></form>"),
        Verdict.REVIEW,
        {"login_required"},
    ),
    Case("JavaScript app shell", "o01", js_shell, Verdict.REVIEW, {"js_only"}),
    Case("soft 404 marked by the crawler", "o01", crawler_soft_404, Verdict.FAIL, {"dead_link"}),
    Case(
        "placeholder link on the hub",
        "o01",
        placeholder("o01 ข้อมูลผู้บริหาร", "o01"),
        Verdict.FAIL,
        {"placeholder_link"},
    ),
    Case("nothing found, complete crawl", "o01", nothing(False), Verdict.FAIL, {"no_evidence"}),
    Case(
        "nothing found, but the ITA page timed out",
        "o01",
        hub_timed_out,
        Verdict.NOT_CHECKED,
        {"related_not_fetched"},
        reason="timeout",
    ),
    Case(
        "nothing found, partial crawl",
        "o01",
        nothing(True),
        Verdict.NOT_CHECKED,
        {"not_found_partial"},
        reason="crawl_limit",
    ),
    Case(
        "site unreachable",
        "o01",
        nothing(False, reachable=False),
        Verdict.NOT_CHECKED,
        {"site_unreachable"},
    ),
    Case(
        "related link timed out",
        "o02",
        related_unfetched,
        Verdict.NOT_CHECKED,
        {"related_not_fetched"},
        reason="timeout",
    ),
    # o02 — fiscal year
    Case(
        "news of the fiscal year",
        "o02",
        lambda _t: one("o02", "news/1", "ข่าวประชาสัมพันธ์ กิจกรรมวันเด็ก 13 มกราคม 2567"),
        Verdict.PASS,
    ),
    Case(
        "news of another year",
        "o02",
        lambda _t: one("o02", "news/1", "ข่าวประชาสัมพันธ์ กิจกรรมวันเด็ก 8 มกราคม 2565"),
        Verdict.FAIL,
        {"wrong_year"},
    ),
    Case(
        "news without any date",
        "o02",
        lambda _t: one("o02", "news/1", "ข่าวประชาสัมพันธ์ กิจกรรมวันเด็ก"),
        Verdict.REVIEW,
        {"period_unknown"},
    ),
    # o03 — channel
    Case("social link on the home page", "o03", social_external, Verdict.PASS),
    Case("no social link", "o03", nothing(False), Verdict.FAIL, {"no_evidence"}),
    Case(
        "social link is a placeholder",
        "o03",
        placeholder("Social Network", "o03"),
        Verdict.FAIL,
        {"placeholder_link"},
    ),
    # o05 — first half, wrong document, dependency
    Case("six-month report", "o05", with_base(Verdict.PASS), Verdict.PASS),
    Case(
        "plan re-posted as the six-month report",
        "o05",
        lambda _t: one("o05", "files/six-month.pdf", PLAN_TABLE),
        Verdict.FAIL,
        {"wrong_document_plan_as_six_month_report"},
    ),
    Case(
        "six-month report up to December only",
        "o05",
        with_base(
            Verdict.PASS,
            SIX_MONTH.replace("๓๑ มีนาคม ๒๕๖๗", "๓๑ ธันวาคม ๒๕๖๖").replace("รอบ ๖ เดือน", "ไตรมาส"),
        ),
        Verdict.FAIL,
        {"period_incomplete"},
    ),
    Case(
        "six-month report of the previous year",
        "o05",
        with_base(
            Verdict.PASS,
            SIX_MONTH.replace("๒๕๖๗", "๒๕๖๖").replace("ตุลาคม ๒๕๖๖", "ตุลาคม ๒๕๖๕"),
        ),
        Verdict.FAIL,
        {"wrong_year"},
    ),
    Case(
        "base plan failed",
        "o05",
        with_base(Verdict.FAIL),
        Verdict.FAIL,
        {"dependency_failed"},
    ),
    Case(
        "base plan not checked",
        "o05",
        with_base(Verdict.NOT_CHECKED),
        Verdict.REVIEW,
        {"dependency_unchecked"},
    ),
    # o06 — monthly, none statements, union over a hub row, one hop from an item page
    Case("six monthly PDFs on one hub row", "o06", lambda _t: hub_rows("o06", 6), Verdict.PASS),
    Case(
        "only October to December",
        "o06",
        lambda _t: hub_rows("o06", 3),
        Verdict.FAIL,
        {"months_missing"},
    ),
    Case(
        "October to December is enough in January",
        "o06",
        lambda _t: hub_rows("o06", 3),
        Verdict.PASS,
        today=date(2024, 1, 15),
    ),
    Case(
        "a month says there was no procurement",
        "o06",
        lambda _t: hub_rows("o06", 6, ["data", "none", "data", "data", "data", "data"]),
        Verdict.PASS,
    ),
    Case(
        "an empty month without a statement",
        "o06",
        lambda _t: hub_rows("o06", 6, ["data", "empty", "data", "data", "data", "data"]),
        Verdict.FAIL,
        {"months_missing"},
    ),
    Case(
        "purchase-request register",
        "o06",
        lambda _t: one(
            "o06",
            "files/register.pdf",
            "ทะเบียนคุมการขอซื้อขอจ้าง ประจำเดือน ตุลาคม 2566\nลำดับ รายการขอซื้อ วันที่ขอ",
        ),
        Verdict.FAIL,
        {"wrong_document_purchase_register_as_monthly_summary"},
    ),
    Case("item page linking six PDFs", "o06", item_page_with_files(False), Verdict.PASS),
    Case(
        "item page whose PDFs were not fetched",
        "o06",
        item_page_with_files(True),
        Verdict.NOT_CHECKED,
        {"not_fetched", "months_missing"},
        reason="not_fetched",
    ),
    # o07 — previous fiscal year, wrong document, main-website rule, hub mismatch
    Case(
        "annual report of the previous year",
        "o07",
        lambda _t: one("o07", "files/annual.pdf", ANNUAL_REPORT),
        Verdict.PASS,
    ),
    Case(
        "annual report two years old",
        "o07",
        lambda _t: one("o07", "files/annual.pdf", ANNUAL_REPORT.replace("2566", "2565")),
        Verdict.FAIL,
        {"wrong_year"},
    ),
    Case(
        "annual report without problems and suggestions",
        "o07",
        lambda _t: one(
            "o07", "files/annual.pdf", ANNUAL_REPORT.split("ปัญหา")[0] + "สรุปผลเป็นที่น่าพอใจ"
        ),
        Verdict.FAIL,
        {"missing_elements"},
        ["ปัญหา อุปสรรค และข้อเสนอแนะ"],
    ),
    Case(
        "expenditure worksheet",
        "o07",
        lambda _t: one(
            "o07",
            "files/worksheet.pdf",
            "กระดาษทำการกระทบยอดรายจ่ายตามงบประมาณ ประจำปีงบประมาณ พ.ศ. 2566\n"
            "แผนงานบริหารทั่วไป 1,200,000",
        ),
        Verdict.FAIL,
        {"wrong_document_expenditure_worksheet_as_annual_report"},
    ),
    Case(
        "scanned PDF without OCR",
        "o07",
        lambda _t: one("o07", "files/scan.pdf", "", review_reason="scanned_no_ocr"),
        Verdict.REVIEW,
        {"unreadable_document"},
    ),
    Case(
        "Drive file linked from the site",
        "o07",
        drive(True),
        Verdict.PASS,
        {"external_host_linked"},
    ),
    Case("Drive file not linked", "o07", drive(False), Verdict.FAIL, {"not_on_main_site"}),
    Case("Facebook post only", "o07", facebook_only, Verdict.FAIL, {"only_external"}),
    Case(
        "hub row o07 leads to the o04 plan (matcher signal)",
        "o07",
        mismatch_signal,
        Verdict.FAIL,
        {"label_content_mismatch"},
    ),
    Case(
        "hub row o07 leads to the o04 plan (content)",
        "o07",
        mismatch_computed,
        Verdict.FAIL,
        {"label_content_mismatch"},
    ),
    # o08 — multi-year
    Case(
        "local development plan 2566-2570",
        "o08",
        lambda _t: one("o08", "files/plan.pdf", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)"),
        Verdict.PASS,
    ),
    Case(
        "local development plan 2561-2565",
        "o08",
        lambda _t: one("o08", "files/plan.pdf", "แผนพัฒนาท้องถิ่น (พ.ศ. 2561-2565)"),
        Verdict.FAIL,
        {"wrong_year"},
    ),
    # o09 — unknown content
    Case("item of unknown content", "o09", nothing(False), Verdict.REVIEW, {"rule_item_unknown"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    candidates, evidence, results = case.build(tmp_path)
    result = assess_item(
        PACK.item(case.item), PACK, candidates, evidence, results, today=case.today
    )
    codes = {p.code for p in result.problems}
    shown = [result.reason_th, result.reason_en, result.remediation_th, result.remediation_en]
    shown += [t for pr in result.problems for t in (pr.message_th, pr.message_en)]
    assert not [t for t in shown if "{" in t], "unfilled placeholder in a user-visible text"
    assert result.verdict is case.verdict, (result.verdict, result.problems)
    assert case.codes <= codes, codes
    for label in case.missing:
        assert label in result.missing_elements
    if case.reason is not None:
        assert result.not_checked_reason == case.reason
    assert 0.0 <= result.confidence <= 1.0
    assert result.reason_th and result.reason_en
    if result.verdict is Verdict.FAIL:
        assert result.remediation_th.startswith(case.item) or "\n" not in result.remediation_th
        assert PACK.item(case.item).remediation.th in result.remediation_th
    if result.verdict is Verdict.PASS:
        assert result.evidence and not [
            p
            for p in result.problems
            if p.code != "external_host_linked" and p.code not in NOTE_CODES
        ]


def test_months_missing_fix_names_months_found_and_missing() -> None:
    cands, evidence, _ = hub_rows("o06", 3)
    result = assess_item(PACK.item("o06"), PACK, cands, evidence, {}, today=TODAY)
    first_fix = result.remediation_th.splitlines()[0]
    assert first_fix == (
        "o06: สรุปผลการจัดซื้อจัดจ้างรายเดือนมีเฉพาะ ต.ค.–ธ.ค. 2566 ควรเผยแพร่ ม.ค.–มี.ค. 2567"
        " หรือระบุว่าไม่มีการจัดซื้อจัดจ้างในเดือนนั้น"
    )
    assert "Jan–Mar 2024" in result.remediation_en


def test_wrong_year_message_names_both_years() -> None:
    cands, evidence, _ = one("o07", "files/annual.pdf", ANNUAL_REPORT.replace("2566", "2564"))
    result = assess_item(PACK.item("o07"), PACK, cands, evidence, {}, today=TODAY)
    wrong = next(p for p in result.problems if p.code == "wrong_year")
    assert wrong.message_th == "พบข้อมูลปีงบประมาณ 2564 แต่ต้องเป็นปีงบประมาณ 2566"
    assert wrong.params == {"found": 2564, "required": 2566}


def test_evidence_records_url_snippet_element_date_hash_and_hub() -> None:
    cands, evidence, _ = hub_rows("o06", 6)
    result = assess_item(PACK.item("o06"), PACK, cands, evidence, {}, today=TODAY)
    assert result.verdict is Verdict.PASS
    by_element = {e.element: e for e in result.evidence}
    assert set(by_element) == {"item", "winner"}
    ev = by_element["winner"]
    assert ev.url == url("files/procure-1.pdf")
    assert "ผู้ได้รับการคัดเลือก" in ev.snippet
    assert ev.date_read and "ตุลาคม 2566" in ev.date_read
    assert ev.sha256 and len(ev.sha256) == 64
    assert ev.fetched_at is not None
    assert ev.via == url("ita")


def test_mismatch_message_names_both_items() -> None:
    cands, evidence, _ = mismatch_computed(Path())
    result = assess_item(PACK.item("o07"), PACK, cands, evidence, {}, today=TODAY)
    problem = next(p for p in result.problems if p.code == "label_content_mismatch")
    assert "o07" in problem.message_th and "o04" in problem.message_th
    assert "แผนดำเนินงานประจำปี" in problem.message_th


def test_hub_row_passes_only_on_the_union_of_its_files() -> None:
    hub = url("ita")
    first = file_doc("files/a.pdf", "ประจำเดือน ตุลาคม 2566 งานที่จัดซื้อ วัสดุ")
    second = file_doc("files/b.pdf", "ประจำเดือน ตุลาคม 2566 ผู้ได้รับการคัดเลือก ร้านดี")
    item = PACK.item("o06")
    alone = assess_item(item, PACK, [cand("o06", first.url, hub=hub)], site([first]), {},
                        today=date(2023, 11, 5))  # fmt: skip
    both = assess_item(
        item,
        PACK,
        [cand("o06", first.url, hub=hub), cand("o06", second.url, 0.8, hub=hub)],
        site([first, second]),
        {},
        today=date(2023, 11, 5),
    )
    assert alone.verdict is Verdict.FAIL and alone.missing_elements == ["ผู้ได้รับการคัดเลือก"]
    assert both.verdict is Verdict.PASS
    assert {e.url for e in both.evidence} == {first.url, second.url}


@pytest.mark.parametrize(("runner_up", "verdict"), [(0.8, Verdict.PASS), (0.5, Verdict.FAIL)])
def test_a_close_runner_up_may_pass_a_weak_one_may_not(runner_up: float, verdict: Verdict) -> None:
    bad = file_doc("files/register.pdf", "ทะเบียนคุมการขอซื้อขอจ้าง ประจำเดือน ตุลาคม 2566")
    good = file_doc("other/o06.pdf", monthly("ตุลาคม", 2566))
    result = assess_item(
        PACK.item("o06"),
        PACK,
        [cand("o06", bad.url, 0.9), cand("o06", good.url, runner_up)],
        site([bad, good]),
        {},
        today=date(2023, 11, 5),
    )
    assert result.verdict is verdict
    if verdict is Verdict.PASS:
        assert result.evidence[0].url == good.url


def test_fix_text_names_the_missing_elements_in_both_languages() -> None:
    cands, evidence, _ = exec_page(EXECS_NO_DEPUTY)
    result = assess_item(PACK.item("o01"), PACK, cands, evidence, {}, today=TODAY)
    th, en = result.remediation_th.splitlines()[0], result.remediation_en.splitlines()[0]
    assert th == "o01: เพิ่ม รองผู้บริหารสูงสุด, รูปถ่าย ในข้อมูลผู้บริหาร"
    assert en == "o01: add deputy heads; photos to the executives"


def test_mismatch_named_by_the_matcher_signal() -> None:
    cands, evidence, _ = mismatch_signal(Path())
    result = assess_item(PACK.item("o07"), PACK, cands, evidence, {}, today=TODAY)
    problem = next(p for p in result.problems if p.code == "label_content_mismatch")
    assert problem.params["other"] == "o04" and problem.params["item"] == "o07"
    assert result.remediation_th.splitlines()[0].startswith(
        "o07: ลิงก์ของข้อ o07 ชี้ไปยังเอกสารของข้อ o04"
    )
