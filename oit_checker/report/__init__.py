"""Report renderers: terminal, JSON, HTML, Markdown, CSV and JUnit XML.

``render`` turns a :class:`~oit_checker.models.Report` into one format; ``write_reports`` writes
several into a folder under fixed file names (never derived from URLs or page text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from oit_checker.errors import UsageError
from oit_checker.models import Report
from oit_checker.report._common import (
    VERDICT_LABELS,
    english_datetime,
    human_seconds,
    local_time,
    mode_label,
    mode_name,
    safe_http_url,
    thai_datetime,
)
from oit_checker.report.csvfmt import csv_cell, render_csv
from oit_checker.report.html import render_html
from oit_checker.report.jsonfmt import render_json
from oit_checker.report.jsonfmt import report_json_schema as _schema
from oit_checker.report.junit import render_junit
from oit_checker.report.markdown import render_markdown
from oit_checker.report.terminal import print_summary, render_text

FORMATS = ("terminal", "json", "html", "md", "csv", "junit")

FILE_NAMES: dict[str, str] = {
    "json": "oit-report.json",
    "html": "oit-report.html",
    "md": "oit-report.md",
    "csv": "oit-report.csv",
    "junit": "oit-report.junit.xml",
}
"""Fixed output names. ``terminal`` has none: it is printed (``print_summary``), not written."""

_RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "terminal": render_text,
    "json": render_json,
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
    "junit": render_junit,
}


def check_formats(formats: Sequence[str]) -> list[str]:
    """The formats, lower-cased and de-duplicated; UsageError naming any unknown one."""
    result: list[str] = []
    for fmt in formats:
        name = fmt.strip().lower()
        if name == "markdown":
            name = "md"
        if name not in _RENDERERS:
            raise UsageError(f"unknown report format {fmt!r}; choose from: {', '.join(FORMATS)}")
        if name not in result:
            result.append(name)
    return result


def render(report: Report, fmt: str) -> str | bytes:
    """The report in one format: ``str`` for terminal/json/html/md, ``bytes`` for csv (UTF-8
    with BOM) and junit (UTF-8 XML with declaration)."""
    (name,) = check_formats([fmt])
    return _RENDERERS[name](report)


def write_reports(report: Report, formats: Sequence[str], output_dir: Path) -> list[Path]:
    """Write each file format into ``output_dir`` (created if needed); return the paths written.

    ``terminal`` is skipped (print it with ``print_summary``). Each file is written to a temporary
    name first and renamed, so a reader never sees half a report.
    """
    names = [n for n in check_formats(formats) if n != "terminal"]
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {output_dir}: {exc.strerror}") from exc
    written: list[Path] = []
    for name in names:
        content = render(report, name)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = output_dir / FILE_NAMES[name]
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(data)
            partial.replace(target)
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror}") from exc
        written.append(target)
    return written


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of the JSON report, with ``schema_version`` (for ``oit-checker schema``)."""
    return _schema()


__all__ = [
    "FILE_NAMES",
    "FORMATS",
    "VERDICT_LABELS",
    "check_formats",
    "csv_cell",
    "english_datetime",
    "human_seconds",
    "local_time",
    "mode_label",
    "mode_name",
    "print_summary",
    "render",
    "report_json_schema",
    "safe_http_url",
    "thai_datetime",
    "write_reports",
]
