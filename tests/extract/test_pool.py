"""The worker pool that reads documents: off the event loop, a hard limit per read that kills
a stuck worker (and the tesseract it started), compact results, errors logged and counted.

Real processes, real tesseract, real files served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures import docgen
from oit_checker.extract import ExtractLimits, extract
from oit_checker.extract.ocr import ocr_available
from oit_checker.extract.pool import ReadPool, ReadTimeout, WorkerDied
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import Resource
from oit_checker.pipeline import crawl_and_read
from tests.support.servers import fast_config, page, write_site

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with Thai not installed")
SCANNED_LINES = [["รายงานผลการจัดซื้อจัดจ้าง ประจำเดือนมกราคม พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนตำบลทดสอบ"]] * 6


@pytest.fixture(scope="module")
def pool() -> Iterator[ReadPool]:
    pool = ReadPool(workers=2)
    try:
        yield pool
    finally:
        pool.close()


def spin(seconds: float) -> float:
    """Burn CPU in the worker (a reader stuck in a loop)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return seconds


def crash() -> None:
    os._exit(7)


def test_call_returns_and_kills_a_stuck_worker(pool: ReadPool) -> None:
    async def run() -> None:
        assert await pool.call(spin, 0.01, timeout=30) == 0.01
        before = pool.killed
        with pytest.raises(ReadTimeout):
            await pool.call(spin, 600.0, timeout=0.5)
        assert pool.killed == before + 1
        with pytest.raises(WorkerDied):
            await pool.call(crash, timeout=30)
        assert await pool.call(spin, 0.01, timeout=30) == 0.01  # replaced, still serving

    asyncio.run(run())


def _ocr_processes(marker: str) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            cmdline = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline and (b"tesseract" in cmdline or b"pdftoppm" in cmdline):
            found.append(int(entry.name))
    return found


@needs_ocr
def test_killed_ocr_read_is_extract_timeout_and_leaves_no_tesseract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))  # the new pool's workers put OCR files here
    path = docgen.make_scanned_pdf(tmp_path / "scan.pdf", SCANNED_LINES)
    resource = Resource(
        url="http://127.0.0.1/scan.pdf", status=200, body_path=str(path), sha256="x" * 64
    )
    limits = ExtractLimits(max_read_seconds=1.0)
    own = ReadPool(workers=1)
    try:
        doc = asyncio.run(own.read_document(resource, limits))
        assert own.killed == 1
    finally:
        own.close()
    assert doc.review_reason == "extract_timeout" and "extract_timeout" in doc.warnings
    assert doc.kind.value == "pdf" and doc.text == ""
    deadline = time.monotonic() + 10
    while _ocr_processes(str(scratch)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _ocr_processes(str(scratch)) == []  # tesseract died with its worker


def test_missing_body_is_reported_not_dropped(pool: ReadPool, tmp_path: Path) -> None:
    resource = Resource(
        url="http://127.0.0.1/gone.pdf",
        status=200,
        content_type="application/pdf",
        body_path=str(tmp_path / "nothing-here"),
    )
    doc = asyncio.run(pool.read_document(resource, ExtractLimits(ocr=False)))
    assert doc.review_reason == "body_unavailable" and doc.kind.value == "pdf"


@needs_ocr
def test_crawl_keeps_fetching_while_a_scan_is_read(tmp_path: Path, pool: ReadPool) -> None:
    """The event loop never pauses for a document: the longest gap between ticks of a timer
    running beside the crawl stays well under the time the same read takes."""
    scan = docgen.make_scanned_pdf(tmp_path / "scan.pdf", SCANNED_LINES[:3])
    limits = ExtractLimits(max_ocr_pages=3)
    started = time.monotonic()
    inline = extract(Resource(url="http://127.0.0.1/s.pdf", status=200), scan.read_bytes())
    read_s = time.monotonic() - started
    assert inline.ocr_used
    pages = {f"p{i}.html": page(f"หน้า {i}", body="<p>ข่าวประชาสัมพันธ์</p>") for i in range(30)}
    links = [("/scan.pdf", "รายงานสแกน")] + [(f"/p{i}.html", f"หน้า {i}") for i in range(30)]
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", *links), "scan.pdf": scan.read_bytes(), **pages},
    )

    async def run(url: str) -> tuple[float, int]:
        gaps: list[float] = []
        stop = asyncio.Event()

        async def ticker() -> None:
            last = time.monotonic()
            while not stop.is_set():
                await asyncio.sleep(0.01)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        tick = asyncio.create_task(ticker())
        harvest = await crawl_and_read(
            fast_config(url, tmp_path / "cache", per_host_concurrency=1, global_concurrency=1),
            limits,
            pool=pool,
        )
        stop.set()
        await tick
        doc = harvest.documents.get(url + "scan.pdf")
        assert doc is not None and doc.ocr_used
        return max(gaps), harvest.result.stats.pages_fetched

    with FixtureServer(root) as srv:
        srv.latency_s = 0.02
        longest, pages_fetched = asyncio.run(run(srv.url))
    assert pages_fetched == 31
    assert longest < read_s / 2, (longest, read_s)


def test_reader_exception_is_logged_counted_and_a_site_finding(
    tmp_path: Path, pool: ReadPool, caplog: pytest.LogCaptureFixture
) -> None:
    """A DOCX whose zip holds no document part makes python-docx raise: the traceback reaches
    the log from the worker, the crawl statistics count it and the site findings show it."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/readme.txt", "ไม่มีเนื้อหา")
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/plan.docx", "แผน")), "plan.docx": buf.getvalue()},
    )
    caplog.set_level(logging.WARNING, logger="oit_checker")
    with FixtureServer(root) as srv:
        harvest = asyncio.run(
            crawl_and_read(
                fast_config(srv.url, tmp_path / "c"), ExtractLimits(ocr=False), pool=pool
            )
        )
    doc = harvest.documents[srv.url + "plan.docx"]
    assert doc.review_reason == "unreadable_file" and "extractor_error" in doc.warnings
    assert harvest.result.stats.read_problems == {"extractor_error": 1}
    finding = next(f for f in harvest.result.site_findings if f.code == "extractor_errors")
    assert finding.params["count"] == 1 and "1" in finding.message_th
    traced = [r for r in caplog.records if r.exc_text and "Traceback" in r.exc_text]
    assert traced and "plan.docx" in traced[0].getMessage()
