"""The JSON report: the Report model as is, with its versioned JSON Schema."""

from __future__ import annotations

from typing import Any

from oit_checker.models import REPORT_SCHEMA_VERSION, Report

SCHEMA_ID = f"https://oit-checker.github.io/schema/report-{REPORT_SCHEMA_VERSION}.json"


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of the report file, stamped with the schema version it describes."""
    schema = Report.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "schema_version": REPORT_SCHEMA_VERSION,
        **schema,
    }
    schema.setdefault("description", "oit-checker report")
    return schema
