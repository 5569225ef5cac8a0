"""Issue 13 class 9: every month a site holds is counted, however it is filed.

Served sites with real PDF/XLSX files: one post per month on a CMS list (list → detail page →
file, two hops from the list), the list paginated, quarter bundles holding three months, and
PDF + Excel twins of the same month. The 2568 pack's o12 needs ต.ค. 2567 – มี.ค. 2568.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixtures.docgen import make_pdf
from oit_checker.models import Verdict
from tests.support.agency import AGENCY, HEAD, cms_page, codes, item, scan_site
from tests.support.monthly import (
    MONTHS,
    O12,
    detail_page,
    month_pdf,
    month_xlsx,
    news_list,
    post_title,
    quarter_pdf,
)

TODAY = date(2025, 5, 15)
OTHER_ROWS = [
    ("O1 โครงสร้างและอำนาจหน้าที่", "/about/structure.html"),
    ("O2 ข้อมูลผู้บริหาร", "/about/executives.html"),
    ("O3 ข้อมูลการติดต่อ", "/contact.html"),
    ("O4 ข่าวประชาสัมพันธ์", "/news.html"),
]


def _hub(o12_href: str) -> str:
    rows = [*OTHER_ROWS, (O12, o12_href)]
    table = "".join(
        f"<tr><td>{label}</td><td><a href='{href}'>คลิก</a></td></tr>" for label, href in rows
    )
    return cms_page("ITA 2568 การเปิดเผยข้อมูลสาธารณะ (OIT)", f"<table>{table}</table>")


def _base(o12_href: str) -> dict[str, str | bytes]:
    return {
        "index.html": cms_page("หน้าแรก", "<p><a href='/ita.html'>ITA 2568</a></p>"),
        "ita.html": _hub(o12_href),
        **{href.lstrip("/"): cms_page(label, "<p>ข้อมูล</p>") for label, href in OTHER_ROWS},
    }


def _o12(report_items: object) -> tuple[Verdict, list[str], str]:
    result = item(report_items, "o12")  # type: ignore[arg-type]
    missing = next((p.params.get("missing", "") for p in result.problems
                    if p.code == "months_missing"), "")  # fmt: skip
    return result.verdict, codes(result), str(missing)


def _cms_list_site(
    tmp: Path, held: list[int], folder: str = "procurement"
) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """o12's ITA row → a CMS list (4 posts a page, newest first) → a post per month → its PDF."""
    files = _base(f"/{folder}/list.php?cat=5")
    posts: list[tuple[str, str]] = []
    pages: dict[str, str] = {}
    for n, (month, year) in enumerate(MONTHS, start=1):
        if n - 1 not in held:
            continue
        pdf = f"uploads/files/2568/a9f3{n:02d}c1.pdf"
        files[pdf] = month_pdf(tmp / f"m{n}.pdf", month, year, n)
        detail = (
            f"/{folder}/view{100 + n}.html"
            if folder == "content"
            else f"/{folder}/detail.php?id={100 + n}"
        )
        pages[detail] = detail_page(post_title(month, year), f"/{pdf}")
        posts.append((detail, post_title(month, year)))
    posts.reverse()  # newest first, as CMS lists show them
    pager_1 = (
        "<ul class='pagination'><li class='active'><a href='?cat=5&page=1'>1</a></li>"
        "<li><a href='?cat=5&page=2'>2</a></li><li><a href='?cat=5&page=2'>หน้าถัดไป »</a></li></ul>"
    )
    pager_2 = "<ul class='pagination'><li><a href='?cat=5&page=1'>« ก่อนหน้า</a></li></ul>"
    pages[f"/{folder}/list.php?cat=5"] = news_list(posts[:4], pager_1)
    pages[f"/{folder}/list.php?cat=5&page=2"] = news_list(posts[4:], pager_2)
    return files, pages


def test_one_post_per_month_on_a_paginated_cms_list(tmp_path: Path) -> None:
    files, pages = _cms_list_site(tmp_path, list(range(6)))
    report = scan_site(tmp_path, files, year=2568, today=TODAY, query_pages=pages)
    verdict, found, missing = _o12(report)
    assert verdict is Verdict.PASS, (verdict, found, missing)


def test_a_capped_crawl_reaches_every_months_post(tmp_path: Path) -> None:
    # The posts live under /content/ like every other page of the CMS and say nothing to the
    # crawl's link scorer; eighty other content pages nearer the home page compete for the
    # page budget. The list's rank (its ITA row) carries to its pages, posts and files.
    files, pages = _cms_list_site(tmp_path, list(range(6)), folder="content")
    others = "".join(
        f"<li><a href='/content/v{k}.html'>สถานที่ท่องเที่ยว ตอนที่ {k}</a></li>" for k in range(80)
    )
    files["index.html"] = cms_page(
        "หน้าแรก", f"<p><a href='/ita.html'>ITA 2568</a></p><ul>{others}</ul>"
    )
    for k in range(80):
        files[f"content/v{k}.html"] = cms_page(f"สถานที่ท่องเที่ยว ตอนที่ {k}", "<p>ภาพ</p>")
    report = scan_site(
        tmp_path,
        files,
        year=2568,
        today=TODAY,
        query_pages=pages,
        max_pages=40,
        global_concurrency=2,
    )
    verdict, found, missing = _o12(report)
    assert verdict is Verdict.PASS, (verdict, found, missing)


