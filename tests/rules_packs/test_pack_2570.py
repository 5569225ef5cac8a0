"""nacc-2570: the expected list (the 2569 list carried forward with fiscal-2570 periods),
written by scripts/carry_forward_pack.py, with no code of its own (issue #14 point 2)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import yaml

from oit_checker.rules import PackStatus, get_pack
from tests.rules_packs.conftest import RULES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "carry_forward_pack.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("carry_forward_pack", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_2570_is_the_expected_list_for_fiscal_2570() -> None:
    pack = get_pack(year=2570)
    assert pack.status is PackStatus.PROVISIONAL
    assert (pack.fiscal_year_start, pack.fiscal_year_end) == (date(2026, 10, 1), date(2027, 9, 30))
    assert pack.carried_forward_from == "nacc-2569"
    assert pack.notice_th and pack.notice_th.startswith(
        "รายการที่คาดว่าจะใช้ ยังไม่ประกาศโดยสำนักงาน ป.ป.ช."
    )
    assert pack.notice_en and pack.notice_en.startswith(
        "Expected list, not yet published by the NACC"
    )


def test_2570_carries_the_2569_list_with_its_recognisers() -> None:
    old, new = get_pack(year=2569), get_pack(year=2570)
    assert [(i.id, i.key, i.title_th) for i in new.items] == [
        (i.id, i.key, i.title_th) for i in old.items
    ]
    for before, after in zip(old.items, new.items, strict=True):
        assert after.elements == before.elements or [
            (e.id, e.recognize) for e in after.elements
        ] == [(e.id, e.recognize) for e in before.elements], after.id
        assert (after.window, after.window_alternatives) == (
            before.window,
            before.window_alternatives,
        )
        assert after.provenance.confidence == before.provenance.confidence
        assert after.provenance.source.startswith("nacc-2569 carried forward")
    # the periods named in the fix texts move on by one year
    assert "พ.ศ. 2570" in new.item("o04").remediation.th
    assert "พ.ศ. 2569" in new.item("o12").remediation.th  # previous fiscal year


def test_2570_file_is_in_step_with_2569() -> None:
    """Rerun ``scripts/carry_forward_pack.py 2569 2570`` after changing nacc-2569.yaml
    (recognisers, corrections): the expected list must carry the newest 2569 content."""
    script = _script()
    old = yaml.safe_load((RULES / "nacc-2569.yaml").read_text(encoding="utf-8"))
    expected = script.carry_forward(old, 2570)
    committed = yaml.safe_load((RULES / "nacc-2570.yaml").read_text(encoding="utf-8"))
    assert committed == yaml.safe_load(
        yaml.dump(expected, Dumper=script._Dumper, allow_unicode=True, sort_keys=False)
    ), "rules/nacc-2570.yaml is stale: run .venv/bin/python scripts/carry_forward_pack.py 2569 2570"
