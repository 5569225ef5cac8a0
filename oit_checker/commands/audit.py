"""``oit-checker audit SUBMISSION --site URL``: judge an agency's item → URL list (assessors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from oit_checker.audit import AuditOptions, HostGuard, read_submission, resolve_submission
from oit_checker.audit.run import run_audit
from oit_checker.commands.options import (
    CacheDir,
    CompareLast,
    ConfigFile,
    FailOn,
    Formats,
    HistoryFile,
    Interval,
    LogFile,
    MinScore,
    NoHistory,
    NoOcr,
    Output,
    PackFile,
    PerHost,
    Quiet,
    Snapshot,
    StrictTls,
    Timeout,
    Verbose,
    Year,
    site_url,
)
from oit_checker.commands.scan import (
    RunOptions,
    crawl_config,
    finish,
    merge_run_options,
    progress_display,
    read_config,
    resolve_pack,
)
from oit_checker.errors import UsageError
from oit_checker.extract import ExtractLimits
from oit_checker.logs import setup_logging


def audit_command(
    submission: Path = typer.Argument(
        ..., help="ไฟล์รายการข้อ → URL ที่หน่วยงานส่ง (CSV, YAML, JSON) / the item → URL list"
    ),
    site: str | None = typer.Option(
        None, "--site", help="เว็บไซต์หลักของหน่วยงาน / the agency's main website URL"
    ),
    year: Year = None,
    pack: PackFile = None,
    output: Output = None,
    formats: Formats = None,
    config_file: ConfigFile = None,
    allow_private: bool = typer.Option(
        False,
        "--allow-private",
        help="allow loopback, private and link-local addresses (refused by default)",
    ),
    site_pages: int = typer.Option(
        40, "--site-pages", min=1, help="main-site pages read to learn what it links (one level)"
    ),
    max_documents: int | None = typer.Option(
        None, "--max-documents", help="linked documents to fetch at most"
    ),
    max_time: float | None = typer.Option(None, "--max-time", help="seconds for the whole audit"),
    interval: Interval = None,
    concurrency: PerHost = None,
    timeout: Timeout = None,
    strict_tls: StrictTls = False,
    cache_dir: CacheDir = None,
    no_ocr: NoOcr = False,
    history: HistoryFile = None,
    no_history: NoHistory = False,
    compare_last: CompareLast = False,
    fail_on: FailOn = None,
    min_score: MinScore = None,
    snapshot: Snapshot = None,
    quiet: Quiet = False,
    verbose: Verbose = 0,
    log_file: LogFile = None,
) -> None:
    """ตรวจ URL ที่หน่วยงานส่งตามข้อ OIT / Audit the URLs an agency submitted per OIT item.

    Fetches only the submitted URLs and the documents they link (one level), plus the main
    site's start page and the pages it links, to know what the main site links to. Items with
    no URL fail ("no URL submitted"); a URL holding another item's evidence is said so.
    Loopback, private and link-local targets are refused unless --allow-private.

    Exit codes: 0 nothing to report, 1 findings (see --fail-on), 2 usage error, 3 could not
    assess (no submitted URL could be fetched).
    """
    setup_logging(verbose, log_file, quiet=quiet)
    config = read_config(config_file)
    raw = read_submission(submission)
    target = site or raw.site or config.site
    if not target:
        raise UsageError("give the agency's main website with --site https://…")
    target = site_url(target, "--site")
    config = merge_run_options(
        config,
        site=target,
        year=year if year is not None else raw.year,
        pack=pack,
        output=output,
        formats=formats,
        history=history,
        no_history=no_history,
        fail_on=fail_on,
        min_score=min_score,
        interval=interval,
        concurrency=concurrency,
        timeout=timeout,
        strict_tls=strict_tls,
        cache_dir=cache_dir,
        max_documents=max_documents,
    )
    chosen = resolve_pack(config)
    resolved = resolve_submission(raw, chosen, target)
    if not resolved.urls:
        raise UsageError(f"{submission}: the submission lists no URL")
    if not allow_private:
        HostGuard().check_all([target, *resolved.urls])
    overrides: dict[str, Any] = {}
    if max_time is not None:
        overrides["max_wall_s"] = max_time
    run = RunOptions(
        config=config,
        pack=chosen,
        crawl=crawl_config(config, target, **overrides),
        ocr=not no_ocr,
        quiet=quiet,
        compare_last=compare_last,
        snapshot=snapshot,
    )
    with progress_display(quiet) as progress:
        outcome = run_audit(
            chosen,
            resolved,
            AuditOptions(
                crawl=run.crawl,
                extract_limits=ExtractLimits(ocr=run.ocr),
                site_pages=site_pages,
                allow_private=allow_private,
                progress=progress,
            ),
        )
    assessed = outcome.reachable and outcome.report.summary.score is not None
    raise typer.Exit(finish(run, outcome, assessed=assessed))


__all__ = ["audit_command"]
