"""A realistic report built from the models: Thai titles, evidence, problems, all four verdicts.

Shared by the report, store and config tests. ``hostile_report`` fills every field taken from
crawled pages with script-injection payloads.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from oit_checker.models import (
    CrawlStats,
    Evidence,
    ExternalLink,
    ItemResult,
    LinkCategory,
    PackInfo,
    Report,
    ScoreSummary,
    Verdict,
)
from oit_checker.problems import make

SITE = "https://www.tambon-nongbua.go.th/"
STARTED = datetime(2025, 3, 5, 7, 3, tzinfo=UTC)  # 14:03 in Bangkok


def _item(item_id: str, verdict: Verdict, **fields: object) -> ItemResult:
    titles = {
        "o01": ("โครงสร้าง", "Organisation structure"),
        "o02": ("ข้อมูลผู้บริหาร", "Executives"),
        "o03": ("อำนาจหน้าที่", "Authority and duties"),
        "o10": ("แผนการดำเนินงานและการใช้งบประมาณประจำปี", "Annual operation and budget plan"),
        "o14": ("แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "Procurement plan"),
        "o16": (
            "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
            "Monthly procurement summary",
        ),
        "o20": ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "Corruption complaints"),
    }
    title_th, title_en = titles[item_id]
    return ItemResult(
        item_id=item_id, title_th=title_th, title_en=title_en, verdict=verdict, **fields
    )


def sample_items() -> list[ItemResult]:
    fetched = STARTED + timedelta(minutes=2)
    return [
        _item(
            "o01",
            Verdict.PASS,
            confidence=0.92,
            reason_th="พบแผนผังโครงสร้างส่วนราชการครบถ้วน",
            reason_en="The organisation chart was found with all required parts.",
            evidence=[
                Evidence(
                    url=SITE + "structure.php",
                    snippet="แผนภูมิโครงสร้างการแบ่งส่วนราชการ องค์การบริหารส่วนตำบลหนองบัว",
                    element="แผนภูมิโครงสร้าง",
                    sha256="a" * 64,
                    fetched_at=fetched,
                    via=SITE + "ita.php",
                )
            ],
        ),
        _item(
            "o02",
            Verdict.FAIL,
            confidence=0.81,
            reason_th="ข้อมูลผู้บริหารไม่ครบ ขาดช่องทางการติดต่อ",
            reason_en="Executive information is incomplete: contact channels are missing.",
            evidence=[
                Evidence(
                    url=SITE + "executive.php",
                    snippet="นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลหนองบัว",
                    element="ชื่อ-นามสกุล",
                )
            ],
            missing_elements=["หมายเลขโทรศัพท์", "อีเมล"],
            problems=[
                make(
                    "missing_elements",
                    url=SITE + "executive.php",
                    missing="โทรศัพท์, อีเมล",
                    missing_en="phone, e-mail",
                )
            ],
            remediation_th="เพิ่มหมายเลขโทรศัพท์และอีเมลของผู้บริหารแต่ละคนในหน้าข้อมูลผู้บริหาร",
            remediation_en="Add each executive's phone number and e-mail to the executives page.",
        ),
        _item(
            "o03",
            Verdict.PASS,
            confidence=0.88,
            reason_th="พบอำนาจหน้าที่ตามกฎหมาย",
            reason_en="Legal authority and duties were found.",
            evidence=[Evidence(url=SITE + "authority.php", snippet="อำนาจหน้าที่ตาม พ.ร.บ.")],
        ),
        _item(
            "o10",
            Verdict.REVIEW,
            confidence=0.55,
            reason_th="พบแผนจากภาพสแกน อ่านด้วย OCR ควรเปิดตรวจด้วยตนเอง",
            reason_en="The plan was read from a scan by OCR; please check it yourself.",
            evidence=[
                Evidence(
                    url=SITE + "files/แผนดำเนินงาน 2568.pdf",
                    snippet="แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                    date_read="ปีงบประมาณ 2568",
                )
            ],
            problems=[make("ocr_only", url=SITE + "files/แผนดำเนินงาน 2568.pdf")],
        ),
        _item(
            "o14",
            Verdict.NOT_CHECKED,
            reason_th="เปิดไฟล์แผนจัดซื้อจัดจ้างไม่ได้ (หมดเวลา) ผลนี้ไม่ได้แปลว่าข้อมูลขาด",
            reason_en="The procurement plan file timed out; this does not mean it is missing.",
            not_checked_reason="timeout",
            problems=[make("timeout", url=SITE + "files/plan-procurement-2568.pdf")],
        ),
        _item(
            "o16",
            Verdict.FAIL,
            confidence=0.9,
            reason_th="พบสรุปผลการจัดซื้อจัดจ้างเพียง 4 เดือน",
            reason_en="Monthly procurement summaries were found for 4 months only.",
            evidence=[
                Evidence(
                    url=SITE + "files/สขร1-ตุลาคม-2567.pdf",
                    snippet="สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567",
                    date_read="ต.ค. 2567",
                )
            ],
            problems=[
                make(
                    "months_missing",
                    missing=["ก.พ. 2568", "มี.ค. 2568"],
                    found=["ต.ค. 2567", "พ.ย. 2567", "ธ.ค. 2567", "ม.ค. 2568"],
                    missing_en=["Feb 2025", "Mar 2025"],
                    found_en=["Oct 2024", "Nov 2024", "Dec 2024", "Jan 2025"],
                )
            ],
            remediation_th="เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.1) ให้ครบทุกเดือน",
            remediation_en="Publish the monthly procurement summary (form สขร.1) for every month.",
        ),
        _item(
            "o20",
            Verdict.PASS,
            confidence=0.95,
            reason_th="พบช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
            reason_en="A corruption complaint channel was found.",
            evidence=[Evidence(url=SITE + "complaint-corruption.php")],
        ),
    ]


def sample_report(
    items: list[ItemResult] | None = None,
    started: datetime = STARTED,
    site: str = SITE,
    pack_id: str = "nacc-oit-2568",
) -> Report:
    items = sample_items() if items is None else items
    passed = sum(1 for i in items if i.verdict is Verdict.PASS)
    counts = {v.value: sum(1 for i in items if i.verdict is v) for v in Verdict}
    return Report(
        tool_version="0.1.0",
        pack=PackInfo(
            id=pack_id, scheme="nacc-oit", year=2568, status="reconstructed", item_count=len(items)
        ),
        site=site,
        started_at=started,
        finished_at=started + timedelta(minutes=4, seconds=12),
        settings={"max_pages": 500, "max_depth": 5},
        crawl=CrawlStats(
            pages_fetched=143,
            documents_fetched=37,
            bytes_fetched=48_213_004,
            from_cache=12,
            errors_by_kind={"timeout": 2, "http_status": 5},
            limits_hit=[],
            elapsed_s=252.4,
        ),
        site_findings=[make("soft_404")],
        items=items,
        external_links=[
            ExternalLink(
                url="https://www.facebook.com/nongbua.sao",
                text="เฟซบุ๊ก อบต.หนองบัว",
                found_on=SITE,
                host="www.facebook.com",
                category=LinkCategory.SOCIAL,
            )
        ],
        summary=ScoreSummary(score=100.0 * passed / len(items) if items else None, counts=counts),
    )


# --------------------------------------------------------------------------- hostile input

PWN = "window.__pwned = (window.__pwned || 0) + 1"
PAYLOADS = (
    f'<img src=x onerror="{PWN}">',
    f"</script><script>{PWN}</script>",
    f'"><svg onload="{PWN}">',
    f'\'><iframe src="javascript:{PWN}"></iframe>',
    "<link rel=stylesheet href=http://127.0.0.1:9/evil.css>",
    "<style>@import url(http://127.0.0.1:9/x.css)</style>",
    "<a href=http://127.0.0.1:9/leak>click</a>",
)
JS_URLS = (
    f"javascript:{PWN}",
    f" javascript:{PWN}",
    f"java\tscript:{PWN}",
    f"JaVaScRiPt:{PWN}",
    f"data:text/html,<script>{PWN}</script>",
    "vbscript:msgbox(1)",
)


def hostile_report() -> Report:
    """Every page-derived field holds a payload; URLs are javascript:/data: or carry payloads."""
    payload = " ".join(PAYLOADS)
    items: list[ItemResult] = []
    for n, js_url in enumerate(JS_URLS, start=1):
        items.append(
            ItemResult(
                item_id=f"o{n:02d}",
                title_th=f"ข้อมูลผู้บริหาร {payload}",
                title_en=f"Executives {payload}",
                verdict=list(Verdict)[n % 4],
                reason_th=f"เหตุผล {payload}",
                reason_en=payload,
                evidence=[
                    Evidence(
                        url=js_url,
                        snippet=f"ข้อความจากหน้าเว็บ {payload}",
                        element=payload,
                        date_read=payload,
                        via=js_url,
                    ),
                    Evidence(url=f"{SITE}files/{payload}.pdf", snippet=payload),
                ],
                missing_elements=[payload],
                problems=[make("http_status", url=js_url, status=payload)],
                remediation_th=payload,
                remediation_en=payload,
                not_checked_reason=payload,
            )
        )
    report = sample_report(items=items, site=f"javascript:{PWN}")
    report.site_findings.append(
        make("site_unreachable", url=JS_URLS[0], site=payload, reason=payload)
    )
    report.external_links.append(
        ExternalLink(url=JS_URLS[0], text=payload, found_on=JS_URLS[2], host=payload)
    )
    report.settings["note"] = payload
    report.crawl.limits_hit.append(payload)
    report.crawl.errors_by_kind[payload] = 1
    return report
