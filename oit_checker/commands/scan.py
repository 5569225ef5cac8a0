"""``oit-checker scan URL`` and ``oit-checker demo``: crawl a site, assess it, write the report."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from oit_checker.commands.options import (
    CacheDir,
    CompareLast,
    ConfigFile,
    FailOn,
    Formats,
    HistoryFile,
    Interval,
    LogFile,
    MaxDepth,
    MaxPages,
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
from oit_checker.config import Config, apply_ignores, load_config, merge_options
from oit_checker.crawl import CrawlConfig, CrawlProgress
from oit_checker.errors import UsageError
from oit_checker.extract import ExtractLimits
from oit_checker.logs import setup_logging
from oit_checker.models import Report, Verdict
from oit_checker.pipeline import ScanOptions, ScanOutcome, run_scan
from oit_checker.report import check_formats, mode_label, print_summary, write_reports
from oit_checker.rules.loader import get_pack
from oit_checker.rules.schema import Pack
from oit_checker.store.diff import diff_reports, render_diff
from oit_checker.store.history import History, default_history_path, run_mode

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_COULD_NOT_ASSESS = 3
DEFAULT_CONFIG = Path("oit-checker.toml")
DEFAULT_FORMATS = ("terminal", "json", "html")


@dataclass
class RunOptions:
    """Everything a scan-like command decided, after config file and command line merged."""

    config: Config
    pack: Pack
    crawl: CrawlConfig
    ocr: bool
    quiet: bool
    compare_last: bool
    snapshot: Path | None


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("oit-checker")) / "http"


def demo_site_dir() -> Path:
    """The bundled demo site: in an installed wheel ``oit_checker/_demo_site``, in a checkout
    ``fixtures/sites/demo``."""
    installed = resources.files("oit_checker").joinpath("_demo_site")
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "demo"


def read_config(path: Path | None) -> Config:
    """The config file given, or ``./oit-checker.toml`` if present, or defaults."""
    if path is not None:
        if not path.is_file():
            raise UsageError(f"config file not found: {path}")
        return load_config(path)
    if DEFAULT_CONFIG.is_file():
        return load_config(DEFAULT_CONFIG)
    return Config(formats=DEFAULT_FORMATS)


def resolve_pack(config: Config) -> Pack:
    if config.pack:
        return get_pack(pack_file=Path(config.pack))
    return get_pack(year=config.year)


def crawl_config(config: Config, start_url: str, **overrides: Any) -> CrawlConfig:
    kwargs = config.crawl.crawl_kwargs()
    kwargs.setdefault("cache_dir", default_cache_dir())
    kwargs.update(overrides)
    return CrawlConfig(start_url=start_url, **kwargs)


@contextmanager
def progress_display(quiet: bool) -> Iterator[Any]:
    """A rich progress line on a terminal; nothing when quiet or not a TTY."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]กำลังตรวจ / crawling[/]"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[line]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("crawl", total=None, line="")

        def update(p: CrawlProgress) -> None:
            line = (
                f"fetched {p.fetched} · queued {p.queued} · documents {p.documents}"
                f" · errors {p.errors}"
            )
            progress.update(task, line=line)

        yield update


def execute(run: RunOptions, *, mode: str = "scan", keep_history: bool | None = None) -> int:
    """Run the scan, store it, write the reports, print the summary; return the exit code."""
    with progress_display(run.quiet) as progress:
        outcome = run_scan(
            run.pack,
            ScanOptions(
                crawl=run.crawl,
                extract_limits=ExtractLimits(ocr=run.ocr),
                progress=progress,
                mode=mode,
            ),
        )
    return finish(run, outcome, keep_history=keep_history)


