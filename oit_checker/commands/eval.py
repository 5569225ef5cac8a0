"""``oit-checker eval``: scan the fixture sites and measure agreement with their ground truth.

Each corpus (``oit_checker.corpora``) is reported on its own, against its own baseline: the
first corpus was written together with the checker, the second models real CMS families, and
a figure that mixed them would hide how the tool does on sites it was not built against."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from oit_checker.corpora import CORPORA, Corpus, corpus_of, get_corpus
from oit_checker.evaluate import (
    VERDICTS,
    Metrics,
    SiteOutcome,
    all_items,
    evaluate,
    evaluate_corpora,
    load_baseline,
    metrics,
    problem_counts,
    summary_json,
)

_CORPUS_NAMES = ", ".join(CORPORA)


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


_COLUMNS: tuple[str, ...] = ("site", "items", "agree", "fail P", "fail R", "FF", "FF r/nc", "FP")
_COLUMNS += ("alarm", "evidence", "codes", "s")
_LEGEND = (
    "FF: false fail (truth pass) · FF r/nc: fail where the truth is review/not_checked · "
    "FP: false pass (pass where the truth is not pass) · alarm: fail for missing evidence where "
    "the truth cannot decide · evidence/codes: expected evidence and problem codes found"
)


def _row(name: str, m: Metrics, agree: str, seconds: str) -> list[str]:
    return [
        name,
        str(m.items),
        agree,
        _pct(m.fail_precision),
        _pct(m.fail_recall),
        str(m.false_fails),
        str(m.false_fails_undecidable),
        str(m.false_passes),
        str(m.false_alarms),
        f"{m.evidence_ok}/{m.evidence_checked}",
        f"{m.problems_found}/{m.problems_expected}",
        seconds,
    ]


def render(
    sites: Sequence[SiteOutcome], console: Console, *, verbose: bool = False, corpus: str = ""
) -> None:
    title = "ความตรงกับผลเฉลย / agreement with ground truth"
    table = Table(title=f"{title}: corpus {corpus}" if corpus else title)
    for col in _COLUMNS:
        table.add_column(col, justify="left" if col == "site" else "right")
    for s in sites:
        m = metrics(s.items)
        agree = _pct(m.agreement) if not s.error else "error"
        table.add_row(*_row(s.site, m, agree, f"{s.seconds:.1f}"))
    overall = metrics(all_items(sites))
    table.add_row(*_row("[bold]overall[/]", overall, f"[bold]{_pct(overall.agreement)}[/]", ""))
    console.print(table)
    console.print(_LEGEND)
    console.print(_confusion(overall, "confusion matrix (rows: truth, columns: tool)"))
    codes = problem_counts(sites)
    if codes:
        console.print(
            "problem codes on disagreeing items: "
            + ", ".join(f"{code} ×{n}" for code, n in codes.most_common())
        )
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


def _corpora_table(results: dict[str, list[SiteOutcome]], console: Console) -> None:
    table = Table(title="corpora / ชุดเว็บไซต์ตัวอย่าง")
    for col in ("corpus", *_COLUMNS[1:-1]):
        table.add_column(col, justify="left" if col == "corpus" else "right")
    for name, sites in results.items():
        m = metrics(all_items(sites))
        table.add_row(*_row(name, m, _pct(m.agreement), "")[:-1])
    console.print(table)


def _below_baseline(corpus: Corpus, summary: dict[str, object]) -> str | None:
    if not corpus.baseline.is_file():
        return None
    recorded = load_baseline(corpus.baseline)["overall"]
    overall = summary["overall"]
    assert isinstance(overall, dict)
    if overall["agree"] < recorded["agree"]:
        return (
            f"corpus {corpus.name}: agreement {overall['agree']}/{overall['items']} is below"
            f" the recorded {recorded['agree']}/{recorded['items']}"
        )
    return None


def eval_command(
    corpus: list[str] | None = typer.Option(
        None,
        "--corpus",
        "-c",
        help=f"only this corpus (repeatable; default all: {_CORPUS_NAMES})",
    ),
    sites_dir: Path | None = typer.Option(
        None, "--sites", help="folder of fixture sites (with --truth: a corpus of one's own)"
    ),
    truth_dir: Path | None = typer.Option(None, "--truth", help="folder of <site>.yaml labels"),
    site: list[str] | None = typer.Option(None, "--site", help="only this site (repeatable)"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="sites scanned in parallel"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    write_baseline: bool = typer.Option(
        False, "--write-baseline", help="record each corpus's agreement in its baseline file"
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="also evidence/code mismatches"),
) -> None:
    """วัดความถูกต้องกับเว็บไซต์ตัวอย่างที่มีผลเฉลย / Measure verdict agreement on the fixture
    sites with ground truth, each corpus on its own: per site and overall, precision/recall of
    fail, false fails (also where the truth is review/not_checked), false passes, the confusion
    matrix, problem codes and every disagreement. Exit 1 if a corpus is below its baseline."""
    results: dict[str, list[SiteOutcome]]
    chosen: list[Corpus]
    if sites_dir is not None or truth_dir is not None:
        if sites_dir is None or truth_dir is None:
            raise typer.BadParameter("--sites and --truth go together")
        own = corpus_of(sites_dir)
        name = own.name if own is not None else "custom"
        results = {name: evaluate(truth_dir, sites_dir, site or (), jobs)}
        chosen = [own] if own is not None and own.truth.resolve() == truth_dir.resolve() else []
    else:
        chosen = [get_corpus(c) for c in corpus] if corpus else list(CORPORA.values())
        results = evaluate_corpora(chosen, site or (), jobs)
    summaries = {name: summary_json(sites) for name, sites in results.items()}
    if as_json:
        typer.echo(json.dumps({"corpora": summaries}, ensure_ascii=False, indent=1))
    else:
        console = Console()
        for name, sites in results.items():
            render(sites, console, verbose=verbose, corpus=name)
        if len(results) > 1:
            _corpora_table(results, console)
    if any(s["errors"] for s in summaries.values()):
        raise typer.Exit(1)
    if site:
        return
    whole = [c for c in chosen if c.name in summaries]
    if write_baseline:
        for c in whole:
            text = json.dumps(summaries[c.name], ensure_ascii=False, indent=1)
            c.baseline.write_text(text + "\n", "utf-8")
        return
    below = [msg for c in whole if (msg := _below_baseline(c, summaries[c.name]))]
    for msg in below:
        typer.echo(msg, err=True)
    if below:
        raise typer.Exit(1)
