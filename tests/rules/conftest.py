"""Shared helpers: a small valid pack written to tmp_path, and the repository's pack files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from oit_checker.rules.loader import pack_dir


def minimal_item(number: int, key: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": f"o{number:02d}",
        "key": key,
        "title_th": f"หัวข้อ {key}",
        "title_en": f"Topic {key}",
        "indicator": "9 การเปิดเผยข้อมูล",
        "sub_indicator": "9.1 ข้อมูลพื้นฐาน",
        "elements": [
            {"id": "main", "th": "ข้อมูลหลัก", "en": "main data", "recognize": {"any_of": [key]}}
        ],
        "remediation": {"th": "เผยแพร่ข้อมูล", "en": "Publish it"},
        "provenance": {"confidence": "M", "source": "test"},
    }
    item.update(extra)
    return item


def minimal_pack(year: int = 2567, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    ce = year - 543
    return {
        "id": f"test-{year}",
        "scheme": "nacc",
        "year": year,
        "fiscal_year_start": f"{ce - 1}-10-01",
        "fiscal_year_end": f"{ce}-09-30",
        "status": "reconstructed",
        "title_th": "ชุดทดสอบ",
        "title_en": "Test pack",
        "items": items if items is not None else [minimal_item(1, "structure")],
    }


@pytest.fixture
def write_pack(tmp_path: Path) -> Any:
    def _write(data: dict[str, Any], name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    return _write


def repo_pack_files() -> list[Path]:
    return sorted(p for p in pack_dir().glob("*.yaml"))
