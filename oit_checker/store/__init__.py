"""Run history (SQLite) and run-to-run comparison."""

from oit_checker.store.diff import (
    ChangeKind,
    ItemChange,
    RunDiff,
    diff_reports,
    diff_to_json,
    diff_to_markdown,
    load_report,
    render_diff,
)
from oit_checker.store.history import (
    History,
    RunSummary,
    default_history_path,
    run_mode,
    site_key,
)

__all__ = [
    "ChangeKind",
    "History",
    "ItemChange",
    "RunDiff",
    "RunSummary",
    "default_history_path",
    "diff_reports",
    "diff_to_json",
    "diff_to_markdown",
    "load_report",
    "render_diff",
    "run_mode",
    "site_key",
]
