"""Command-line options shared by ``scan``, ``audit`` and ``batch``: one definition each, so
that a flag reads and behaves the same in every command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from oit_checker.crawl.urls import web_address
from oit_checker.errors import UsageError

Year = Annotated[
    int | None, typer.Option("--year", help="ปีการประเมิน พ.ศ. / assessment year (e.g. 2568)")
]
PackFile = Annotated[
    Path | None, typer.Option("--pack", help="ไฟล์ชุดเกณฑ์ของผู้ใช้ / your own rule pack file")
]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="โฟลเดอร์รายงาน / report folder")
]
Formats = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal, json, html, md, csv, junit (repeat or comma-separate)",
    ),
]
ConfigFile = Annotated[Path | None, typer.Option("--config", help="oit-checker.toml")]
MaxPages = Annotated[int | None, typer.Option("--max-pages", help="HTML pages to fetch at most")]
MaxDepth = Annotated[int | None, typer.Option("--max-depth", help="link depth from the start page")]
Interval = Annotated[
    float | None,
    typer.Option("--interval", help="seconds between requests to one host (default 0.5)"),
]
PerHost = Annotated[
    int | None, typer.Option("--per-host", help="requests in flight per host (default 2)")
]
Timeout = Annotated[float | None, typer.Option("--timeout", help="seconds per request")]
StrictTls = Annotated[bool, typer.Option("--strict-tls", help="stop on certificate errors")]
CacheDir = Annotated[Path | None, typer.Option("--cache-dir", help="HTTP cache folder")]
NoOcr = Annotated[bool, typer.Option("--no-ocr", help="do not OCR scanned documents")]
HistoryFile = Annotated[Path | None, typer.Option("--history", help="history database (SQLite)")]
NoHistory = Annotated[bool, typer.Option("--no-history", help="do not store this run")]
CompareLast = Annotated[bool, typer.Option("--compare-last", help="diff against the last run")]
FailOn = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-on", help="exit 1 on: fail (default), review, not_checked, regression, never"
    ),
]
MinScore = Annotated[float | None, typer.Option("--min-score", help="exit 1 below this score")]
Snapshot = Annotated[
    Path | None, typer.Option("--snapshot", help="keep fetched evidence files here")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="print nothing but errors")]
Verbose = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        help="รายละเอียดเมื่อเกิดข้อผิดพลาดและบันทึกการทำงาน / details of errors and more log output"
        " (-vv: debug)",
    ),
]
LogFile = Annotated[
    Path | None,
    typer.Option("--log-file", help="เขียนบันทึกการทำงานลงไฟล์นี้ / append the log to this file"),
]
VERBOSE_FLAGS = ("--verbose", "-v", "-vv", "-vvv")
"""Read by ``cli.main`` too: an unexpected error shows its traceback only when asked."""


def site_url(text: str, option: str = "URL") -> str:
    """The website a person typed (``www.example-sao.go.th`` means https://); a usage error in
    Thai and English for anything that is not an http(s) address."""
    try:
        return web_address(text)
    except ValueError as exc:
        raise UsageError(
            f"{option}: ไม่ใช่ที่อยู่เว็บไซต์ ให้ระบุเช่น https://www.example.go.th / {exc};"
            " give a website such as https://www.example.go.th"
        ) from None
