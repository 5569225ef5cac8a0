"""Loading packs: errors name the file, the path inside it and the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from oit_checker.errors import UsageError
from oit_checker.rules import RulePackError, get_pack, load_pack, pack_dir, resolve_item_id
from tests.rules.conftest import minimal_item, minimal_pack


def _errors(path: Path) -> list[str]:
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    return info.value.errors


def test_valid_minimal_pack_loads(write_pack: Any) -> None:
    pack = load_pack(write_pack(minimal_pack()))
    assert pack.id == "test-2567"
    assert [i.id for i in pack.items] == ["o01"]
    assert pack.complete


def test_json_pack_loads(tmp_path: Path) -> None:
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(minimal_pack(), ensure_ascii=False), "utf-8")
    assert load_pack(path).year == 2567


def test_rule_pack_error_is_a_usage_error() -> None:
    assert issubclass(RulePackError, UsageError)
    assert RulePackError(["x"]).exit_code == 2


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\nitems:\n  - id: o01\n    source: a (b: c)\n", "utf-8")
    (line,) = _errors(path)
    assert "bad.yaml:4:" in line
    assert "invalid YAML" in line


def test_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("id: a\nid: b\n", "utf-8")
    (line,) = _errors(path)
    assert "dup.yaml:2:" in line and "'id' appears twice" in line


def test_unknown_field_suggests_the_right_name(write_pack: Any) -> None:
    item = minimal_item(1, "structure")
    item["titel_th"] = item.pop("title_th")
    lines = _errors(write_pack(minimal_pack(items=[item])))
    expected = "items[0].titel_th: unknown field 'titel_th'; did you mean 'title_th'?"
    assert any(expected in x for x in lines)
    assert any("items[0]: required field 'title_th' is missing" in x for x in lines)


def test_empty_recognizer_error_has_full_path_and_line(write_pack: Any) -> None:
    item = minimal_item(1, "structure")
    item["elements"][0]["recognize"] = {"min_count": 2}
    path = write_pack(minimal_pack(items=[item]))
    (line,) = _errors(path)
    assert line.startswith(f"{path}:")
    assert "items[0].elements[0].recognize: a recognizer needs at least one of" in line
    line_no = int(line.split(":")[1])
    assert "recognize" in path.read_text("utf-8").splitlines()[line_no - 1]


def test_bad_regex_is_reported(write_pack: Any) -> None:
    item = minimal_item(1, "structure")
    item["signals"] = {"url_patterns": ["(abc"]}
    (line,) = _errors(write_pack(minimal_pack(items=[item])))
    assert "items[0].signals.url_patterns: invalid regular expression '(abc'" in line


def test_duplicate_ids_and_keys_are_reported_with_paths(write_pack: Any) -> None:
    items = [minimal_item(1, "structure"), minimal_item(1, "structure")]
    lines = _errors(write_pack(minimal_pack(items=items)))
    assert any("items[1].id: duplicate item id o01 (also items[0])" in x for x in lines)
    assert any("items[1].key: duplicate item key structure (also items[0])" in x for x in lines)


def test_gap_in_numbering_is_reported(write_pack: Any) -> None:
    items = [minimal_item(1, "structure"), minimal_item(3, "contact")]
    (line,) = _errors(write_pack(minimal_pack(items=items)))
    assert "items[1].id: items must be numbered o01, o02" in line
    assert "expected o02, got o03" in line


def test_depends_on_must_exist(write_pack: Any) -> None:
    item = minimal_item(1, "structure", depends_on=[{"item": "o09", "th": "ก", "en": "a"}])
    (line,) = _errors(write_pack(minimal_pack(items=[item])))
    assert "items[0].depends_on[0].item: item o01 depends on o09, which is not in the pack" in line


def test_defined_item_without_elements_is_rejected(write_pack: Any) -> None:
    item = minimal_item(1, "structure", elements=[])
    (line,) = _errors(write_pack(minimal_pack(items=[item])))
    assert "a defined item needs at least one element" in line
    unknown = minimal_item(1, "unknown_2567_o01", elements=[], status="unknown")
    assert not load_pack(write_pack(minimal_pack(items=[unknown]), "ok.yaml")).complete


def test_wrong_fiscal_year_dates(write_pack: Any) -> None:
    data = minimal_pack()
    data["fiscal_year_start"] = "2023-01-01"
    (line,) = _errors(write_pack(data))
    assert "fiscal_year_start must be 2023-10-01" in line


def test_unknown_problem_code_is_reported(write_pack: Any) -> None:
    wrong = {
        "id": "reg",
        "problem_code": "wrong_document_purchase_register_as_plam",
        "th": "ทะเบียนคุม",
        "en": "register",
        "recognize": {"any_of": ["ทะเบียนคุม"]},
    }
    item = minimal_item(1, "procurement_plan", wrong_documents=[wrong])
    (line,) = _errors(write_pack(minimal_pack(items=[item])))
    assert "items[0].wrong_documents[0].problem_code: unknown problem code" in line
    assert "did you mean 'wrong_document_purchase_register_as_plan'?" in line


def test_problem_code_needs_prefix(write_pack: Any) -> None:
    wrong = {
        "id": "reg",
        "problem_code": "timeout",
        "th": "ก",
        "en": "a",
        "recognize": {"any_of": ["ก"]},
    }
    item = minimal_item(1, "procurement_plan", wrong_documents=[wrong])
    (line,) = _errors(write_pack(minimal_pack(items=[item])))
    assert "problem_code must start with 'wrong_document_'" in line


def test_missing_file(tmp_path: Path) -> None:
    (line,) = _errors(tmp_path / "nope.yaml")
    assert "nope.yaml: cannot read the rule pack" in line


def test_pack_dir_is_the_checkout_rules_folder() -> None:
    assert pack_dir() == Path(__file__).resolve().parents[2] / "rules"
    assert (pack_dir() / "nacc-2567.yaml").is_file()


def test_year_picks_that_pack_and_unknown_year_is_a_clear_error() -> None:
    assert get_pack(year=2567).id == "nacc-2567"
    with pytest.raises(RulePackError) as info:
        get_pack(year=2599)
    assert "2599" in str(info.value) and "2567" in str(info.value)


def test_pack_file_wins_over_year(write_pack: Any) -> None:
    path = write_pack(minimal_pack(year=2570))
    assert get_pack(year=2567, pack_file=path).id == "test-2570"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("O1", "o01"),
        ("o1", "o01"),
        ("o01", "o01"),
        ("O01", "o01"),
        ("o 16", "o16"),
        ("O-16", "o16"),
        ("o_16", "o16"),
        ("021", "o21"),
        ("0 21", "o21"),
        ("OIT1", "o01"),
        ("OIT 21", "o21"),
        ("ข้อ o1", "o01"),
        ("ข้อ O33", "o33"),
        ("๑๖", "o16"),
        ("o๑๖", "o16"),
        ("16", "o16"),
        ("procurement_plan", "o14"),
        ("o34", None),
        ("MOIT1", None),
        ("EB1", None),
        ("", None),
        ("โครงสร้าง", None),
    ],
)
def test_resolve_item_id(code: str, expected: str | None) -> None:
    assert resolve_item_id(code, get_pack(year=2567)) == expected


def test_resolve_item_id_uses_aliases(write_pack: Any) -> None:
    item = minimal_item(1, "structure", aliases=["S-1"])
    pack = load_pack(write_pack(minimal_pack(items=[item])))
    assert resolve_item_id("s-1", pack) == "o01"
