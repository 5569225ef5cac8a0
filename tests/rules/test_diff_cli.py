"""``diff_packs`` on real and modified packs, and the ``rules`` commands end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from oit_checker.cli import app
from oit_checker.rules import get_pack, load_pack
from oit_checker.rules.diff import diff_packs
from oit_checker.rules.loader import pack_dir

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _modified_2567(tmp_path: Path) -> Path:
    """The 2567 pack with one change of every kind the diff reports."""
    data: dict[str, Any] = yaml.safe_load((pack_dir() / "nacc-2567.yaml").read_text("utf-8"))
    items: list[dict[str, Any]] = data["items"]
    data["id"] = "mod-2567"
    key_of = {item["id"]: item["key"] for item in items}
    for item in items:
        for dep in item.get("depends_on", []):
            dep["item"] = key_of[dep["item"]]  # by key for now; ids are rewritten below
    # merge structure (o01) and duties (o03) into one new item
    items[0]["key"] = "structure_duties"
    items[0]["merged_from"] = ["structure", "duties_powers"]
    items[:] = [i for i in items if i["key"] not in ("duties_powers", "participation")]
    contact = next(i for i in items if i["key"] == "contact")
    contact["title_th"] = "ข้อมูลการติดต่อและช่องทางการสอบถาม"
    contact["elements"] = [e for e in contact["elements"] if e["id"] != "map"]
    contact["elements"].append(
        {"id": "social", "th": "สื่อสังคม", "en": "social", "recognize": {"any_of": ["facebook"]}}
    )
    next(i for i in items if i["key"] == "news")["window"] = "current"
    next(i for i in items if i["key"] == "qa")["evidence_kind"] = "document"
    extra = dict(items[-1], key="ita_results_development", depends_on=[], wrong_documents=[])
    items.append(extra)
    new_id = {item["key"]: f"o{n:02d}" for n, item in enumerate(items, start=1)}
    for item in items:
        item["id"] = new_id[item["key"]]
        for dep in item.get("depends_on", []):
            dep["item"] = new_id[dep["item"]]
    path = tmp_path / "mod-2567.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_diff_finds_every_kind_of_change(tmp_path: Path) -> None:
    old = get_pack(year=2567)
    new = load_pack(_modified_2567(tmp_path))
    d = diff_packs(old, new)
    assert [a.key for a in d.added] == ["ita_results_development"]
    assert [r.key for r in d.removed] == ["participation"]
    assert [(m.new.key, [o.key for o in m.old]) for m in d.merged] == [
        ("structure_duties", ["structure", "duties_powers"])
    ]
    assert ("contact", "o04", "o03") in [(r.key, r.old_id, r.new_id) for r in d.renumbered]
    assert [(r.key, r.new_title_th) for r in d.renamed] == [
        ("contact", "ข้อมูลการติดต่อและช่องทางการสอบถาม")
    ]
    (element_change,) = d.elements
    assert (element_change.added, element_change.removed) == (["social"], ["map"])
    assert [(w.key, str(w.old), str(w.new)) for w in d.windows] == [
        ("news", "fiscal_year", "current")
    ]
    assert [(k.key, str(k.new)) for k in d.evidence_kinds] == [("qa", "document")]
    assert diff_packs(old, old).empty


@pytest.mark.skipif(
    not (pack_dir() / "nacc-2568.yaml").exists(), reason="nacc-2568 pack not written yet"
)
def test_real_diff_2567_2568_pairs_items_by_key() -> None:
    d = diff_packs(get_pack(year=2567), get_pack(year=2568))
    renumbered = {r.key: (r.old_id, r.new_id) for r in d.renumbered}
    assert renumbered.get("contact") == ("o04", "o03")
    merged = {m.new.key: {o.key for o in m.old} for m in d.merged}
    assert merged.get("structure_duties") == {"structure", "duties_powers"}
    # Q&A moved into 2568 O3 (criteria-2026-12.md D-3), the plan and its six-month report
    # into O6 (D-1)
    assert merged.get("contact") == {"contact", "qa"}
    assert merged.get("annual_plan_progress") == {
        "annual_operation_plan",
        "six_month_progress_report",
    }
    removed = {r.key for r in d.removed}
    assert not removed & {"structure", "duties_powers", "contact", "qa", "annual_operation_plan"}


def test_cli_list_and_show() -> None:
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0, result.output
    assert "nacc-2567" in result.output
    result = runner.invoke(app, ["rules", "show", "O2", "--year", "2567"])
    assert result.exit_code == 0, result.output
    assert "O02 ข้อมูลผู้บริหาร" in result.output
    assert "รูปถ่าย" in result.output and "photo" in result.output
    result = runner.invoke(app, ["rules", "show", "o 16", "--year", "2567"])
    assert "wrong_document_purchase_register_as_monthly_summary" in result.output


def test_cli_show_with_own_pack_file(tmp_path: Path) -> None:
    path = _modified_2567(tmp_path)
    result = runner.invoke(app, ["rules", "show", "O1", "--pack", str(path)])
    assert result.exit_code == 0, result.output
    assert "structure_duties" in result.output


def test_cli_show_unknown_item_exits_2() -> None:
    result = runner.invoke(app, ["rules", "show", "MOIT1", "--year", "2567"])
    assert result.exit_code == 2
    assert "MOIT1" in result.output


def test_cli_validate_bad_file_prints_paths_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (pack_dir() / "nacc-2567.yaml").read_text("utf-8")
    bad.write_text(text.replace("key: executives", "key: executives\n    colour: red", 1), "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "oit_checker", "rules", "validate", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2
    assert "items[1].colour: unknown field 'colour'" in proc.stderr
    good = runner.invoke(app, ["rules", "validate", str(pack_dir() / "nacc-2567.yaml")])
    assert good.exit_code == 0 and "nacc-2567, 33" in good.output


def test_cli_diff_years_and_files(tmp_path: Path) -> None:
    path = _modified_2567(tmp_path)
    result = runner.invoke(app, ["rules", "diff", "2567", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["added"][0]["key"] == "ita_results_development"
    result = runner.invoke(app, ["rules", "diff", "2567", str(path)])
    assert "ข้อที่รวมกัน / merged" in result.output


def test_cli_schema_prints_json_and_check_passes() -> None:
    result = runner.invoke(app, ["rules", "schema"])
    assert json.loads(result.output)["title"] == "Pack"
    assert runner.invoke(app, ["rules", "schema", "--check"]).exit_code == 0


@pytest.mark.parametrize("command", ["list", "show", "validate", "diff", "schema"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, ["rules", command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_real_diff_2568_2569_service_statistics_merged_into_e_service() -> None:
    """2569 o10 keeps the key ``e_service`` and names ``service_statistics`` in merged_from:
    the old o11 is merged, not removed."""
    d = diff_packs(get_pack(year=2568), get_pack(year=2569))
    assert "service_statistics" not in {r.key for r in d.removed}
    merged = {m.new.id: [(o.key, o.id) for o in m.old] for m in d.merged}
    assert merged["o10"] == [("e_service", "o10"), ("service_statistics", "o11")]
    assert "e_service" not in {a.key for a in d.added}


def test_merged_from_honoured_when_new_item_keeps_an_old_key(tmp_path: Path) -> None:
    """A new item that keeps its own key and lists another old key in merged_from reports a
    merge; the merged key is not listed as removed, and a merged key that also persists in
    the new pack is still shown as merged into the item that names it."""
    old = get_pack(year=2567)
    data: dict[str, Any] = yaml.safe_load((pack_dir() / "nacc-2567.yaml").read_text("utf-8"))
    data["id"] = "mod2-2567"
    items: list[dict[str, Any]] = data["items"]
    by_key = {item["key"]: item for item in items}
    by_key["e_service"]["merged_from"] = ["service_statistics"]
    by_key["contact"]["merged_from"] = ["qa"]  # qa also stays in the new pack
    items[:] = [i for i in items if i["key"] != "service_statistics"]
    new_id = {item["key"]: f"o{n:02d}" for n, item in enumerate(items, start=1)}
    old_id = {item.id: item.key for item in old.items}
    for item in items:
        item["id"] = new_id[item["key"]]
        for dep in item.get("depends_on", []):
            dep["item"] = new_id[old_id[dep["item"]]]
    path = tmp_path / "mod2-2567.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    d = diff_packs(old, load_pack(path))
    assert d.removed == [] and d.added == []
    merged = {m.new.key: [o.key for o in m.old] for m in d.merged}
    assert merged == {
        "contact": ["contact", "qa"],
        "e_service": ["e_service", "service_statistics"],
    }
    assert ("e_service", "o13", "o12") in [(r.key, r.old_id, r.new_id) for r in d.renumbered]
