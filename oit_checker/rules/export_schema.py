"""Write the rule-pack JSON Schema to ``rules/pack.schema.json``.

Run ``python -m oit_checker.rules.export_schema`` (or ``oit-checker rules schema --write``)
after changing ``oit_checker/rules/schema.py``; a test fails while the checked-in file is stale.
``--check`` exits 1 instead of writing when the file is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from oit_checker.rules.schema import Pack

SCHEMA_ID = "https://github.com/oit-checker/oit-checker/rules/pack.schema.json"


def schema_json() -> str:
    """The JSON Schema of a rule pack, as the text checked in under ``rules/``."""
    schema = Pack.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_path() -> Path:
    """``rules/pack.schema.json`` of the source checkout."""
    return Path(__file__).resolve().parents[2] / "rules" / "pack.schema.json"


def write_schema(path: Path | None = None) -> Path:
    path = path or schema_path()
    path.write_text(schema_json(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = schema_path()
    if "--check" in args:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != schema_json():
            print(f"{path} is out of date; run python -m oit_checker.rules.export_schema")
            return 1
        print(f"{path} is up to date")
        return 0
    print(f"wrote {write_schema(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
