"""``oit-checker eval``: scan the fixture sites and measure agreement with their ground truth."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from oit_checker.evaluate import (
    DEFAULT_BASELINE,
    DEFAULT_SITES,
    DEFAULT_TRUTH,
    VERDICTS,
    Metrics,
    SiteOutcome,
    all_items,
    evaluate,
    load_baseline,
    metrics,
    summary_json,
)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _confusion(m: Metrics, title: str) -> Table:
    table = Table(title=title, show_lines=False)
    table.add_column("truth \\ tool")
    for v in VERDICTS:
        table.add_column(v, justify="right")
    for expected in VERDICTS:
        row = m.confusion.get(expected)
        if row is None or not sum(row.values()):
            continue
        table.add_row(expected, *(str(row[v]) for v in VERDICTS))
    return table


def render(sites: Sequence[SiteOutcome], console: Console, *, verbose: bool = False) -> None:
    table = Table(title="ความตรงกับผลเฉลย / agreement with ground truth")
    for col in (
        "site",
        "items",
        "agree",
        "fail P",
        "fail R",
        "false alarms",
        "evidence",
        "codes",
        "s",
    ):
        table.add_column(col, justify="left" if col == "site" else "right")
    for s in sites:
        m = metrics(s.items)
        table.add_row(
            s.site,
            str(m.items),
            _pct(m.agreement) if not s.error else "error",
            _pct(m.fail_precision),
            _pct(m.fail_recall),
            str(m.false_alarms),
            f"{m.evidence_ok}/{m.evidence_checked}",
            f"{m.problems_found}/{m.problems_expected}",
            f"{s.seconds:.1f}",
        )
    overall = metrics(all_items(sites))
    table.add_row(
        "[bold]overall[/]",
        str(overall.items),
        f"[bold]{_pct(overall.agreement)}[/]",
        _pct(overall.fail_precision),
        _pct(overall.fail_recall),
        str(overall.false_alarms),
        f"{overall.evidence_ok}/{overall.evidence_checked}",
        f"{overall.problems_found}/{overall.problems_expected}",
        "",
    )
    console.print(table)
    console.print(_confusion(overall, "confusion matrix (rows: truth, columns: tool)"))
    if verbose:
        for s in sites:
            console.print(_confusion(metrics(s.items), f"{s.site}"))
    for s in sites:
        if s.error:
            console.print(f"[red]{s.site}: {s.error}[/]")
        for o in s.items:
            notes = []
            if not o.agrees:
                notes.append(f"verdict {o.verdict} (truth {o.expected.verdict})")
            if o.false_alarm:
                notes.append("FALSE ALARM: fail for missing evidence where truth cannot decide")
            if o.evidence_ok is False:
                notes.append(f"evidence {o.evidence or '—'} (truth {list(o.expected.evidence)})")
            if o.missing_problems:
                notes.append(f"codes {o.problems} lack {o.missing_problems}")
            if not notes or (o.agrees and not verbose):
                continue
            console.print(f"[bold]{s.site} {o.item_id}[/]: " + "; ".join(notes))
            console.print(f"    tool: {o.reason_en[:300]}")
            if o.expected.note:
                console.print(f"    truth: {o.expected.note}")


def eval_command(
    sites_dir: Path = typer.Option(DEFAULT_SITES, "--sites", help="folder of fixture sites"),
    truth_dir: Path = typer.Option(DEFAULT_TRUTH, "--truth", help="folder of <site>.yaml labels"),
    site: list[str] | None = typer.Option(None, "--site", help="only this site (repeatable)"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="sites scanned in parallel"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    write_baseline: bool = typer.Option(
        False, "--write-baseline", help=f"record the agreement in {DEFAULT_BASELINE.name}"
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="also evidence/code mismatches"),
) -> None:
    """วัดความถูกต้องกับเว็บไซต์ตัวอย่างที่มีผลเฉลย / Measure verdict agreement on the fixture
    sites with ground truth: per site and overall, precision/recall of fail, confusion matrix
    and every disagreement. Exit 1 if agreement is below the recorded baseline."""
    sites = evaluate(truth_dir, sites_dir, site or (), jobs)
    summary = summary_json(sites)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        render(sites, Console(), verbose=verbose)
    if summary["errors"]:
        raise typer.Exit(1)
    if write_baseline:
        DEFAULT_BASELINE.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        return
    if not site and DEFAULT_BASELINE.is_file():
        recorded = load_baseline()["overall"]
        if summary["overall"]["agree"] < recorded["agree"]:
            typer.echo(
                f"agreement {summary['overall']['agree']}/{summary['overall']['items']} is below"
                f" the recorded {recorded['agree']}/{recorded['items']}",
                err=True,
            )
            raise typer.Exit(1)