def test_a_month_the_list_does_not_hold_is_named(tmp_path: Path) -> None:
    # November is not posted; October sits alone on the list's second page.
    files, pages = _cms_list_site(tmp_path, [0, 2, 3, 4, 5])
    report = scan_site(tmp_path, files, year=2568, today=TODAY, query_pages=pages)
    verdict, found, missing = _o12(report)
    assert verdict is Verdict.FAIL and "months_missing" in found, (verdict, found)
    assert missing == "พ.ย. 2567", missing


def test_quarter_bundles_and_pdf_excel_twins(tmp_path: Path) -> None:
    files = _base("/ita/o12.html")
    files["uploads/q1-2568.pdf"] = quarter_pdf(tmp_path / "q1.pdf", 1, MONTHS[:3], 1)
    links = ["<li><a href='/uploads/q1-2568.pdf'>ไตรมาสที่ 1 (ต.ค. – ธ.ค. 2567)</a></li>"]
    for n, (month, year) in enumerate(MONTHS[3:], start=4):
        files[f"uploads/m{n}.pdf"] = month_pdf(tmp_path / f"m{n}.pdf", month, year, n)
        files[f"uploads/m{n}.xlsx"] = month_xlsx(tmp_path / f"m{n}.xlsx", month, year, n)
        links.append(
            f"<li>เดือน{month} {year} <a href='/uploads/m{n}.pdf'>PDF</a>"
            f" <a href='/uploads/m{n}.xlsx'>Excel</a></li>"
        )
    files["ita/o12.html"] = cms_page(O12, f"<ul>{''.join(links)}</ul>")
    report = scan_site(tmp_path, files, year=2568, today=TODAY)
    verdict, found, missing = _o12(report)
    assert verdict is Verdict.PASS, (verdict, found, missing)


def _as_page(main: str) -> str:
    """An AS System page: the agency's name as the title, the page name in a styled span."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{AGENCY}</title></head><body>"
        "<header><nav><a href='/Home'>หน้าแรก</a><a href='/ita.html'>ITA</a></nav></header>"
        f"<div class='bg-pages'>{main}</div><footer class='footer-k'>{HEAD}</footer></body></html>"
    )


def test_a_cms_list_of_posts_whose_file_is_on_the_post(tmp_path: Path) -> None:
    # AS System shape: the ITA row → the item's list page → Pages/<slug>_detail/<id> → the
    # PDF in an <object>, downloaded through an image-only button; neither page names itself.
    files = _base("/ita/o12.html")
    files["ita.html"] = _hub("/ita/o12.html").replace(
        "</table>",
        "<tr><td>O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</td>"
        "<td><a href='/Pages/guide_work'>คลิก</a></td></tr></table>",
    )
    files["Pages/guide_work"] = _as_page(
        "<span class='font-pages-head'>คู่มือปฏิบัติงาน</span>"
        "<div class='row'><a href='/Pages/guide_work_detail/2'><img src='/docs/logo.png'></a>"
        "<a href='/Pages/guide_work_detail/2'><span>เรื่องที่ 1 งานจัดเก็บรายได้</span></a>"
        "<a href='/Pages/guide_work_detail/2'><span>1 พ.ย. 2567</span></a></div>"
        "<ul class='pagination'><li><a href='?page=1'>1</a></li></ul>"
    )
    files["Pages/guide_work_detail/2"] = _as_page(
        "<span class='font-pages-head'>คู่มือปฏิบัติงาน</span><div>เรื่อง งานจัดเก็บรายได้</div>"
        "<a href='/docs/file/guide_work_2.pdf' download><img src='/docs/btn-download.png'></a>"
        "<object data='/docs/file/guide_work_2.pdf' type='application/pdf'></object>"
        "<a href='/Pages/guide_work'><img src='/docs/btn-back.png'></a>"
    )
    files["docs/file/guide_work_2.pdf"] = make_pdf(
        tmp_path / "g.pdf",
        [
            [
                "คู่มือการปฏิบัติงาน งานจัดเก็บรายได้ กองคลัง",
                HEAD,
                "ขั้นตอนการปฏิบัติงาน",
                "1. รับแบบแสดงรายการทรัพย์สิน 2. ตรวจสอบและประเมินภาษี 3. ออกใบเสร็จรับเงิน",
            ]
        ],
    ).read_bytes()
    html = "text/html; charset=utf-8"
    types = {"/Pages/guide_work": html, "/Pages/guide_work_detail/2": html}
    report = scan_site(
        tmp_path, files, year=2568, today=TODAY, server_json={"content_types": types}
    )
    result = item(report, "o08")
    assert result.verdict is Verdict.PASS, (result.verdict, codes(result))
    assert any(e.url.endswith("guide_work_2.pdf") for e in result.evidence)
