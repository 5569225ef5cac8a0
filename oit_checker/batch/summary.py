"""The batch summary: a row per agency (score, counts per verdict, why it could not be
assessed) and the items failing most often, as CSV (UTF-8 with BOM, for Excel) and one
self-contained HTML file (jinja2 autoescaping: names and reasons come from strangers)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from oit_checker import __version__
from oit_checker.batch.state import Row
from oit_checker.models import Verdict
from oit_checker.report import FILE_NAMES, csv_cell
from oit_checker.report._common import safe_http_url

SUMMARY_CSV = "batch-summary.csv"
SUMMARY_HTML = "batch-summary.html"
VERDICTS = tuple(v.value for v in Verdict)
CSV_COLUMNS = (
    "row",
    "site_id",
    "name",
    "url",
    "type",
    "province",
    "status",
    "outcome",
    "score",
    *VERDICTS,
    "pack",
    "reason",
    "report",
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class FailingItem:
    pack_id: str
    item_id: str
    title: str
    count: int
    share: float
    """Of the agencies assessed with this pack."""


def top_failing(rows: Sequence[Row], limit: int = 15) -> list[FailingItem]:
    """Items failed by the most agencies (per pack: item ids differ between years)."""
    counts: Counter[tuple[str, str]] = Counter()
    titles: dict[tuple[str, str], str] = {}
    assessed: Counter[str] = Counter()
    for row in rows:
        result = row.result
        if result is None or result.outcome != "assessed":
            continue
        assessed[result.pack_id] += 1
        for item_id, title in result.failing:
            key = (result.pack_id, item_id)
            counts[key] += 1
            titles.setdefault(key, title)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [
        FailingItem(pack, item, titles[(pack, item)], n, n / assessed[pack])
        for (pack, item), n in ranked
    ]


def render_summary_csv(rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        a, r = row.agency, row.result
        counts = r.counts if r else {}
        cells: list[object] = [
            a.row,
            a.site_id,
            a.name,
            a.url,
            a.agency_type,
            a.province,
            "done" if r else row.status,
            r.outcome if r else "",
            "" if r is None or r.score is None else f"{r.score:g}",
            *[counts.get(v, "") if r else "" for v in VERDICTS],
            r.pack_id if r else "",
            r.reason if r else "",
            f"{r.report_dir}/{FILE_NAMES['html']}" if r and r.report_dir else "",
        ]
        # Names, URLs and reasons come from the list's author and from strangers' sites.
        writer.writerow([csv_cell(v) if isinstance(v, str) else v for v in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("oit_checker.batch", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_http_url
    return env


def render_summary_html(rows: Sequence[Row], title: str = "") -> str:
    finished = [r for r in rows if r.result is not None]
    scores = [r.result.score for r in finished if r.result and r.result.score is not None]
    return (
        _environment()
        .get_template("summary.html.j2")
        .render(
            title=title,
            rows=rows,
            verdicts=VERDICTS,
            failing=top_failing(rows),
            total=len(rows),
            finished=len(finished),
            assessed=len(scores),
            mean_score=(sum(scores) / len(scores)) if scores else None,
            report_file=FILE_NAMES["html"],
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            version=__version__,
            csp=_CSP,
        )
    )


def write_summary(rows: Sequence[Row], output: Path, title: str = "") -> list[Path]:
    """Write both summary files into ``output`` (temporary name, then rename)."""
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, data in (
        (SUMMARY_CSV, render_summary_csv(rows)),
        (SUMMARY_HTML, render_summary_html(rows, title).encode("utf-8")),
    ):
        target = output / name
        part = target.with_name(name + ".part")
        part.write_bytes(data)
        part.replace(target)
        written.append(target)
    return written
