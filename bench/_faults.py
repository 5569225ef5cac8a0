"""The faults of ``bench/fault_corpus.py``: what each serves on 127.0.0.1 and how it is run.

Files and pages are written in the shapes real sites and real attacks take; the hostile files
come from ``tests/support/bombs.py`` (the same builders the tests use).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from oit_checker.fixture_server import Fault, FixtureServer, Handler, Request, calendar_trap
from tests.support.bombs import lying_docx, nested_html, sparse_xlsx
from tests.support.servers import write_site

if TYPE_CHECKING:
    from bench.fault_corpus import Run

ROOT = Path(__file__).resolve().parent.parent
DEMO_PDF = next((ROOT / "fixtures" / "sites" / "demo").rglob("*.pdf"))
ANCHOR = "แผนการดำเนินงานประจำปี"
"""The anchor text of the faulty link: the annual operational plan item."""


def _page(title: str, links: list[tuple[str, str]], body: str = "") -> str:
    anchors = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return (
        f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header>องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ</header>"
        f"<main><h1>{title}</h1>{body}<ul>{anchors}</ul></main>"
        "<footer>โทรศัพท์ 043-000-000 อีเมล saraban@example-sao.go.th</footer></body></html>"
    )


@dataclass(frozen=True)
class Later:
    """A file or a route built only when its case runs (bombs take seconds to build)."""

    make: Callable[[], str | bytes | Fault]


@dataclass
class FaultCase:
    name: str
    path: str = "/fault"
    """The faulty resource, linked from the start page with ``anchor``."""
    anchor: str = ANCHOR
    files: dict[str, str | bytes | Later] = field(default_factory=dict)
    routes: dict[str, Fault | Handler | Later] = field(default_factory=dict)
    mode: str = "scan"
    exits: frozenset[int] = frozenset({0, 1})
    fail_ok: bool = False
    """A fail is the right verdict (a dead link is the site's own fault)."""
    start: str = "/"
    extra: tuple[str, ...] = ()
    check: Callable[[Run], str | None] | None = None
    describe: Callable[[Run], str] | None = None

    def build(self, site: Path) -> None:
        files: dict[str, str | bytes | Later] = {
            "index.html": _page(
                "หน้าหลัก องค์การบริหารส่วนตำบลทดสอบ",
                [(self.path, self.anchor), ("/ita/index.html", "ITA")],
            ),
            "ita/index.html": _page("การเปิดเผยข้อมูลสาธารณะ (OIT)", [("/ita/o01.pdf", "โครงสร้าง")]),
            "ita/o01.pdf": DEMO_PDF.read_bytes(),
            **self.files,
        }
        made = {rel: v.make() if isinstance(v, Later) else v for rel, v in files.items()}
        write_site(site, {rel: v for rel, v in made.items() if not isinstance(v, Fault)})

    def serve(self, server: FixtureServer) -> None:
        for path, value in self.routes.items():
            fault = value.make() if isinstance(value, Later) else value
            assert not isinstance(fault, str | bytes)
            server.route(path, fault)

    def target(self, base: str) -> str:
        return base.rstrip("/") + self.path if self.path else ""

    def command(self, server: FixtureServer, work: Path, out: Path, max_time: float) -> list[str]:
        common = [
            "--year",
            "2567",
            "--interval",
            "0",
            "--per-host",
            "4",
            "--no-ocr",
            "--timeout",
            "5",
            "--cache-dir",
            str(work / "cache"),
            "--no-history",
            "--output",
            str(out),
            "--format",
            "json,html,csv",
            "--max-time",
            f"{max_time:g}",
        ]
        url = server.url.rstrip("/") + self.start
        if self.mode == "audit":
            sub = work / "submission.csv"
            sub.write_text(f"item,url\no07,{server.url.rstrip('/')}{self.path}\n", "utf-8")
            return ["audit", str(sub), "--site", url, "--allow-private", *common]
        if self.mode == "batch":
            listing = work / "agencies.csv"
            listing.write_text(
                f'name,url\nอบต.ทดสอบ,{url}\n\nอบต.ทดสอบ ซ้ำ,{url}\n=HYPERLINK("x"),{url}ita/\n',
                "utf-8",
            )
            return [
                "batch",
                str(listing),
                "-o",
                str(out),
                "--year",
                "2567",
                "--interval",
                "0",
                "--no-ocr",
                "--max-time",
                f"{max_time:g}",
                "--format",
                "json",
            ]
        return ["scan", url, *common, *self.extra]


def _gzip_bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        block = b" " * 2**20
        for _ in range(size // len(block)):
            gz.write(block)
    return buf.getvalue()


def _deflate_bomb(size: int) -> bytes:
    comp = zlib.compressobj(9)
    block = b" " * 2**20
    return b"".join(comp.compress(block) for _ in range(size // len(block))) + comp.flush()


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _pdf_many_pages(count: int) -> bytes:
    kids = b" ".join(b"3 0 R" for _ in range(count))
    stream = b"BT /F1 12 Tf 72 720 Td (Annual plan) Tj ET"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _pdf_page_loop() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    )


def _png_bomb(side: int) -> bytes:
    """A 1-bit PNG of ``side`` × ``side`` white pixels: a few hundred KB, ``side``² pixels."""
    import struct

    raw = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    data = b"".join(raw.compress(row) for _ in range(side)) + raw.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _sitemap(count: int, base: str = "/p/") -> bytes:
    head = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    body = b"".join(
        b"<url><loc>http://127.0.0.1%s%d.html</loc></url>" % (base.encode(), i)
        for i in range(count)
    )
    return head + body + b"</urlset>"


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc>'
    b"</url></urlset>"
)
_XXE = (
    b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://127.0.0.1/&x;'
    b"</loc></url></urlset>"
)


def _laughs_xlsx() -> bytes:
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(sparse_xlsx({"A1": "แผน"}, dimension="A1")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = _LAUGHS.replace(b"urlset", b"worksheet")
            zf.writestr(info.filename, data)
    return out.getvalue()


def _many_members(count: int) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        for i in range(count):
            zf.writestr(f"word/media/{i}.xml", "")
    return out.getvalue()


def _probe_redirect(target: str) -> Handler:
    def handle(req: Request) -> Fault | None:
        if req.path.startswith("/oit-checker-probe-"):
            return Fault(status=302, redirect_to=target)
        return None

    return handle


def _all_but_start(fault: Fault) -> Handler:
    def handle(req: Request) -> Fault | None:
        return None if req.path in ("/", "/index.html") else fault

    return handle


def _million_links() -> str:
    links = "".join(f"<a href='/l/{i}'>{i}</a>" for i in range(1_000_000))
    return f"<!doctype html><html><head><title>ลิงก์</title></head><body>{links}</body></html>"


def _report_html(run: Run) -> str:
    path = run.out / "oit-report.html"
    return path.read_text("utf-8") if path.is_file() else ""


def _escaped(run: Run) -> str | None:
    html = _report_html(run)
    return "unescaped script in the HTML report" if "<script>alert" in html else None


def _csv_guarded(run: Run) -> str | None:
    path = run.out / "oit-report.csv"
    text = path.read_text("utf-8-sig") if path.is_file() else ""
    return "formula in the item CSV" if "\n=" in text or ",=" in text else None


def _batch_summary(run: Run) -> str:
    path = run.out / "batch-summary.csv"
    lines = path.read_text("utf-8-sig").splitlines() if path.is_file() else []
    return f"{max(0, len(lines) - 1)} rows; duplicates reported"


def _batch_check(run: Run) -> str | None:
    if "line 4 repeats line 2" not in run.stderr:
        return "duplicate row not reported"
    path = run.out / "batch-summary.csv"
    text = path.read_text("utf-8-sig") if path.is_file() else ""
    if ",=HYPERLINK" in text or "\n=" in text:
        return "formula in the summary CSV"
    return None


def _exit_3_message(run: Run) -> str | None:
    return None if "could not assess" in run.stderr else "no could-not-assess line"


_HTML = "text/html; charset=utf-8"
_NON_WEB = ("javascript:alert(1)", "mailto:saraban@example-sao.go.th", "data:text/html,x",
            "tel:043000000", "about:blank")  # fmt: skip


def _cases() -> list[FaultCase]:
    cases = [
        # ---------------------------------------------------------------- network and HTTP
        FaultCase("slow headers (10 s)", routes={"/fault": Fault(latency_s=10, body="x")}),
        FaultCase(
            "drip body (100 B/s)",
            routes={
                "/fault": Fault(
                    status=200, body=_page("แผน", []) * 40, body_rate=100, content_type=_HTML
                )
            },
        ),
        FaultCase("silent server (no answer)", routes={"/fault": Fault(drop=True)}),
        FaultCase(
            "reset mid-body",
            routes={
                "/fault": Fault(
                    status=200, body=_page("แผน", []) * 50, reset_after=300, content_type=_HTML
                )
            },
        ),
        FaultCase(
            "body cut short (Content-Length)",
            routes={
                "/fault": Fault(
                    status=200,
                    body=_page("แผน", [])[:200],
                    declared_length=10_000,
                    content_type=_HTML,
                )
            },
        ),
        FaultCase(
            "HTTP 500 on all but the start page",
            path="",
            routes={"*": _all_but_start(Fault(status=500))},
            exits=frozenset({1, 3}),
        ),
        FaultCase(
            "503 Retry-After one hour", routes={"/fault": Fault(status=503, retry_after=3600)}
        ),
        FaultCase("429 on every try", routes={"/fault": Fault(status=429, retry_after=1)}),
        FaultCase(
            "redirect loop",
            routes={
                "/fault": Fault(status=302, redirect_to="/fault2"),
                "/fault2": Fault(status=302, redirect_to="/fault"),
            },
        ),
        FaultCase(
            "redirect chain of 30",
            routes={
                "/fault": Fault(status=301, redirect_to="/r1"),
                **{f"/r{i}": Fault(status=301, redirect_to=f"/r{i + 1}") for i in range(1, 31)},
            },
        ),
        *[
            FaultCase(
                f"redirect to {loc.split(':')[0]}:",
                routes={"/fault": Fault(status=302, redirect_to=loc)},
            )
            for loc in _NON_WEB
        ],
        FaultCase(
            "redirect to a broken URL",
            routes={"/fault": Fault(status=302, redirect_to="http://[::1")},
        ),
        FaultCase(
            "start page redirects to javascript:",
            path="",
            routes={"/": Fault(status=302, redirect_to="javascript:void(0)")},
            exits=frozenset({3}),
            check=_exit_3_message,
        ),
        FaultCase(
            "start page 404",
            path="",
            routes={"/": Fault(status=404, body="not found")},
            exits=frozenset({3}),
            check=_exit_3_message,
        ),
        FaultCase(
            "WAF 403 on everything",
            path="",
            routes={"*": Fault(status=403, body="Access denied")},
            exits=frozenset({3}),
            check=_exit_3_message,
        ),
        FaultCase(
            "dead link (404)", routes={"/fault": Fault(status=404, body="not found")}, fail_ok=True
        ),
        FaultCase("soft 404 site", files={"_server.json": '{"soft_404": true}'}, fail_ok=True),
        FaultCase(
            "calendar trap",
            fail_ok=True,  # read in full: the page itself lacks the evidence
            path="/calendar",
            routes={"/calendar": calendar_trap},
        ),
        FaultCase(
            "HTML served as PDF",
            routes={
                "/fault": Fault(status=200, body=_page("แผน", []), content_type="application/pdf")
            },
        ),
        FaultCase(
            "wrong charset (cp874 as utf-8)",
            fail_ok=True,  # read in full: the page itself lacks the evidence
            routes={
                "/fault": Fault(
                    status=200,
                    body=_page("แผนการดำเนินงาน", []).encode("cp874", errors="replace"),
                    content_type=_HTML,
                )
            },
        ),
        # ---------------------------------------------------------------- bombs in responses
        FaultCase(
            "gzip bomb response (1 GB)",
            routes={
                "/fault": Fault(
                    status=200,
                    body=_gzip_bomb(2**30),
                    content_type=_HTML,
                    headers={"Content-Encoding": "gzip"},
                )
            },
        ),
        FaultCase(
            "deflate bomb response (1 GB)",
            routes={
                "/fault": Fault(
                    status=200,
                    body=_deflate_bomb(2**30),
                    content_type=_HTML,
                    headers={"Content-Encoding": "deflate"},
                )
            },
        ),
        FaultCase(
            "50 MB one-line HTML", routes={"/fault": Fault(size=50 * 2**20, content_type=_HTML)}
        ),
        FaultCase(
            "a million links",
            files={"fault": Later(_million_links)},
            routes={"/fault": Fault(content_type=_HTML)},
        ),
        FaultCase(
            "400,000 nested <div>",
            fail_ok=True,  # read in full: the page itself lacks the evidence
            files={"fault": Later(lambda: nested_html(400_000))},
            routes={"/fault": Fault(content_type=_HTML)},
        ),
        FaultCase(
            "huge robots.txt (20 MB)",
            path="",
            routes={"/robots.txt": Fault(size=20 * 2**20, content_type="text/plain")},
        ),
        FaultCase(
            "binary robots.txt",
            path="",
            routes={
                "/robots.txt": Later(
                    lambda: Fault(status=200, body=_gzip_bomb(2**24), content_type="text/plain")
                )
            },
        ),
        FaultCase(
            "robots.txt redirect loop",
            path="",
            routes={
                "/robots.txt": Fault(status=302, redirect_to="/robots2.txt"),
                "/robots2.txt": Fault(status=302, redirect_to="/robots.txt"),
            },
        ),
        FaultCase(
            "huge sitemap (300,000 URLs)",
            path="",
            routes={
                "/sitemap.xml": Fault(
                    status=200, body=_sitemap(300_000), content_type="application/xml"
                )
            },
        ),
        FaultCase(
            "gzip sitemap bomb (1 GB)",
            path="",
            routes={
                "/sitemap.xml": Fault(
                    status=200, body=_gzip_bomb(2**30), content_type="application/x-gzip"
                )
            },
        ),
        FaultCase(
            "sitemap billion laughs",
            path="",
            routes={
                "/sitemap.xml": Fault(status=200, body=_LAUGHS, content_type="application/xml")
            },
        ),
        FaultCase(
            "sitemap external entity",
            path="",
            routes={"/sitemap.xml": Fault(status=200, body=_XXE, content_type="application/xml")},
        ),
        FaultCase(
            "sitemap index loop",
            path="",
            routes={
                "/sitemap.xml": Fault(
                    status=200,
                    body=b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap.xml</loc></sitemap></sitemapindex>',
                    content_type="application/xml",
                )
            },
        ),
        FaultCase(
            "soft-404 probe redirects to mailto:",
            path="",
            routes={"*": _probe_redirect("mailto:x@example.go.th")},
        ),
        # ---------------------------------------------------------------- hostile documents
        FaultCase(
            "sparse XLSX (XFD1048576)",
            fail_ok=True,  # read in full: its two cells are all it says
            path="/fault.xlsx",
            files={
                "fault.xlsx": sparse_xlsx({"A1": "แผนการดำเนินงานประจำปี 2567", "XFD1048576": "x"})
            },
        ),
        FaultCase("XLSX billion laughs", path="/fault.xlsx", files={"fault.xlsx": _laughs_xlsx()}),
        FaultCase(
            "DOCX member inflating to 1 GB",
            path="/fault.docx",
            files={"fault.docx": Later(lambda: lying_docx(2**30))},
        ),
        FaultCase(
            "DOCX honest zip bomb (300 MB)",
            path="/fault.docx",
            files={"fault.docx": Later(lambda: lying_docx(300 * 2**20, declared=300 * 2**20))},
        ),
        FaultCase(
            "DOCX with 20,000 members",
            path="/fault.docx",
            files={"fault.docx": Later(lambda: _many_members(20_000))},
        ),
        FaultCase(
            "PDF claiming 100,000 pages",
            path="/fault.pdf",
            files={"fault.pdf": Later(lambda: _pdf_many_pages(100_000))},
        ),
        FaultCase("PDF page tree loop", path="/fault.pdf", files={"fault.pdf": _pdf_page_loop()}),
        FaultCase(
            "truncated PDF",
            path="/fault.pdf",
            files={"fault.pdf": DEMO_PDF.read_bytes()[: DEMO_PDF.stat().st_size // 2]},
        ),
        FaultCase("empty PDF (0 bytes)", path="/fault.pdf", files={"fault.pdf": b""}),
        FaultCase(
            "PNG bomb (40,000² pixels)",
            path="/fault.png",
            files={"fault.png": Later(lambda: _png_bomb(40_000))},
        ),
        # ---------------------------------------------------------------- content attacks
        FaultCase(
            "script in the page title",
            files={"fault": _page("<script>alert(1)</script>แผน", [])},
            routes={"/fault": Fault(content_type=_HTML)},
            check=_escaped,
        ),
        FaultCase(
            "formula in the page title",
            files={"fault": _page('=HYPERLINK("http://x")', [])},
            routes={"/fault": Fault(content_type=_HTML)},
            check=_csv_guarded,
        ),
        # ---------------------------------------------------------------- audit and batch
        FaultCase(
            "audit: submitted URL answers 404", path="/ita/o07.html", mode="audit", fail_ok=True
        ),
        FaultCase(
            "batch: duplicate rows, formula name",
            path="",
            mode="batch",
            exits=frozenset({0}),
            check=_batch_check,
            describe=_batch_summary,
        ),
    ]
    return cases


CASES = _cases()

__all__ = ["CASES", "FaultCase"]