def finish(
    run: RunOptions,
    outcome: ScanOutcome,
    *,
    keep_history: bool | None = None,
    assessed: bool | None = None,
) -> int:
    """Store the run, write the reports, print the summary; return the exit code.

    ``assessed`` overrides the "could not assess" test (exit 3), which by default is: no item
    could be assessed (no score). A site that answered but where nothing could be assessed (the
    crawl stopped after repeated failures) is never "nothing to report"."""
    console = Console()
    err = Console(stderr=True)
    report = apply_ignores(outcome.report, run.config.ignore, date.today())
    previous = _store(run, report, keep_history)
    formats = check_formats(run.config.formats)
    files = write_reports(report, [f for f in formats if f != "terminal"], run.config.output)
    if run.snapshot is not None:
        from oit_checker.snapshot import write_snapshot

        files.append(write_snapshot(report, run.snapshot, outcome.bodies))
    if not run.quiet:
        if "terminal" in formats:
            print_summary(report, console)
        if run.compare_last and previous is not None:
            render_diff(diff_reports(previous, report), console)
        elif run.compare_last:
            mode_th, mode_en = mode_label(report)
            console.print(
                f"ไม่มีผลการตรวจครั้งก่อนของเว็บไซต์นี้ที่ตรวจแบบเดียวกัน ({mode_th})"
                f" / no earlier run of this site made the same way ({mode_en}) to compare"
            )
        for path in files:
            console.print(f"เขียนรายงาน / wrote {path}")
    if assessed is None:
        assessed = report.summary.score is not None
    if not assessed:
        why = "; ".join(f.message_en for f in report.site_findings[:3])
        err.print(
            "oit-checker: ประเมินเว็บไซต์ไม่ได้ / could not assess the site: "
            + (why or "no item could be assessed")
        )
        return EXIT_COULD_NOT_ASSESS
    return exit_code(report, run.config, previous)


def _store(run: RunOptions, report: Report, keep: bool | None) -> Report | None:
    keep_history = run.config.keep_history if keep is None else keep
    if not keep_history and not run.compare_last:
        return None
    history = History(run.config.history or default_history_path())
    # Only a run of the same mode: an audit and a whole-site scan differ in scope, not in time.
    previous = history.last(report.site, mode=run_mode(report))
    if keep_history:
        history.add(report)
    return previous


def exit_code(report: Report, config: Config, previous: Report | None) -> int:
    """0 nothing to report, 1 findings according to ``fail_on`` and thresholds."""
    active = [item for item in report.items if not item.ignored]
    fail_on = set(config.fail_on)
    if "fail" in fail_on and any(i.verdict is Verdict.FAIL for i in active):
        return EXIT_FINDINGS
    if "review" in fail_on and any(i.verdict in (Verdict.FAIL, Verdict.REVIEW) for i in active):
        return EXIT_FINDINGS
    if "not_checked" in fail_on and any(i.verdict is Verdict.NOT_CHECKED for i in active):
        return EXIT_FINDINGS
    if (
        "regression" in fail_on
        and previous is not None
        and diff_reports(previous, report).regressions
    ):
        return EXIT_FINDINGS
    min_score = config.thresholds.min_score
    score = report.summary.score
    if min_score is not None and (score is None or score < min_score):
        return EXIT_FINDINGS
    return EXIT_OK


