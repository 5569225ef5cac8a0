"""Slow agencies in a batch: do scanned PDFs and a bomb hold up everyone else, or their budget?

Twenty simulated agencies on loopback hosts (127.0.0.x, FixtureServer, latency on every
request): 14 small ordinary sites (a home page, an ITA page and one page per item), 5 sites whose
ITA page links only scanned PDFs (image-only, read by tesseract OCR) and one whose ITA page links
a sparse-XLSX bomb (5 KB, one cell at XFD1048576: openpyxl walks a million empty rows). One
``oit-checker batch`` run of all twenty, then one of the 14 ordinary ones alone, same settings
(default politeness, ``--max-time``, OCR on):

    .venv/bin/python bench/bench_slow_agencies.py [--max-time 60] [--pdfs 6] [--pages 3]

prints every agency's wall time (from the batch's own ``batch.sqlite3``) against its
``--max-time`` (target: none over it by more than 10 %), and the ordinary agencies' mean and
slowest time with and without the slow ones beside them (target: at most 10 % slower).
Documents are read in the worker pool, so OCR and the bomb do not stop the event loop that
fetches for the others, and reads still running at 90 % of an agency's budget are stopped.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_batch import _address, _IdleFriendlyServer, _page, build_site  # noqa: E402

from fixtures import docgen  # noqa: E402
from oit_checker.fixture_server import FixtureServer  # noqa: E402

_LINES = [
    "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    "องค์การบริหารส่วนตำบลจำลอง อำเภอเมือง จังหวัดตัวอย่าง",
    "ผลการใช้จ่ายงบประมาณ ความก้าวหน้า ปัญหาอุปสรรค และข้อเสนอแนะ",
]


def build_scanned_site(root: Path, pdfs: int, pages: int) -> Path:
    """An agency whose ITA page links only scanned (image-only) PDFs."""
    (root / "ita").mkdir(parents=True, exist_ok=True)
    links = []
    for i in range(pdfs):
        name = f"o{i + 1:02d}.pdf"
        docgen.make_scanned_pdf(root / "ita" / name, [_LINES] * pages)
        links.append(f"<li><a href='/ita/{name}'>O{i + 1} รายงาน</a></li>")
    (root / "ita" / "index.html").write_text(
        _page("การเปิดเผยข้อมูลสาธารณะ (OIT)", "<ul>" + "".join(links) + "</ul>"), "utf-8"
    )
    (root / "index.html").write_text(
        _page("องค์การบริหารส่วนตำบลสแกน", "<a href='/ita/'>ITA ปี 2567</a>"), "utf-8"
    )
    return root


def build_bomb_site(root: Path) -> Path:
    """An agency whose ITA page links a sparse-XLSX bomb."""
    from openpyxl import Workbook

    (root / "ita").mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "แผนการจัดซื้อจัดจ้าง"
    ws["XFD1048576"] = "จบ"
    buf = io.BytesIO()
    wb.save(buf)
    (root / "ita" / "o12.xlsx").write_bytes(buf.getvalue())
    (root / "ita" / "index.html").write_text(
        _page("การเปิดเผยข้อมูลสาธารณะ (OIT)", "<a href='/ita/o12.xlsx'>O12 แผนจัดซื้อ</a>"), "utf-8"
    )
    (root / "index.html").write_text(
        _page("องค์การบริหารส่วนตำบลระเบิด", "<a href='/ita/'>ITA ปี 2567</a>"), "utf-8"
    )
    return root


def run_batch(
    rows: list[tuple[str, str, str]], tmp: Path, name: str, args: argparse.Namespace
) -> dict[str, tuple[str, float, str]]:
    """url → (kind, seconds, outcome) of every agency, from the batch's state file."""
    agencies = tmp / f"{name}.csv"
    with agencies.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "url", "type", "province"])
        for label, url, _kind in rows:
            writer.writerow([label, url, "อบต.", "เชียงใหม่"])
    out = tmp / f"out-{name}"
    command = [
        sys.executable, "-m", "oit_checker", "batch", str(agencies), "-o", str(out),
        "--parallel", str(len(rows)), "--max-time", str(args.max_time), "--year", "2567", "-q",
    ]  # fmt: skip
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=False)
    print(f"  batch {name}: {time.monotonic() - started:.1f} s wall")
    kinds = {url: kind for _label, url, kind in rows}
    found: dict[str, tuple[str, float, str]] = {}
    with sqlite3.connect(out / "batch.sqlite3") as db:
        query = (
            "SELECT s.url, r.duration_s, r.outcome, r.counts"
            " FROM sites s JOIN results r USING (site_id)"
        )
        for url, seconds, outcome, counts in db.execute(query):
            found[url] = (kinds.get(url, "?"), float(seconds), f"{outcome} {json.loads(counts)}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-time", type=float, default=60.0)
    parser.add_argument("--pdfs", type=int, default=6, help="scanned PDFs per scanned agency")
    parser.add_argument("--pages", type=int, default=3, help="pages per scanned PDF")
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="oit-bench-slow-") as name:
        tmp = Path(name)
        fast = build_site(tmp / "fast", 2567)
        scanned = build_scanned_site(tmp / "scanned", args.pdfs, args.pages)
        bomb = build_bomb_site(tmp / "bomb")
        trees = [("fast", fast)] * 14 + [("scanned", scanned)] * 5 + [("bomb", bomb)]
        servers: list[FixtureServer] = []
        try:
            rows = []
            for i, (kind, tree) in enumerate(trees):
                server = _IdleFriendlyServer(tree, host=_address(i))
                server.latency_s = args.latency
                servers.append(server.start())
                rows.append((f"อบต.{kind} {i}", server.url, kind))
            print(f"20 agencies, --max-time {args.max_time:g} s, OCR on")
            mixed = run_batch(rows, tmp, "mixed", args)
            alone = run_batch([r for r in rows if r[2] == "fast"], tmp, "fast-only", args)
        finally:
            for server in servers:
                server.stop()

    limit = args.max_time * 1.1
    print(f"\n{'agency':<28} {'kind':<8} {'seconds':>8}  outcome")
    for url, (kind, seconds, outcome) in sorted(mixed.items(), key=lambda kv: -kv[1][1]):
        flag = "  OVER" if seconds > limit else ""
        print(f"{url:<28} {kind:<8} {seconds:8.1f}  {outcome}{flag}")
    worst = max(seconds for _kind, seconds, _o in mixed.values())
    over = sum(1 for _kind, seconds, _o in mixed.values() if seconds > limit)
    print(
        f"\nslowest agency {worst:.1f} s = {worst / args.max_time:.0%} of --max-time"
        f" ({len(mixed)} of 20 with a result, {over} over max-time + 10 %)"
    )
    with_slow = [mixed[u][1] for u in alone if u in mixed]
    without = [alone[u][1] for u in alone if u in mixed]
    if with_slow and without:
        mean_a, mean_b = statistics.mean(with_slow), statistics.mean(without)
        print(
            f"ordinary agencies: mean {mean_a:.1f} s beside the slow ones, {mean_b:.1f} s alone"
            f" ({mean_a / mean_b - 1:+.0%}); slowest {max(with_slow):.1f} s vs {max(without):.1f} s"
            f" ({max(with_slow) / max(without) - 1:+.0%})"
        )


if __name__ == "__main__":
    main()
