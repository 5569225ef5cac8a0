"""Extraction speed: HTML pages/s (typical ~50 KB Thai agency pages) and PDF text pages/s.

Targets: HTML >= 500 pages/s per core, PDF text >= 50 pages/s. HTML is measured as a scan
reads pages (dates left for the pages the assessment looks at) and with the dates read.
Inputs are generated deterministically here; rates are per CPU second of this process
(``time.process_time``), best of 3 runs, so other load on the machine matters less.
Run: ``.venv/bin/python bench/bench_extract.py``
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fixtures import docgen
from oit_checker.extract import ExtractLimits, extract
from oit_checker.models import Resource

_MENU = [
    "หน้าแรก", "ข้อมูลพื้นฐาน", "โครงสร้างองค์กร", "ผู้บริหาร", "อำนาจหน้าที่", "แผนพัฒนาท้องถิ่น",
    "ข่าวประชาสัมพันธ์", "การจัดซื้อจัดจ้าง", "ประกาศราคากลาง", "ITA", "ติดต่อเรา", "ถาม-ตอบ",
]  # fmt: skip


def thai_page(n: int, target_bytes: int = 50_000) -> str:
    """A typical Thai local-government page: menus, news list, table, footer."""
    menu = "".join(f'<li><a href="/page.php?id={i}">{m}</a></li>' for i, m in enumerate(_MENU * 4))
    parts = [
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>ข่าวที่ {n} - อบต.ตัวอย่าง</title>",
        "<script>var a=1;function f(){return a}</script><style>.x{color:#333}</style></head><body>",
        f"<nav><ul>{menu}</ul></nav><h1>ข่าวประชาสัมพันธ์</h1>",
    ]
    i = 0
    while sum(len(p.encode()) for p in parts) < target_bytes:
        i += 1
        parts.append(
            f"<div class='news'><h3>ประกาศองค์การบริหารส่วนตำบลตัวอย่าง เรื่อง โครงการที่ {i}</h3>"
            f"<p>ประกาศ ณ วันที่ {1 + i % 28} ตุลาคม ๒๕๖๗ ผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๘ "
            "เพื่อให้การบริหารงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้</p>"
            f"<img src='/img/{i}.jpg' alt='ภาพกิจกรรม {i}' width='300' height='200'>"
            f"<a href='/news.php?id={i}' onclick=\"window.open('/files/{i}.pdf')\">อ่านต่อ</a>"
            f"<table><tr><td>{i}</td><td>จัดซื้อวัสดุ</td><td>{i * 1000:,}</td></tr></table></div>"
        )
    parts.append("<footer>องค์การบริหารส่วนตำบลตัวอย่าง โทร 0-4300-0000</footer></body></html>")
    return "".join(parts)


def bench_html(pages: int = 400, repeat: int = 3, *, dates: bool) -> tuple[float, int]:
    """HTML pages per CPU second (best of ``repeat``) and the page size in bytes. ``dates``:
    read the dates too (a scan leaves them for the pages it assesses)."""
    bodies = [thai_page(n).encode() for n in range(20)]
    best = 0.0
    for _ in range(repeat):
        start = time.process_time()
        for n in range(pages):
            body = bodies[n % len(bodies)]
            extract(
                Resource(
                    url=f"http://127.0.0.1/news/{n}.html",
                    status=200,
                    content_type="text/html; charset=utf-8",
                ),
                body,
                dates=dates,
            )
        best = max(best, pages / (time.process_time() - start))
    return best, len(bodies[0])


def bench_pdf(pages: int = 200, repeat: int = 3) -> float:
    """PDF text pages per CPU second (best of ``repeat``)."""
    lines = [
        f"ข้อ {i} รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ขององค์การบริหารส่วนตำบล"
        for i in range(30)
    ]
    buf = io.BytesIO()
    docgen.make_pdf(buf, [lines] * 20)
    body = buf.getvalue()
    limits = ExtractLimits(ocr=False)
    best = 0.0
    for _ in range(repeat):
        start = time.process_time()
        done = 0
        while done < pages:
            doc = extract(Resource(url="http://127.0.0.1/r.pdf", status=200), body, limits=limits)
            done += doc.page_count or 0
        best = max(best, done / (time.process_time() - start))
    return best


def main() -> int:
    for label, dates in (("as a scan reads it", False), ("with its dates", True)):
        html_rate, size = bench_html(dates=dates)
        print(
            f"HTML extract, {label:18s}: {html_rate:6.1f} pages/s per core"
            f" ({1000 / html_rate:5.2f} ms/page, page {size / 1000:.0f} KB; target >= 500)"
        )
    pdf_rate = bench_pdf()
    print(f"PDF text: {pdf_rate:6.1f} pages/s per core (30 Thai lines/page; target >= 50)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
