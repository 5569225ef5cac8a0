"""Accuracy of the checker on fixture sites with hand-written ground truth.

Each site is a folder under ``fixtures/sites/`` served by :class:`FixtureServer` on 127.0.0.1;
its truth is ``fixtures/truth/<site>.yaml``::

    site: partial
    description: what the site models
    settings:            # optional
      year: 2567         # rule pack year
      today: 2024-06-15  # the scan's "today" (time windows), so results never drift
      ocr: true
      crawl: {max_doc_bytes: 120000}   # CrawlConfig overrides
    items:
      o07: {verdict: fail, evidence: [/ita/docs/o07-2567.pdf], problems: [wrong_year]}

``evidence`` lists URL paths (with query) of which at least one must be among the item's
evidence; ``problems`` lists codes the item must carry. Only the verdict counts towards
agreement; evidence and problem codes are reported alongside.

The site's ``_server.json`` may hold ``query_routes`` (``"/main.php?id=3": "_q/main__id-3.html"``):
legacy PHP sites address pages by query string, which a static tree cannot express.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from oit_checker.corpora import DEFAULT_CORPUS, Corpus, corpus_of
from oit_checker.crawl import CrawlConfig
from oit_checker.errors import OitCheckerError, UsageError
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import Fault, FixtureServer, Request
from oit_checker.models import ItemResult, Report, Verdict
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack

DEFAULT_SITES = DEFAULT_CORPUS.sites
DEFAULT_TRUTH = DEFAULT_CORPUS.truth
DEFAULT_BASELINE = DEFAULT_CORPUS.baseline
VERDICTS = [v.value for v in Verdict]
MISSING_CODES = {"no_evidence", "missing_elements", "months_missing"}
"""Problem codes that say "not published": wrong for an item the truth cannot decide."""


@dataclass(frozen=True)
class ItemTruth:
    verdict: str
    evidence: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class SiteTruth:
    site: str
    description: str
    year: int
    today: date | None
    ocr: bool
    crawl: dict[str, Any]
    items: dict[str, ItemTruth]


@dataclass
class ItemOutcome:
    item_id: str
    expected: ItemTruth
    verdict: str
    reason_en: str
    problems: list[str]
    evidence: list[str]

    @property
    def agrees(self) -> bool:
        return self.verdict == self.expected.verdict

    @property
    def evidence_ok(self) -> bool | None:
        if not self.expected.evidence:
            return None
        found = {unquote(e) for e in self.evidence}
        return any(unquote(e) in found for e in self.expected.evidence)

    @property
    def missing_problems(self) -> list[str]:
        return [p for p in self.expected.problems if p not in self.problems]

    @property
    def false_alarm(self) -> bool:
        """A plain fail for missing evidence where the truth is not_checked or review."""
        return (
            self.expected.verdict in ("not_checked", "review")
            and self.verdict == "fail"
            and (not self.evidence or bool(MISSING_CODES & set(self.problems)))
        )


@dataclass
class SiteOutcome:
    site: str
    items: list[ItemOutcome] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


# --------------------------------------------------------------------------- truth files


def load_truth(path: Path) -> SiteTruth:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read truth file {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), dict):
        raise UsageError(f"{path}: needs a mapping with 'items'")
    settings = data.get("settings") or {}
    items: dict[str, ItemTruth] = {}
    for item_id, raw in data["items"].items():
        raw = raw if isinstance(raw, dict) else {"verdict": raw}
        verdict = str(raw.get("verdict"))
        if verdict not in VERDICTS:
            raise UsageError(f"{path}: {item_id}: verdict must be one of {VERDICTS}")
        items[str(item_id)] = ItemTruth(
            verdict=verdict,
            evidence=tuple(raw.get("evidence") or ()),
            problems=tuple(raw.get("problems") or ()),
            note=str(raw.get("note") or ""),
        )
    today = settings.get("today")
    return SiteTruth(
        site=str(data.get("site") or path.stem),
        description=str(data.get("description") or ""),
        year=int(settings.get("year", 2567)),
        today=today if isinstance(today, date) else None,
        ocr=bool(settings.get("ocr", True)),
        crawl=dict(settings.get("crawl") or {}),
        items=items,
    )


def truth_files(truth_dir: Path, only: Sequence[str] = ()) -> list[Path]:
    files = sorted(truth_dir.glob("*.yaml"))
    if only:
        files = [f for f in files if f.stem in only]
        unknown = set(only) - {f.stem for f in files}
        if unknown:
            raise UsageError(f"no truth file for site(s): {', '.join(sorted(unknown))}")
    if not files:
        raise UsageError(f"no truth files in {truth_dir}")
    return files


# --------------------------------------------------------------------------- running


@contextmanager
def serve_site(site_dir: Path) -> Iterator[FixtureServer]:
    """Serve a fixture site, including the query-string pages of its ``query_routes``."""
    server = FixtureServer(site_dir)
    routes = {_query_key(k): v for k, v in server.config.get("query_routes", {}).items()}
    charsets = {_query_key(k): v for k, v in server.config.get("charset", {}).items()}
    if routes:

        def by_query(req: Request) -> Fault | None:
            key = _query_key(req.raw_path)
            name = routes.get(key)
            if name is None:
                return None
            charset = charsets.get(key)
            if not isinstance(charset, str):
                charset = None
            body = (site_dir / name).read_text("utf-8")
            return Fault(status=200, body=body, content_type="text/html", charset=charset)

        server.route("*", by_query)
    with server:
        yield server


def _query_key(raw: str) -> str:
    """A path with its query parameters in a canonical order (crawlers may reorder them)."""
    path, _, query = raw.partition("?")
    return path + ("?" + "&".join(sorted(query.split("&"))) if query else "")


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def scan_site(truth: SiteTruth, site_dir: Path) -> Report:
    """The real pipeline on the site served on loopback, no pause between requests."""
    pack = get_pack(year=truth.year)
    with tempfile.TemporaryDirectory(prefix="oit-eval-") as cache, serve_site(site_dir) as server:
        crawl = CrawlConfig(
            start_url=server.url,
            cache_dir=Path(cache),
            min_interval_s=0.0,
            per_host_concurrency=4,
            **truth.crawl,
        )
        outcome = run_scan(
            pack,
            ScanOptions(
                crawl=crawl, extract_limits=ExtractLimits(ocr=truth.ocr), today=truth.today
            ),
        )
    return outcome.report


def compare(truth: SiteTruth, report: Report) -> list[ItemOutcome]:
    by_id: dict[str, ItemResult] = {r.item_id: r for r in report.items}
    out = []
    for item_id, expected in truth.items.items():
        got = by_id.get(item_id)
        if got is None:
            out.append(ItemOutcome(item_id, expected, "absent", "item not in the report", [], []))
            continue
        out.append(
            ItemOutcome(
                item_id=item_id,
                expected=expected,
                verdict=got.verdict.value,
                reason_en=got.reason_en,
                problems=[p.code for p in got.problems],
                evidence=list(dict.fromkeys(_path_of(e.url) for e in got.evidence)),
            )
        )
    return out


def evaluate_one(truth_path: Path, sites_dir: Path) -> SiteOutcome:
    import time

    started = time.monotonic()
    truth = load_truth(truth_path)
    site_dir = sites_dir / truth.site
    outcome = SiteOutcome(site=truth.site)
    if not (site_dir / "index.html").is_file() and not (site_dir / "_server.json").is_file():
        outcome.error = f"site folder missing: {site_dir}"
        return outcome
    try:
        report = scan_site(truth, site_dir)
    except OitCheckerError as exc:
        # Raised in a worker process: keep it as text (some error classes do not survive
        # pickling back to the parent) and go on with the other sites.
        outcome.error = f"{type(exc).__name__}: {exc}"
        return outcome
    outcome.items = compare(truth, report)
    outcome.seconds = time.monotonic() - started
    return outcome


def evaluate(
    truth_dir: Path = DEFAULT_TRUTH,
    sites_dir: Path = DEFAULT_SITES,
    only: Sequence[str] = (),
    jobs: int | None = None,
) -> list[SiteOutcome]:
    """Scan every site that has a truth file (in parallel processes) and compare."""
    files = truth_files(truth_dir, only)
    corpus = corpus_of(sites_dir)
    if corpus is not None:
        corpus.ensure_built()
    return _run([(f, sites_dir) for f in files], jobs)


def evaluate_corpora(
    corpora: Sequence[Corpus], only: Sequence[str] = (), jobs: int | None = None
) -> dict[str, list[SiteOutcome]]:
    """Scan the sites of several corpora in one pool of processes; outcomes per corpus.

    ``only`` names sites of any of the corpora; a name found in none is a usage error."""
    known = {f.stem for c in corpora for f in c.truth.glob("*.yaml")}
    unknown = set(only) - known
    if unknown:
        raise UsageError(f"no truth file for site(s): {', '.join(sorted(unknown))}")
    work: list[tuple[str, Path, Path]] = []
    for c in corpora:
        files = [f for f in truth_files(c.truth) if not only or f.stem in only]
        if files:
            c.ensure_built()
        work += [(c.name, f, c.sites) for f in files]
    outcomes = _run([(f, sites) for _, f, sites in work], jobs)
    out: dict[str, list[SiteOutcome]] = {c.name: [] for c in corpora}
    for (name, _, _), outcome in zip(work, outcomes, strict=True):
        out[name].append(outcome)
    return {name: sites for name, sites in out.items() if sites}


def _run(work: Sequence[tuple[Path, Path]], jobs: int | None) -> list[SiteOutcome]:
    workers = max(1, min(len(work), jobs or os.cpu_count() or 1))
    if workers == 1:
        return [evaluate_one(f, sites) for f, sites in work]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(evaluate_one, [f for f, _ in work], [s for _, s in work]))


# --------------------------------------------------------------------------- metrics


@dataclass
class Metrics:
    items: int
    agree: int
    confusion: dict[str, Counter[str]]
    """expected verdict → reported verdict → count."""
    false_alarms: int
    false_fails: int
    """Reported fail where the truth is pass."""
    false_fails_undecidable: int
    """Reported fail where the truth is review or not_checked."""
    false_passes: int
    """Reported pass where the truth is not pass."""
    evidence_checked: int
    evidence_ok: int
    problems_expected: int
    problems_found: int

    @property
    def agreement(self) -> float:
        return self.agree / self.items if self.items else 0.0

    def _fail(self) -> tuple[int, int, int]:
        tp = self.confusion.get("fail", Counter())["fail"]
        reported = sum(row["fail"] for row in self.confusion.values())
        actual = sum(self.confusion.get("fail", Counter()).values())
        return tp, reported, actual

    @property
    def fail_precision(self) -> float | None:
        tp, reported, _ = self._fail()
        return tp / reported if reported else None

    @property
    def fail_recall(self) -> float | None:
        tp, _, actual = self._fail()
        return tp / actual if actual else None


def metrics(outcomes: Sequence[ItemOutcome]) -> Metrics:
    confusion: dict[str, Counter[str]] = {v: Counter() for v in VERDICTS}
    for o in outcomes:
        confusion.setdefault(o.expected.verdict, Counter())[o.verdict] += 1
    checked = [o for o in outcomes if o.evidence_ok is not None]
    return Metrics(
        items=len(outcomes),
        agree=sum(o.agrees for o in outcomes),
        confusion=confusion,
        false_alarms=sum(o.false_alarm for o in outcomes),
        false_fails=confusion.get("pass", Counter())["fail"],
        false_fails_undecidable=sum(
            confusion.get(v, Counter())["fail"] for v in ("review", "not_checked")
        ),
        false_passes=sum(row["pass"] for v, row in confusion.items() if v != "pass"),
        evidence_checked=len(checked),
        evidence_ok=sum(bool(o.evidence_ok) for o in checked),
        problems_expected=sum(len(o.expected.problems) for o in outcomes),
        problems_found=sum(len(o.expected.problems) - len(o.missing_problems) for o in outcomes),
    )


def all_items(sites: Sequence[SiteOutcome]) -> list[ItemOutcome]:
    return [o for s in sites for o in s.items]


def summary_json(sites: Sequence[SiteOutcome]) -> dict[str, Any]:
    """Figures for the baseline file and ``--json``."""

    def figures(m: Metrics) -> dict[str, Any]:
        return {
            "items": m.items,
            "agree": m.agree,
            "agreement": round(m.agreement, 4),
            "fail_precision": None if m.fail_precision is None else round(m.fail_precision, 4),
            "fail_recall": None if m.fail_recall is None else round(m.fail_recall, 4),
            "false_alarms": m.false_alarms,
            "false_fails": m.false_fails,
            "false_fails_undecidable": m.false_fails_undecidable,
            "false_passes": m.false_passes,
            "evidence_ok": f"{m.evidence_ok}/{m.evidence_checked}",
            "problems_found": f"{m.problems_found}/{m.problems_expected}",
        }

    return {
        "overall": figures(metrics(all_items(sites))),
        "sites": {s.site: figures(metrics(s.items)) for s in sites},
        "errors": {s.site: s.error for s in sites if s.error},
    }


def load_baseline(path: Path = DEFAULT_BASELINE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def problem_counts(sites: Sequence[SiteOutcome], *, disagreeing: bool = True) -> Counter[str]:
    """Problem codes the tool reported, over the items that disagree with the truth (or all)."""
    return Counter(
        code for o in all_items(sites) if not (disagreeing and o.agrees) for code in o.problems
    )


__all__ = [
    "ItemOutcome",
    "ItemTruth",
    "Metrics",
    "SiteOutcome",
    "SiteTruth",
    "all_items",
    "compare",
    "evaluate",
    "evaluate_corpora",
    "load_baseline",
    "load_truth",
    "metrics",
    "problem_counts",
    "serve_site",
    "summary_json",
]