def scan_command(
    url: str = typer.Argument(..., help="เว็บไซต์หลักของหน่วยงาน / the agency's main website URL"),
    year: Year = None,
    pack: PackFile = None,
    output: Output = None,
    formats: Formats = None,
    config_file: ConfigFile = None,
    max_pages: MaxPages = None,
    max_documents: int | None = typer.Option(None, "--max-documents", help="documents at most"),
    max_depth: MaxDepth = None,
    max_time: float | None = typer.Option(None, "--max-time", help="seconds for the whole crawl"),
    interval: Interval = None,
    concurrency: PerHost = None,
    timeout: Timeout = None,
    extra_hosts: list[str] | None = typer.Option(
        None, "--extra-host", help="another host that belongs to the site (repeatable)"
    ),
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
    """ตรวจเว็บไซต์ทั้งเว็บตามเกณฑ์ OIT / Crawl a site and assess it against the OIT checklist.

    Exit codes: 0 nothing to report, 1 findings (see --fail-on), 2 usage error, 3 could not
    assess (site unreachable or blocked).
    """
    url = site_url(url)
    setup_logging(verbose, log_file, quiet=quiet)
    config = read_config(config_file)
    config = merge_run_options(
        config,
        site=url,
        year=year,
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
        max_pages=max_pages,
        max_documents=max_documents,
        max_depth=max_depth,
    )
    overrides: dict[str, Any] = {}
    if max_time is not None:
        overrides["max_wall_s"] = max_time
    if extra_hosts:
        overrides["extra_hosts"] = tuple(extra_hosts)
    run = RunOptions(
        config=config,
        pack=resolve_pack(config),
        crawl=crawl_config(config, config.site or url, **overrides),
        ocr=not no_ocr,
        quiet=quiet,
        compare_last=compare_last,
        snapshot=snapshot,
    )
    raise typer.Exit(execute(run))


def demo_command(
    output: Path = typer.Option(Path("demo-report"), "--output", "-o", help="report folder"),
    formats: list[str] | None = typer.Option(None, "--format", "-f", help="report formats"),
    quiet: Quiet = False,
) -> None:
    """ตรวจเว็บไซต์ตัวอย่างที่มากับโปรแกรม / Scan the bundled demo site (no internet needed).

    Serves a fictional อบต. site on 127.0.0.1 on a free port, scans it, prints the summary,
    writes the report files and stops the server.
    """
    from oit_checker.fixture_server import FixtureServer

    site = demo_site_dir()
    if not (site / "index.html").is_file():
        raise UsageError(f"the demo site is missing: {site}")
    chosen = split_values(formats) or ("terminal", "json", "html", "md", "csv", "junit")
    config = replace(Config(), formats=tuple(chosen), output=output, keep_history=False)
    with tempfile.TemporaryDirectory(prefix="oit-demo-") as cache, FixtureServer(site) as server:
        if not quiet:
            Console().print(f"เว็บไซต์ตัวอย่าง / demo site: {server.url}")
        run = RunOptions(
            config=config,
            pack=get_pack(year=2567),
            crawl=crawl_config(
                config,
                server.url,
                cache_dir=Path(cache),
                min_interval_s=0.0,
                per_host_concurrency=4,
            ),
            ocr=True,
            quiet=quiet,
            compare_last=False,
            snapshot=None,
        )
        code = execute(run, mode="demo", keep_history=False)
    # The demo's findings are intended; only a failure to assess is an error here.
    raise typer.Exit(EXIT_COULD_NOT_ASSESS if code == EXIT_COULD_NOT_ASSESS else EXIT_OK)


def merge_run_options(
    config: Config,
    *,
    site: str,
    year: int | None,
    pack: Path | None,
    output: Path | None,
    formats: list[str] | None,
    history: Path | None,
    no_history: bool,
    fail_on: list[str] | None,
    min_score: float | None,
    interval: float | None,
    concurrency: int | None,
    timeout: float | None,
    strict_tls: bool,
    cache_dir: Path | None,
    **crawl: int | None,
) -> Config:
    """The config file's settings with the options ``scan`` and ``audit`` share on top
    (``crawl``: further crawl limits such as ``max_pages``)."""
    return merge_options(
        config,
        site=site,
        year=year,
        pack=str(pack) if pack else None,
        output=str(output) if output else None,
        formats=split_values(formats),
        history=str(history) if history else None,
        keep_history=False if no_history else None,
        fail_on=split_values(fail_on),
        min_score=min_score,
        min_interval=interval,
        per_host_concurrency=concurrency,
        timeout=timeout,
        strict_tls=True if strict_tls else None,
        cache_dir=str(cache_dir) if cache_dir else None,
        **crawl,
    )


def split_values(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out
