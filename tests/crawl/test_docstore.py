"""The scan's bounded document store: pages kept slim and re-read give the same verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import ItemResult
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack

DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "demo"


def _scan(tmp: Path, budget: int) -> list[ItemResult]:
    with FixtureServer(DEMO) as server:
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp, min_interval_s=0.0, per_host_concurrency=4
        )
        options = ScanOptions(
            crawl=config,
            extract_limits=ExtractLimits(ocr=False),
            today=date(2024, 6, 15),
            doc_budget_chars=budget,
        )
        return run_scan(get_pack(year=2567), options).report.items


def problems(result: ItemResult) -> list[str]:
    return [p.code for p in result.problems]


def _summary(items: list[ItemResult]) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (r.item_id, r.verdict.value, [urlsplit(e.url).path for e in r.evidence], problems(r))
        for r in items
    ]


def test_slim_pages_give_the_same_verdicts_evidence_and_problems(tmp_path: Path) -> None:
    whole = _scan(tmp_path / "a", 10**12)
    slim = _scan(tmp_path / "b", 0)  # every HTML page slim, read again on lookup
    assert _summary(slim) == _summary(whole)
    by_id = {r.item_id: r for r in slim}
    # The placeholder row (href="#") is found through the slim pages' kept links.
    assert by_id["o06"].verdict.value == "fail"
    assert "placeholder_link" in problems(by_id["o06"])
