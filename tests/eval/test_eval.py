"""The accuracy evaluation on the fixture corpora: real sites on 127.0.0.1, the real pipeline.

Fails when verdict agreement of a corpus drops below the level recorded in its baseline
(``fixtures/eval-baseline.json`` for ``main``, ``fixtures/eval-baseline-cms.json`` for ``cms``;
update it with ``oit-checker eval --corpus NAME --write-baseline`` after a deliberate
improvement) or when an item the truth cannot decide (not_checked/review) is reported as a plain
fail more often than recorded (never, on ``main``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from oit_checker.cli import app
from oit_checker.corpora import CORPORA
from oit_checker.errors import UsageError
from oit_checker.evaluate import (
    DEFAULT_SITES,
    DEFAULT_TRUTH,
    ItemOutcome,
    ItemTruth,
    SiteOutcome,
    all_items,
    evaluate,
    evaluate_corpora,
    load_baseline,
    load_truth,
    metrics,
    serve_site,
)
from oit_checker.rules.loader import get_pack

CMS = CORPORA["cms"]


@pytest.fixture(scope="module")
def outcomes() -> list[SiteOutcome]:
    return evaluate(DEFAULT_TRUTH, DEFAULT_SITES, jobs=2)


def test_corpus_has_eight_sites_besides_demo_each_with_truth_for_every_item() -> None:
    files = sorted(DEFAULT_TRUTH.glob("*.yaml"))
    names = {f.stem for f in files}
    assert len(names - {"demo"}) >= 8
    for f in files:
        truth = load_truth(f)
        count = 26 if truth.year in (2568, 2569) else 33
        assert len(truth.items) == count, f.name


@pytest.fixture(scope="module")
def cms_outcomes() -> list[SiteOutcome]:
    return evaluate(CMS.truth, CMS.sites, jobs=2)


def test_cms_corpus_has_a_site_per_builder_each_with_truth_for_every_item_of_its_pack() -> None:
    import sys

    sys.path.insert(0, str(CMS.sites.parent.parent))
    from fixtures import build_cms

    files = sorted(CMS.truth.glob("*.yaml"))
    assert {f.stem for f in files} == set(build_cms.names())
    assert len(files) >= 5
    for f in files:
        truth = load_truth(f)
        assert set(truth.items) == {i.id for i in get_pack(year=truth.year).items}, f.name
        assert truth.today is not None, f"{f.name}: settings.today keeps the windows fixed"


def test_cms_agreement_and_false_alarms_not_worse_than_baseline(
    cms_outcomes: list[SiteOutcome],
) -> None:
    assert not [s.error for s in cms_outcomes if s.error]
    m = metrics(all_items(cms_outcomes))
    recorded = load_baseline(CMS.baseline)["overall"]
    assert m.items == recorded["items"]
    assert m.agree >= recorded["agree"], [
        (s.site, o.item_id, o.verdict, o.expected.verdict)
        for s in cms_outcomes
        for o in s.items
        if not o.agrees
    ]
    assert m.false_alarms <= recorded["false_alarms"]


def test_eval_reports_each_corpus_on_its_own_and_picks_one_with_corpus() -> None:
    site = sorted(CMS.truth.glob("*.yaml"))[0].stem
    result = CliRunner().invoke(app, ["eval", "--corpus", "cms", "--site", site, "--json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    assert list(data["corpora"]) == ["cms"]
    figures = data["corpora"]["cms"]["overall"]
    for key in ("agreement", "false_fails", "false_fails_undecidable", "false_passes"):
        assert key in figures
    assert list(data["corpora"]["cms"]["sites"]) == [site]


def test_a_site_of_no_corpus_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        evaluate_corpora(list(CORPORA.values()), only=["no-such-site"])


def test_agreement_not_below_baseline(outcomes: list[SiteOutcome]) -> None:
    assert not [s.error for s in outcomes if s.error]
    m = metrics(all_items(outcomes))
    recorded = load_baseline()["overall"]
    assert m.items == recorded["items"]
    assert m.agree >= recorded["agree"], [
        (s.site, o.item_id, o.verdict, o.expected.verdict)
        for s in outcomes
        for o in s.items
        if not o.agrees
    ]


def test_no_false_alarm_where_truth_cannot_decide(outcomes: list[SiteOutcome]) -> None:
    alarms = [(s.site, o.item_id, o.reason_en) for s in outcomes for o in s.items if o.false_alarm]
    assert alarms == []


def test_broken_site_faults_are_never_missing(outcomes: list[SiteOutcome]) -> None:
    broken = next(s for s in outcomes if s.site == "broken")
    verdicts = {o.item_id: o.verdict for o in broken.items}
    assert verdicts["o28"] == verdicts["o30"] == "not_checked"  # robots.txt
    assert verdicts["o31"] in ("not_checked", "review")  # over the size cap
    assert verdicts["o06"] == "fail"  # href="#"


def test_query_routes_serve_legacy_pages_in_tis620() -> None:
    import httpx

    with serve_site(DEFAULT_SITES / "muni-legacy") as server:
        r = httpx.get(server.url_for("main.php?id=11&mod=content"))  # parameters reordered
        assert r.status_code == 200
        assert "tis-620" in r.headers["content-type"]
        assert "โครงสร้าง".encode("tis-620") in r.content
        assert httpx.get(server.url_for("main.php?mod=content&id=999")).status_code == 404


def test_bad_truth_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text(yaml.safe_dump({"items": {"o01": {"verdict": "passed"}}}), "utf-8")
    with pytest.raises(UsageError):
        load_truth(bad)


def _outcome(item: str, truth: str, tool: str, codes: list[str] | None = None) -> ItemOutcome:
    return ItemOutcome(item, ItemTruth(truth), tool, "", codes or [], [])


def test_metrics_precision_recall_and_false_alarms() -> None:
    items = [
        _outcome("o01", "fail", "fail"),
        _outcome("o02", "fail", "pass"),
        _outcome("o03", "pass", "fail"),
        _outcome("o04", "pass", "pass"),
        _outcome("o05", "not_checked", "fail", ["no_evidence"]),
        _outcome("o06", "review", "review"),
    ]
    m = metrics(items)
    assert (m.items, m.agree) == (6, 3)
    assert m.fail_precision == pytest.approx(1 / 3)  # 1 of 3 reported fails is a real fail
    assert m.fail_recall == pytest.approx(1 / 2)  # 1 of 2 real fails found
    assert m.false_alarms == 1
    assert m.confusion["pass"]["fail"] == 1 and m.confusion["not_checked"]["fail"] == 1


def test_unknown_site_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        evaluate(DEFAULT_TRUTH, DEFAULT_SITES, only=["no-such-site"])


def _digests(root: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_cms_corpus_is_rebuilt_byte_for_byte_and_its_committed_pages_are_current(
    tmp_path: Path,
) -> None:
    import sys

    sys.path.insert(0, str(CMS.sites.parent.parent))
    from fixtures import build_cms

    build_cms.build(sites_dir=tmp_path / "a")
    build_cms.build(sites_dir=tmp_path / "b")
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert first == second
    binaries = {k for k in first if k.endswith((".pdf", ".xlsx", ".png", ".jpg"))}
    assert len(binaries) > 100
    committed = _digests(CMS.sites)
    pages = {
        k: v for k, v in first.items() if k not in binaries and not k.endswith(".corpus-stamp")
    }
    stale = sorted(k for k, v in pages.items() if committed.get(k) != v)
    assert stale == [], "run .venv/bin/python fixtures/build_cms.py and commit the pages"
