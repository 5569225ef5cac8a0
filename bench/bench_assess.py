"""Assessment speed: a whole pack assessed against a large site, items/s and ms per site.

    .venv/bin/python bench/bench_assess.py --year 2567 --documents 2000 --candidates 8

Builds a site of N Thai documents (~20 KB text each, one per month and item, hub rows linking
several files per item) and M candidates per item, then times ``assess`` over the whole pack.
Prints figures; asserts nothing (target: a 33-item pack on a 2,000-document site in < 2 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oit_checker.assess import SiteEvidence, assess, score
from oit_checker.models import Candidate, DocKind, Document, Link, Resource, Signal, SignalKind
from oit_checker.rules.loader import get_pack
from oit_checker.thai.dates import document_dates, find_dates
from oit_checker.thai.text import normalize

SITE = "https://www.bench-sao.go.th/"
_FILLER = (
    "องค์การบริหารส่วนตำบลตัวอย่าง ได้ดำเนินโครงการตามแผนพัฒนาท้องถิ่น เพื่อประโยชน์สุขของประชาชน "
    "ผลการดำเนินงาน งบประมาณ เบิกจ่าย ความก้าวหน้า ปัญหาอุปสรรค ข้อเสนอแนะ "
)


def _document(i: int, item: str, title: str) -> Document:
    month = ["ตุลาคม 2566", "พฤศจิกายน 2566", "ธันวาคม 2566", "มกราคม 2567"][i % 4]
    text = normalize(f"{title} ประจำเดือน {month}\n" + _FILLER * 120)
    period, issued = document_dates("", text[:500])
    return Document(
        url=f"{SITE}files/{item}-{i}.pdf",
        kind=DocKind.PDF,
        text=text,
        dates=find_dates(text[:2000]),
        period=period,
        issued=issued,
        sha256=f"{i:064x}",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2567)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--candidates", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    pack = get_pack(args.year)
    docs: dict[str, Document] = {}
    candidates: dict[str, list[Candidate]] = {}
    per_item = max(1, args.documents // len(pack.items))
    hub = f"{SITE}ita"
    for item in pack.items:
        for i in range(per_item):
            doc = _document(i, item.id, item.title_th)
            docs[doc.url] = doc
        urls = [u for u in docs if f"/{item.id}-" in u][: args.candidates]
        label = Signal(kind=SignalKind.HUB_LABEL, detail=item.id, weight=1.0)
        candidates[item.id] = [
            Candidate(item_id=item.id, url=u, score=0.9 - k * 0.01, signals=[label], via_hub=hub)
            for k, u in enumerate(urls)
        ]
    hub_links = [Link(url=u, text=u.rsplit("/", 1)[-1]) for u in docs]
    docs[hub] = Document(url=hub, kind=DocKind.HTML, title="ITA", text="ITA", links=hub_links)
    site = SiteEvidence(
        site=SITE,
        documents=docs,
        resources={u: Resource(url=u, status=200) for u in docs},
        inbound={u: [(hub, link)] for u, link in ((lk.url, lk) for lk in hub_links)},
        external_links=[],
        site_findings=[],
        reachable=True,
        partial=False,
        soft_404=False,
    )
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        results = assess(pack, candidates, site, today=date(2024, 5, 2))
        timings.append(time.perf_counter() - started)
    best = min(timings)
    summary = score(results)
    print(f"pack {pack.id}: {len(pack.items)} items, {len(docs)} documents,"
          f" {args.candidates} candidates/item")  # fmt: skip
    first = timings[0]
    print(f"assess: first run {first * 1000:.0f} ms ({len(pack.items) / first:.0f} items/s),"
          f" repeated (folded texts cached) best {best * 1000:.0f} ms;"
          f" verdicts {summary.counts}")  # fmt: skip


if __name__ == "__main__":
    main()
