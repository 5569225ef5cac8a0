"""``oit-checker history``, ``diff`` and ``schema``: what cron and CI users look at between runs."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from oit_checker.errors import UsageError
from oit_checker.models import Report
from oit_checker.report import mode_label, report_json_schema
from oit_checker.store.diff import diff_reports, diff_to_json, diff_to_markdown, render_diff
from oit_checker.store.diff import load_report as _load_report
from oit_checker.store.history import History, default_history_path, run_mode


def history_command(
    site: str | None = typer.Option(None, "--site", help="only runs of this site"),
    limit: int = typer.Option(20, "--limit", help="how many runs"),
    mode: str | None = typer.Option(
        None, "--mode", help="only runs made this way: scan, audit or demo"
    ),
    history: Path | None = typer.Option(None, "--history", help="history database (SQLite)"),
) -> None:
    """รายการผลการตรวจที่บันทึกไว้ / List stored runs (newest first).

    The mode column says how each run was made: scan (whole site), audit (only the URLs an
    agency submitted) or demo."""
    store = History(history or default_history_path())
    runs = store.list(site=site, limit=limit, mode=mode)
    console = Console()
    if not runs:
        console.print("ยังไม่มีผลการตรวจที่บันทึกไว้ / no runs stored yet")
        return
    table = Table(
        "id",
        "เว็บไซต์ / site",
        "ชุดเกณฑ์ / pack",
        "วิธีตรวจ / mode",
        "เริ่ม / started",
        "คะแนน / score",
        "ผ่าน/ไม่ผ่าน/ทบทวน/ไม่ได้ตรวจ",
    )
    for run in runs:
        counts = run.counts
        table.add_row(
            str(run.id),
            run.site,
            run.pack,
            run.mode,
            run.started.strftime("%Y-%m-%d %H:%M"),
            "–" if run.score is None else f"{run.score:.2f}",
            "/".join(str(counts.get(k, 0)) for k in ("pass", "fail", "review", "not_checked")),
        )
    console.print(table)


def diff_command(
    run_a: str | None = typer.Argument(
        None, help="run id or report JSON file (older); with one run given, the newer one"
    ),
    run_b: str | None = typer.Argument(None, help="run id or report JSON file (newer)"),
    site: str | None = typer.Option(
        None, "--site", help="with no run given: the newest run of this site"
    ),
    fmt: str = typer.Option("terminal", "--format", "-f", help="terminal, md or json"),
    history: Path | None = typer.Option(None, "--history", help="history database (SQLite)"),
) -> None:
    """เทียบผลการตรวจสองครั้ง / Compare two runs: newly failing, fixed, unchanged.

    With two runs, compares them as given (a warning says so when one is a scan and the other
    an audit: their scopes differ). With one run, compares it with the run before it of the
    same site made the same way (scan, audit or demo); with none, does that for the newest run
    (of --site). Exit code 1 when an item that passed before does not pass now.
    """
    if fmt not in ("terminal", "md", "json"):
        raise typer.BadParameter("--format must be terminal, md or json")
    store = History(history or default_history_path())
    if run_a is not None and run_b is not None:
        before, after = _load_report(run_a, store), _load_report(run_b, store)
    else:
        before, after = _with_previous(run_a, site, store)
    diff = diff_reports(before, after)
    if fmt == "md":
        typer.echo(diff_to_markdown(diff))
    elif fmt == "json":
        if not diff.same_mode:  # the JSON carries the warning too; say it where people look
            Console(stderr=True).print(
                f"{diff.scope_warning_th}\n{diff.scope_warning_en}", style="yellow"
            )
        typer.echo(diff_to_json(diff))
    else:
        render_diff(diff, Console())
    raise typer.Exit(1 if diff.regressions else 0)


def _with_previous(ref: str | None, site: str | None, store: History) -> tuple[Report, Report]:
    """``ref`` (newest run of ``site``, or of any site, when None) and the run before it of the
    same site and mode."""
    if ref is None:
        newest = store.list(site=site, limit=1)
        if not newest:
            where = f" of {site}" if site else ""
            raise UsageError(f"no runs{where} in the history file {store.path}")
        ref = str(newest[0].id)
    after = _load_report(ref, store)
    run = ref.strip().removeprefix("#")
    mode = run_mode(after)
    if run.isdigit() and not Path(ref).expanduser().is_file():
        before = store.last(after.site, before=int(run), mode=mode)
    else:
        before = store.last(after.site, mode=mode, started_before=after.started_at)
    if before is None:
        mode_th, mode_en = mode_label(after)
        raise UsageError(
            f"ไม่มีผลการตรวจของ {after.site} ก่อนรอบ {ref} ที่ตรวจแบบเดียวกัน ({mode_th})"
            f" / no earlier run of {after.site} made the same way ({mode_en}) to compare"
            f" {ref} with; give both runs to compare runs made differently"
        )
    return before, after


def schema_command() -> None:
    """พิมพ์ JSON Schema ของรายงาน / Print the JSON Schema of the report (versioned)."""
    typer.echo(json.dumps(report_json_schema(), ensure_ascii=False, indent=2))
