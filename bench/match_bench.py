"""Matching speed: CPU ms per page for extract_html + Matcher.add, and for candidates().

Run: .venv/bin/python bench/match_bench.py [pages] [year]
Pages are synthetic but shaped like a Thai local-government site: a 120-link menu repeated on
every page, a body of about 5,000 characters, some pages with an ITA hub table.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oit_checker.extract.html import extract_html
from oit_checker.match import Matcher, make_priority
from oit_checker.rules.schema import Pack
from tests.match.docs import pack

SITE = "http://bench.test.go.th"
WORDS = [
    "องค์การบริหารส่วนตำบล",
    "ประชุม",
    "โครงการ",
    "ประชาชน",
    "พัฒนา",
    "ถนน",
    "ประปา",
    "กิจกรรม",
    "ผู้สูงอายุ",
    "เด็ก",
    "งบประมาณ",
    "ประกาศ",
    "ข่าว",
    "ตำบล",
    "หมู่บ้าน",
    "บริการ",
    "สาธารณะ",
    "ภาษี",
    "จัดเก็บ",
    "รายได้",
    "ศูนย์พัฒนาเด็กเล็ก",
]


def _menu(p: Pack) -> str:
    items = [
        f'<li><a href="{SITE}/menu/{i}.php">{it.title_th}</a></li>' for i, it in enumerate(p.items)
    ]
    extra = [
        f'<li><a href="{SITE}/page/{i}.php">เมนู {random.choice(WORDS)} {i}</a></li>'
        for i in range(90)
    ]
    return "<nav><ul>" + "".join(items + extra) + "</ul></nav>"


def _page(n: int, menu: str, p: Pack) -> str:
    body = " ".join(random.choice(WORDS) for _ in range(700))
    hub = ""
    if n % 25 == 0:
        rows = "".join(
            f"<tr><td>O{it.number}</td><td>{it.title_th}</td>"
            f'<td><a href="{SITE}/ita/{it.id}.pdf">เปิด</a></td></tr>'
            for it in p.items
        )
        hub = f"<h2>ITA {p.year}</h2><table>{rows}</table>"
    return (
        f"<html><head><title>หน้า {n} - อบต.ทดสอบ</title></head><body>{menu}"
        f"<h1>{random.choice(WORDS)} {n}</h1>{hub}<p>{body}</p>"
        f'<a href="{SITE}/news/{n + 1}.php">{random.choice(WORDS)}</a></body></html>'
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2567
    random.seed(1)
    p = pack(year)
    menu = _menu(p)
    pages = [_page(n, menu, p) for n in range(count)]
    matcher = Matcher(p)
    extract_s = match_s = 0.0
    for n, html in enumerate(pages):
        t0 = time.process_time()
        doc = extract_html(html, f"{SITE}/p/{n}.php")
        t1 = time.process_time()
        matcher.add(doc)
        t2 = time.process_time()
        extract_s += t1 - t0
        match_s += t2 - t1
    t0 = time.process_time()
    result = matcher.candidates()
    cand_s = time.process_time() - t0
    priority = make_priority(p)
    t0 = time.process_time()
    for i in range(10_000):
        priority(f"{SITE}/x/{i}.php", "ข้อมูลผู้บริหาร" if i % 2 else "ดาวน์โหลด", "")
    prio_s = time.process_time() - t0
    print(f"pack {p.id}, {count} pages, text ~{len(pages[1]) // 1000} KB HTML each")
    print(f"extract_html   {extract_s / count * 1000:6.2f} ms CPU per page")
    print(f"Matcher.add    {match_s / count * 1000:6.2f} ms CPU per page")
    print(
        f"candidates()   {cand_s * 1000:6.1f} ms CPU total "
        f"({sum(len(v) for v in result.values())} candidates)"
    )
    print(f"make_priority  {prio_s / 10_000 * 1e6:6.1f} µs CPU per link")
    print(f"hubs found     {len(matcher.hubs())}")


if __name__ == "__main__":
    main()
