"""Write the expected checklist of next year: last year's pack carried forward, data only.

Before the NACC publishes a year's OIT list, agencies already prepare for it (from 1 October).
This writes ``rules/nacc-<N>.yaml`` from ``rules/nacc-<N-1>.yaml`` with status ``provisional``:
the same items, elements and recognisers, the fiscal year moved on by one, the years named in
titles and texts moved on by one, each item's provenance saying where it was carried from, and
a notice every report shows ("expected list, not yet published by the NACC"). The checker needs
no code for it. Rerun it after the previous year's pack changes (new recognisers, corrections),
and replace the output with a real pack once the list is published::

    .venv/bin/python scripts/carry_forward_pack.py 2569 2570
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

RULES = Path(__file__).resolve().parent.parent / "rules"
_TEXT_KEYS = {"title_th", "title_en", "th", "en"}
"""Keys whose text names years (remediation, element and dependency wording); recognisers,
signals and provenance are copied as they are."""
_BE = re.compile(r"(?<!\d)(25[5-7]\d)(?!\d)")
_CE = re.compile(r"(?<!\d)(20[1-3]\d)(?!\d)")


def _shift(text: str) -> str:
    text = _BE.sub(lambda m: str(int(m.group(1)) + 1), text)
    return _CE.sub(lambda m: str(int(m.group(1)) + 1), text)


def _walk(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, key) for v in value]
    if isinstance(value, str) and key in _TEXT_KEYS:
        return _shift(value)
    return value


def carry_forward(old: dict[str, Any], year: int) -> dict[str, Any]:
    ce = year - 543
    source_id = old["id"]
    items = []
    for item in old["items"]:
        new = _walk(item)
        prov = dict(item["provenance"])
        prov["source"] = (
            f"{source_id} carried forward (no {year} list published by the NACC;"
            f" criteria-2026-12.md §4). {source_id}: {prov['source']}"
        )
        new["provenance"] = prov
        items.append(new)
    return {
        "schema_version": old.get("schema_version", 1),
        "id": f"{old['scheme']}-{year}",
        "scheme": old["scheme"],
        "year": year,
        "fiscal_year_start": date(ce - 1, 10, 1).isoformat(),
        "fiscal_year_end": date(ce, 9, 30).isoformat(),
        "status": "provisional",
        "carried_forward_from": source_id,
        "notice_th": (
            f"รายการที่คาดว่าจะใช้ ยังไม่ประกาศโดยสำนักงาน ป.ป.ช.: ใช้รายการของปี {year - 1}"
            f" กับช่วงเวลาของปีงบประมาณ {year} จนกว่าจะมีคู่มือการประเมิน ITA {year}"
        ),
        "notice_en": (
            f"Expected list, not yet published by the NACC: the {year - 1} list with the periods"
            f" of fiscal year {year}, until the ITA {year} manual is out."
        ),
        "title_th": (
            f"แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ITA ประจำปีงบประมาณ พ.ศ. {year} สำนักงาน ป.ป.ช."
            f" (รายการที่คาดว่าจะใช้ ยกมาจากปี {year - 1})"
        ),
        "title_en": (
            f"NACC ITA Open Data Integrity and Transparency Assessment (OIT), fiscal year {year}"
            f" B.E. ({ce}): expected list, carried forward from {year - 1}"
        ),
        "sources": old.get("sources", []),
        "notes": (
            f"Expected list: no {year} OIT list has been published (criteria-2026-12.md §4: no"
            f" 'ITA {year}'/'OIT {year}' text in any public source; the {year - 1} list reached"
            f" agencies after their pages existed). Written by scripts/carry_forward_pack.py from"
            f" {source_id}: the same items, elements and recognisers, with fiscal year {year}"
            f" periods. Replace it with the real list once the NACC publishes the manual."
            f" Notes of {source_id}: {old.get('notes', '')}"
        ),
        **({"recognizers": old["recognizers"]} if old.get("recognizers") else {}),
        "items": items,
    }


class _Dumper(yaml.SafeDumper):
    """Block mappings, flow lists of scalars (the style of the hand-kept packs)."""


def _list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(not isinstance(v, (dict, list)) for v in data) and bool(data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(dict, _dict)

HEADER = (
    "# Rule pack {id} (provisional, expected list): written by scripts/carry_forward_pack.py from"
    " {src}.\n# Do not edit by hand: edit {src} and rerun the script, or replace this file with"
    " the published list.\n"
)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(a.isdigit() for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    old_year, year = (int(a) for a in argv)
    old_path = RULES / f"nacc-{old_year}.yaml"
    old = yaml.safe_load(old_path.read_text(encoding="utf-8"))
    new = carry_forward(old, year)
    text = yaml.dump(new, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    out = RULES / f"nacc-{year}.yaml"
    out.write_text(HEADER.format(id=new["id"], src=old_path.name) + text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
