"""Shared helpers of the crawl benchmarks: generated sites and a fast static server (nginx).

The FixtureServer is threaded Python and tops out near the crawler's own speed, so throughput
figures use nginx (Debian ``nginx-light``) serving the generated tree from a separate process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "fixtures" / "sites" / "demo"
_FILLER = (
    "องค์การบริหารส่วนตำบลตัวอย่าง ได้ดำเนินโครงการตามแผนพัฒนาท้องถิ่น เพื่อประโยชน์สุขของประชาชน "
    "ผลการดำเนินงาน งบประมาณ เบิกจ่าย ความก้าวหน้า ปัญหาอุปสรรค ข้อเสนอแนะ "
)
_MENU = [
    ("/p/0.html", "หน้าแรก"),
    ("/p/1.html", "ข้อมูลพื้นฐาน"),
    ("/p/2.html", "โครงสร้างหน่วยงาน"),
    ("/p/3.html", "ผู้บริหาร"),
    ("/p/4.html", "ข่าวประชาสัมพันธ์"),
    ("/p/5.html", "จัดซื้อจัดจ้าง"),
    ("/p/6.html", "ติดต่อเรา"),
    ("/p/7.html", "ITA"),
]


def build_site(root: Path, pages: int, documents: int, links: int = 12, filler: int = 12) -> None:
    """``pages`` HTML pages under /p/ and ``documents`` PDFs under /d/ (copies of the demo site's
    PDFs); every page has a menu, ``links`` links to other pages, and links to a few documents.
    Every page and document is reachable from / through /p/0.html."""
    (root / "p").mkdir(parents=True, exist_ok=True)
    (root / "d").mkdir(parents=True, exist_ok=True)
    pdfs = sorted(DEMO_SITE.rglob("*.pdf"))
    for j in range(documents):
        shutil.copyfile(pdfs[j % len(pdfs)], root / "d" / f"{j}.pdf")
    menu = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in _MENU)
    body_text = _FILLER * filler
    for i in range(pages):
        targets = [(i + 1) % pages] + [(i * 7 + k * 13 + 1) % pages for k in range(links - 1)]
        anchors = "".join(f'<li><a href="/p/{t}.html">ข่าว {t} รายงาน</a></li>' for t in targets)
        docs = range(i, documents, pages)
        doc_links = "".join(f'<a href="/d/{j}.pdf">เอกสาร {j}</a> ' for j in docs)
        html = (
            f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>หน้า {i}</title>"
            f"</head><body><nav><ul>{menu}</ul></nav><h1>ข่าวประชาสัมพันธ์ {i}</h1>"
            f"<p>{body_text}</p><p>{doc_links}</p><ul>{anchors}</ul></body></html>"
        )
        (root / "p" / f"{i}.html").write_text(html, "utf-8")
    (root / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>อบต.ตัวอย่าง</title>"
        "<a href='/p/0.html'>หน้าแรก</a>",
        "utf-8",
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def nginx(site: Path, workers: int = 1) -> Iterator[str]:
    """Serve ``site`` with nginx on 127.0.0.1; yields the base URL."""
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(exe).exists():
        raise SystemExit("nginx not found: apt-get install -y nginx-light")
    prefix = site.parent / "nginx"
    prefix.mkdir(exist_ok=True)
    port = free_port()
    user = "user root root;" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""{user}
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  types {{ text/html html; application/pdf pdf; text/plain txt; }}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    index index.html;
  }}
}}
""",
        "utf-8",
    )
    args = [exe, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
    proc = subprocess.Popen(
        [*args, "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                httpx.get(base, timeout=1.0)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def wrk_ceiling(url: str, connections: int, seconds: int = 3) -> str:
    """Requests/s the server sustains for one page (``wrk``), or why it could not be measured."""
    exe = shutil.which("wrk")
    if exe is None:
        return "wrk not installed (apt-get install -y wrk)"
    out = subprocess.run(
        [exe, "-t1", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    for line in out.splitlines():
        if line.startswith("Requests/sec"):
            return line.split(":", 1)[1].strip()
    return out.strip() or "no figure"
