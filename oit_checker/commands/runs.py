"""``oit-checker history``, ``diff`` and ``schema``: what cron and CI users look at between runs."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from oit_checker.report import report_json_schema
from oit_checker.store.diff import diff_reports, diff_to_json, diff_to_markdown, render_diff
from oit_checker.store.diff import load_report as _load_report
from oit_checker.store.history import History, default_history_path


def history_command(
    site: str | None = typer.Option(None, "--site", help="only runs of this site"),
    limit: int = typer.Option(20, "--limit", help="how many runs"),
    history: Path | None = typer.Option(None, "--history", help="history database (SQLite)"),
) -> None:
    """รายการผลการตรวจที่บันทึกไว้ / List stored runs (newest first)."""
    store = History(history or default_history_path())
    runs = store.list(site=site, limit=limit)
    console = Console()
    if not runs:
        console.print("ยังไม่มีผลการตรวจที่บันทึกไว้ / no runs stored yet")
        return
    table = Table(
        "id",
        "เว็บไซต์ / site",
        "ชุดเกณฑ์ / pack",
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
            run.started.strftime("%Y-%m-%d %H:%M"),
            "–" if run.score is None else f"{run.score:.2f}",
            "/".join(str(counts.get(k, 0)) for k in ("pass", "fail", "review", "not_checked")),
        )
    console.print(table)


def diff_command(
    run_a: str = typer.Argument(..., help="run id or report JSON file (older)"),
    run_b: str = typer.Argument(..., help="run id or report JSON file (newer)"),
    fmt: str = typer.Option("terminal", "--format", "-f", help="terminal, md or json"),
    history: Path | None = typer.Option(None, "--history", help="history database (SQLite)"),
) -> None:
    """เทียบผลการตรวจสองครั้ง / Compare two runs: newly failing, fixed, unchanged.

    Exit code 1 when an item that passed before does not pass now.
    """
    store = History(history or default_history_path())
    diff = diff_reports(_load_report(run_a, store), _load_report(run_b, store))
    if fmt == "md":
        typer.echo(diff_to_markdown(diff))
    elif fmt == "json":
        typer.echo(diff_to_json(diff))
    elif fmt == "terminal":
        render_diff(diff, Console())
    else:
        raise typer.BadParameter("--format must be terminal, md or json")
    raise typer.Exit(1 if diff.regressions else 0)


def schema_command() -> None:
    """พิมพ์ JSON Schema ของรายงาน / Print the JSON Schema of the report (versioned)."""
    typer.echo(json.dumps(report_json_schema(), ensure_ascii=False, indent=2))
