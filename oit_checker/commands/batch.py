"""``oit-checker batch AGENCIES.csv`` and ``oit-checker worker``: many agencies, resumable,
on one machine or on Celery workers."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from oit_checker.batch import (
    STATE_FILE,
    Agency,
    BatchProgress,
    BatchState,
    SiteSettings,
    make_progress,
    read_agencies,
    write_summary,
)
from oit_checker.batch.partition import usable_cores
from oit_checker.batch.processes import run_batch
from oit_checker.batch.site import DEFAULT_FORMATS, pack_for
from oit_checker.commands.options import LogFile, NoOcr, Quiet, Verbose
from oit_checker.commands.scan import split_values
from oit_checker.errors import UsageError
from oit_checker.logs import setup_logging
from oit_checker.report import check_formats

EXIT_OK = 0
EXIT_INCOMPLETE = 1
"""Some agencies are still without a result (interrupted, a batch process died, or
``--celery-timeout`` ran out)."""
_SHOW_LEFT = 20


def batch_command(
    agencies_csv: Path = typer.Argument(
        ..., help="CSV: name,url[,type,province,pack] หนึ่งแถวต่อหน่วยงาน / one row per agency"
    ),
    output: Path = typer.Option(
        Path("batch-report"), "--output", "-o", help="โฟลเดอร์ผลลัพธ์ / output folder"
    ),
    year: int | None = typer.Option(None, "--year", help="ปีการประเมินสำหรับแถวที่ไม่ระบุ"),
    pack: Path | None = typer.Option(None, "--pack", help="ไฟล์ชุดเกณฑ์ของผู้ใช้ / own pack file"),
    formats: list[str] | None = typer.Option(
        None, "--format", "-f", help="report files per agency: json, html, md, csv, junit"
    ),
    parallel: int = typer.Option(
        8, "--parallel", "-j", help="agencies scanned at once (in all processes together)"
    ),
    processes: int | None = typer.Option(
        None,
        "--processes",
        "-P",
        help="processes scanning at once (default: CPU cores; 1: all in this process)",
    ),
    max_time: float = typer.Option(
        900.0, "--max-time", help="seconds per agency (time budget; the crawl gets 80 %)"
    ),
    max_pages: int | None = typer.Option(None, "--max-pages", help="HTML pages per agency"),
    max_documents: int | None = typer.Option(None, "--max-documents", help="documents per agency"),
    max_depth: int | None = typer.Option(None, "--max-depth", help="link depth"),
    interval: float = typer.Option(0.5, "--interval", help="seconds between requests to a host"),
    per_host: int = typer.Option(2, "--per-host", help="requests in flight per host"),
    timeout: float = typer.Option(30.0, "--timeout", help="seconds per request"),
    no_ocr: NoOcr = False,
    cache_dir: Path | None = typer.Option(
        None, "--cache-dir", help="keep HTTP caches here (default: temporary, deleted)"
    ),
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="scan again the agencies whose scan failed"
    ),
    celery: str | None = typer.Option(
        None, "--celery", help="Redis broker URL: run the agencies as Celery jobs"
    ),
    celery_backend: str | None = typer.Option(
        None, "--celery-backend", help="result backend URL (default: the broker)"
    ),
    celery_timeout: float | None = typer.Option(
        None, "--celery-timeout", help="stop collecting after this many seconds"
    ),
    quiet: Quiet = False,
    verbose: Verbose = 0,
    log_file: LogFile = None,
) -> None:
    """ตรวจหลายหน่วยงานจากไฟล์ CSV / Check many agencies listed in a CSV file.

    Reports per agency: OUTPUT/<row>-<host>-<hash>/. Summary: OUTPUT/batch-summary.csv, .html.

    Agencies are spread over --processes processes (default: one per CPU core); agencies on
    one host always go to the same process and run one after the other.

    State: OUTPUT/batch.sqlite3. Run the same command again to continue after a stop.

    Exit codes: 0 every agency has a result, 1 some are left, 2 usage error.
    """
    setup_logging(verbose, log_file, quiet=quiet)
    agencies = read_agencies(agencies_csv)
    chosen = check_formats(split_values(formats) or list(DEFAULT_FORMATS))
    default_pack = str(pack) if pack else (str(year) if year else "")
    pack_for(default_pack)  # a bad --year/--pack is a usage error now, not 7,800 row errors
    if parallel < 1 or max_time <= 0 or per_host < 1 or (processes is not None and processes < 1):
        raise UsageError(
            "--parallel, --processes and --per-host must be at least 1, --max-time above 0"
        )
    if celery and processes is not None:
        raise UsageError("--processes is for a batch on this machine; with --celery add workers")
    settings = SiteSettings(
        formats=tuple(f for f in chosen if f != "terminal"),
        default_pack=default_pack,
        budget_s=max_time,
        max_pages=max_pages,
        max_documents=max_documents,
        max_depth=max_depth,
        min_interval_s=interval,
        per_host_concurrency=per_host,
        timeout_s=timeout,
        ocr=not no_ocr,
        cache_dir=str(cache_dir) if cache_dir else None,
    )
    output.mkdir(parents=True, exist_ok=True)
    state = BatchState(output / STATE_FILE)
    console = Console(stderr=True)
    for line in agencies.duplicates:
        console.print(line, markup=False, highlight=False)
    complete = False
    problems: list[str] = []
    try:
        state.sync(agencies)
        if retry_failed:
            state.retry_errors()
        ids = {a.site_id for a in agencies}
        already = len(state.finished_ids() & ids)
        if not quiet and already:
            console.print(f"ทำต่อจากครั้งก่อน / resuming: {already} of {len(agencies)} done")
        with make_progress(len(agencies), already, quiet) as progress:
            try:
                if celery:
                    complete = _run_celery(
                        agencies,
                        state,
                        settings,
                        output,
                        celery,
                        celery_backend,
                        celery_timeout,
                        progress,
                    )
                else:
                    count = processes or usable_cores()
                    problems = run_batch(
                        agencies, state, settings, output, parallel, count, progress
                    )
                    complete = True  # a crashed process leaves agencies without a result
            except KeyboardInterrupt:
                console.print("หยุดแล้ว รันคำสั่งเดิมอีกครั้งเพื่อทำต่อ / stopped; run again to resume")
        files = write_summary(state.rows(agencies), output, title=agencies_csv.name)
        finished = state.finished_ids()
        missing = [a.site_id for a in agencies if a.site_id not in finished]
        left = len(missing)
        if problems:
            _report_problems(console, problems, missing)
    finally:
        state.close()
    if not quiet:
        for path in files:
            Console().print(f"เขียนสรุป / wrote {path}")
    raise typer.Exit(EXIT_OK if complete and left == 0 else EXIT_INCOMPLETE)


def _report_problems(console: Console, problems: list[str], missing: list[str]) -> None:
    """A batch process died: say so (even with --quiet) and which agencies are left."""
    for line in problems:
        console.print(line, style="red", markup=False, highlight=False, soft_wrap=True)
    if not missing:
        return
    shown = ", ".join(missing[:_SHOW_LEFT]) + (" …" if len(missing) > _SHOW_LEFT else "")
    console.print(
        f"ยังไม่มีผล {len(missing)} หน่วยงาน / {len(missing)} agencies without a result: {shown}"
        "\nรันคำสั่งเดิมอีกครั้งเพื่อทำต่อ / run the same command again to finish them",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _run_celery(
    agencies: list[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    broker: str,
    backend: str | None,
    timeout_s: float | None,
    progress: BatchProgress,
) -> bool:
    try:
        from oit_checker.batch.distributed import run_celery
    except ImportError as exc:
        raise UsageError(
            f"--celery needs the scale-out extra: pip install 'oit-checker[scale]' ({exc})"
        ) from exc
    from kombu.exceptions import OperationalError
    from redis.exceptions import RedisError

    try:
        return run_celery(
            agencies,
            state,
            settings,
            output,
            broker,
            progress,
            backend=backend,
            timeout_s=timeout_s,
        )
    except (OperationalError, RedisError, ValueError) as exc:
        raise UsageError(f"cannot use the Celery broker {broker}: {exc}") from exc


def worker_command(
    broker: str = typer.Option(..., "--broker", help="Redis broker URL, e.g. redis://host:6379/0"),
    backend: str | None = typer.Option(None, "--backend", help="result backend (default: broker)"),
    concurrency: int = typer.Option(2, "--concurrency", "-c", help="jobs at once on this machine"),
    pool: str = typer.Option("prefork", "--pool", help="prefork (default) or solo"),
    loglevel: str = typer.Option("INFO", "--loglevel", help="DEBUG, INFO, WARNING"),
) -> None:
    """เริ่มเครื่องช่วยตรวจ (Celery worker) / Run a Celery worker that scans agencies.

    Same as: OIT_BROKER_URL=URL celery -A oit_checker.batch.celery_app worker
    """
    try:
        from oit_checker.batch.celery_app import QUEUE, app, configure
    except ImportError as exc:
        raise UsageError(f"the worker needs: pip install 'oit-checker[scale]' ({exc})") from exc
    configure(app, broker, backend)
    argv = [
        "worker",
        f"--concurrency={concurrency}",
        f"--pool={pool}",
        f"--loglevel={loglevel}",
        f"--queues={QUEUE}",
        "--without-gossip",
        "--without-mingle",
    ]
    app.worker_main(argv)
    sys.exit(0)
