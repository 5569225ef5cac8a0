"""Load the bundled packs once per session, straight from rules/ (no loader cache involved)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from oit_checker.rules.schema import Pack

RULES = Path(__file__).resolve().parents[2] / "rules"
MY_PACKS = ("nacc-2566", "nacc-2568", "nacc-2569")


def read_pack(pack_id: str) -> Pack:
    with (RULES / f"{pack_id}.yaml").open(encoding="utf-8") as fh:
        return Pack.model_validate(yaml.safe_load(fh))


@pytest.fixture(scope="session")
def packs() -> dict[str, Pack]:
    found = {p.stem for p in RULES.glob("nacc-*.yaml")}
    return {pid: read_pack(pid) for pid in sorted(found)}


@pytest.fixture(scope="session")
def p2566(packs: dict[str, Pack]) -> Pack:
    return packs["nacc-2566"]


@pytest.fixture(scope="session")
def p2568(packs: dict[str, Pack]) -> Pack:
    return packs["nacc-2568"]


@pytest.fixture(scope="session")
def p2569(packs: dict[str, Pack]) -> Pack:
    return packs["nacc-2569"]
