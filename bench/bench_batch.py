"""Batch benchmark: N simulated agency sites on loopback, one ``oit-checker batch`` run.

Each agency is its own host (a FixtureServer on 127.0.x.y, 100 ms latency on every request)
serving a small Thai site: a home page, an ITA page listing every item of the pack, and one
page per item. The batch runs as a child process with the default politeness (2 requests in
flight per host, 0.5 s between requests), so the figures are the batch's own:

    .venv/bin/python bench/bench_batch.py --sites 1000 --parallel 64 [--processes N]

prints wall time, sites per minute, the batch's peak RSS (all its processes together, sampled
every 0.5 s from /proc, and the largest single process), and the highest number of requests in
flight seen by any one host (must not exceed --per-host). --processes is passed to the batch
(default: the CLI's, one process per usable core). Target: 1,000 sites in under 15 minutes on
2 cores, under 1 GB.

Measured on the idle 2-core dev box (load average < 1 before the run), --sites 1000
--parallel 100: with 2 processes (the default there) 296.2 s (203 sites/min, 39,000 requests),
peak RSS 597 MB for all processes together (largest 260 MB); with --processes 1 397.9 s
(151 sites/min), 375 MB. Max 2 requests in flight per host (limit 2) in both.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from oit_checker.batch.partition import usable_cores  # noqa: E402
from oit_checker.fixture_server import FixtureServer  # noqa: E402
from oit_checker.rules.loader import get_pack  # noqa: E402


class _IdleFriendlyServer(FixtureServer):
    """FixtureServer whose accept loop wakes once a second instead of 20 times: a thousand
    idle servers would otherwise burn a core of the 2 the benchmark is about."""

    def start(self) -> FixtureServer:
        super().start()
        assert self._server is not None and self._thread is not None
        self._server.shutdown()  # stop the 50 ms loop; start one that polls each second
        self._thread.join()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 1.0}, daemon=True
        )
        self._thread.start()
        return self


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='th'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    )


def build_site(root: Path, year: int) -> Path:
    """A small agency site whose ITA page links one page per item of the pack."""
    pack = get_pack(year=year)
    root.mkdir(parents=True, exist_ok=True)
    links = []
    for item in pack.items:
        name = f"{item.id}.html"
        links.append(f"<li><a href='/ita/{name}'>{item.id.upper()} {item.title_th}</a></li>")
        text = (
            f"<p>{item.title_th} ประจำปีงบประมาณ พ.ศ. {year} องค์การบริหารส่วนตำบลจำลอง</p>"
            f"<p>ข้อมูล ณ วันที่ 1 มีนาคม {year} ผู้รับผิดชอบ สำนักปลัด โทร 053-000000</p>" * 5
        )
        (root / "ita").mkdir(exist_ok=True)
        (root / "ita" / name).write_text(_page(item.title_th, text), "utf-8")
    (root / "ita" / "index.html").write_text(
        _page(f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {year}", "<ul>" + "".join(links) + "</ul>"),
        "utf-8",
    )
    (root / "index.html").write_text(
        _page(
            "องค์การบริหารส่วนตำบลจำลอง",
            "<p>ยินดีต้อนรับ</p><a href='/ita/'>ITA ปี 2567</a> <a href='/contact.html'>ติดต่อเรา</a>",
        ),
        "utf-8",
    )
    (root / "contact.html").write_text(
        _page("ติดต่อเรา", "<p>ที่อยู่ 99 หมู่ 1 ตำบลจำลอง โทร 053-000000</p>"), "utf-8"
    )
    return root


def _address(i: int) -> str:
    """127.0.0.2, 127.0.0.3, …, 127.0.1.0, … (all on the loopback interface)."""
    n = i + 2
    return f"127.0.{n // 250}.{n % 250 + 1}" if n >= 250 else f"127.0.0.{n}"


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


class _TreeRss:
    """Samples the summed RSS of a process and its children until stopped; keeps the peak."""

    def __init__(self, pid: int, every_s: float = 0.5) -> None:
        self.peak_kb = 0
        self._pid = pid
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            total = sum(_rss_kb(p) for p in _descendants(self._pid))
            self.peak_kb = max(self.peak_kb, total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--parallel", type=int, default=64)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--year", type=int, default=2567)
    parser.add_argument(
        "--processes", type=int, default=None, help="batch processes (default: the CLI's)"
    )
    args = parser.parse_args()

    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with tempfile.TemporaryDirectory(prefix="oit-bench-batch-") as tmp:
        site = build_site(Path(tmp) / "site", args.year)
        servers: list[FixtureServer] = []
        try:
            for i in range(args.sites):
                server = _IdleFriendlyServer(site, host=_address(i))
                server.latency_s = args.latency
                servers.append(server.start())
            agencies = Path(tmp) / "agencies.csv"
            with agencies.open("w", newline="", encoding="utf-8-sig") as f:
                writer = csv.writer(f)
                writer.writerow(["name", "url", "type", "province"])
                for i, srv in enumerate(servers):
                    writer.writerow([f"อบต.จำลอง {i}", srv.url, "อบต.", "เชียงใหม่"])
            out = Path(tmp) / "out"
            command = [
                sys.executable, "-m", "oit_checker", "batch", str(agencies), "-o", str(out),
                "--parallel", str(args.parallel), "--per-host", str(args.per_host),
                "--interval", str(args.interval), "--no-ocr", "--year", str(args.year), "-q",
            ]  # fmt: skip
            if args.processes is not None:
                command += ["--processes", str(args.processes)]
            started = time.monotonic()
            batch = subprocess.Popen(command, cwd=ROOT)
            with _TreeRss(batch.pid) as tree:
                batch.wait()
            wall = time.monotonic() - started
            peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            worst = max(s.max_in_flight_for(f"{s.host}:{s.port}") for s in servers)
            requests = sum(s.total_hits for s in servers)
            results = sum(1 for p in out.iterdir() if p.is_dir())
        finally:
            with ThreadPoolExecutor(64) as pool:  # each stop waits up to one poll interval
                list(pool.map(lambda s: s.stop(), servers))
    asked = usable_cores() if args.processes is None else args.processes
    processes = f"{min(asked, args.parallel, args.sites)}"
    processes += " (default: usable cores)" if args.processes is None else ""
    print(
        f"sites                 {args.sites}  (parallel {args.parallel}, processes {processes},"
        f" exit {batch.returncode})"
    )
    print(f"sites with reports    {results}")
    print(f"wall time             {wall:.1f} s  ({args.sites / wall * 60:.0f} sites/min)")
    print(f"requests              {requests}  ({requests / wall:.0f}/s)")
    print(f"batch peak RSS        {tree.peak_kb / 1024:.0f} MB all processes (sampled)")
    print(f"largest process RSS   {peak_kb / 1024:.0f} MB")
    print(f"max in flight / host  {worst}  (limit {args.per_host})")
    if worst > args.per_host:
        print("PER-HOST LIMIT EXCEEDED")
        sys.exit(1)


if __name__ == "__main__":
    main()
