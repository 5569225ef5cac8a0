"""The package logs: ``--log-file`` gets the traceback of a reader that failed (from the worker
process that read the file), ``-v`` shows what the scan does; the report shows the failure as a
site finding. A real ``oit-checker scan`` of a site on 127.0.0.1."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from oit_checker.fixture_server import FixtureServer
from tests.cli.test_scan_command import run, scan_args
from tests.support.servers import page, write_site


def _docx_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/readme.txt", "ไฟล์ที่ไม่มีเนื้อหา")
    return buf.getvalue()


def test_reader_failure_reaches_the_log_file_and_the_report(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("องค์การบริหารส่วนตำบลทดสอบ", ("/plan.docx", "แผนการดำเนินงาน")),
            "plan.docx": _docx_without_document(),
        },
    )
    log = tmp_path / "logs" / "scan.log"
    with FixtureServer(root) as srv:
        done = run(
            *scan_args(srv.url, tmp_path, "--no-ocr", "-f", "json", "-v", "--log-file", str(log)),
            cwd=tmp_path,
        )
    assert done.returncode in (0, 1), done.stderr
    text = log.read_text("utf-8")
    assert "Traceback (most recent call last)" in text and "plan.docx" in text
    assert " INFO " in text  # -v: what the scan does, not only what went wrong
    assert "ERROR" in done.stderr  # the console shows errors too
    report = json.loads(next((tmp_path / "out").rglob("*.json")).read_text("utf-8"))
    codes = [f["code"] for f in report["site_findings"]]
    assert "extractor_errors" in codes
    assert report["crawl"]["read_problems"] == {"extractor_error": 1}


def test_without_flags_nothing_is_logged_to_a_file(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก")})
    with FixtureServer(root) as srv:
        done = run(*scan_args(srv.url, tmp_path, "--no-ocr", "-f", "json", "-q"), cwd=tmp_path)
    assert done.returncode in (0, 1, 3), done.stderr
    assert "Traceback" not in done.stderr
