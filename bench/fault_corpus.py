"""The fault corpus: each fault served on 127.0.0.1, one run of the real command each.

    .venv/bin/python bench/fault_corpus.py [--max-time 30] [--only NAME ...]

A small agency site (start page, an ITA page, a few documents) links the faulty resource with
an item's anchor text, so that the fault lands on an item. Each case runs ``oit-checker scan``
(or ``audit`` / ``batch``) in a child process with ``--max-time``; the table shows what the
report says about the faulty resource (the verdict of the item it was a candidate of and the
problem code, or the site finding), the exit code, wall time and the child's peak memory.

A case is *handled* when: the exit code is one the case allows, nothing printed a traceback,
the faulty resource is never the reason for a ``fail`` unless the case says a fail is right
(a dead link), every message of the report reads as a sentence (no ``{placeholder}``, no doubled
word), the run ended within its --max-time plus 10 % (plus the tool's start-up), and its peak
memory stayed under 1 GB. A *crash* is an exit code outside 0–3 or a traceback; a *hang* is a
run killed after twice its --max-time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._faults import CASES, FaultCase  # noqa: E402
from oit_checker.fixture_server import FixtureServer  # noqa: E402

_DOUBLED = re.compile(r"\b([a-z]{2,})\s+\1\b")
"""A word said twice ("bytes bytes"); lower case only: "No No Gift Policy" is a name."""
_START_UP_S = 6.0
"""Interpreter, imports, pack loading and report writing around the crawl's own --max-time."""
_MEMORY_LIMIT_MB = 1024


@dataclass
class Run:
    case: FaultCase
    code: int | None
    wall_s: float
    rss_mb: int
    stderr: str
    report: dict[str, Any] | None
    out: Path
    base: str
    notes: list[str] = field(default_factory=list)

    @property
    def crashed(self) -> bool:
        return self.code is not None and (
            self.code not in (0, 1, 2, 3) or "Traceback" in self.stderr
        )

    @property
    def hung(self) -> bool:
        return self.code is None


def _child(cmd: list[str], cwd: Path, limit_s: float) -> tuple[int | None, float, int, str]:
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"},
        )
        code: int | None = None
        rss_kb = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                rss_kb = usage.ru_maxrss
                break
            if time.monotonic() - started > limit_s:
                proc.kill()
                _pid, _status, usage = os.wait4(proc.pid, 0)
                rss_kb = usage.ru_maxrss
                break
            time.sleep(0.05)
        proc.returncode = code if code is not None else -9
        wall = time.monotonic() - started
        err.seek(0)
        text = err.read().decode("utf-8", errors="replace")
    return code, wall, rss_kb // 1024, text


def run_case(case: FaultCase, max_time: float, work: Path) -> Run:
    site = work / "site"
    case.build(site)
    out = work / "out"
    with FixtureServer(site) as server:
        case.serve(server)
        args = case.command(server, work, out, max_time)
        cmd = [sys.executable, "-m", "oit_checker", *args]
        code, wall, rss, stderr = _child(cmd, work, 2 * max_time + 60)
        base = server.url
    report = None
    path = out / "oit-report.json"
    if path.is_file():
        report = json.loads(path.read_text("utf-8"))
    run = Run(case, code, wall, rss, stderr, report, out, base)
    run.notes = _judge(run, max_time)
    return run


def _messages(report: dict[str, Any]) -> list[str]:
    found: list[str] = []
    problems = list(report.get("site_findings", []))
    for item in report.get("items", []):
        problems += item.get("problems", [])
        found += [item.get("reason_th", ""), item.get("reason_en", "")]
    for p in problems:
        found += [p.get("message_th", ""), p.get("message_en", "")]
    return [m for m in found if m]


def _judge(run: Run, max_time: float) -> list[str]:
    notes: list[str] = []
    case = run.case
    if run.hung:
        return ["hang"]
    if run.crashed:
        return [f"crash (exit {run.code})"]
    if run.code not in case.exits:
        notes.append(f"exit {run.code}, expected {sorted(case.exits)}")
    if run.wall_s > max_time * 1.1 + _START_UP_S:
        notes.append(f"over --max-time ({run.wall_s:.0f} s)")
    if run.rss_mb > _MEMORY_LIMIT_MB:
        notes.append(f"over 1 GB ({run.rss_mb} MB)")
    if case.mode != "batch":
        if run.report is None:
            notes.append("no report")
            return notes
        for message in _messages(run.report):
            if "{" in message or _DOUBLED.search(message):
                notes.append(f"garbled: {message[:80]}")
                break
        verdict, _code = _fault_verdict(run.report, case.target(run.base))
        if verdict == "fail" and not case.fail_ok:
            notes.append("the fault made an item fail")
    extra = case.check(run) if case.check else None
    if extra:
        notes.append(extra)
    return notes


def _fault_verdict(report: dict[str, Any], target: str) -> tuple[str, str]:
    """The verdict and first problem of the item the faulty resource was a candidate of."""
    if target:
        for item in report.get("items", []):
            urls = {c.get("url") for c in item.get("candidates", [])}
            urls |= {e.get("url") for e in item.get("evidence", [])}
            urls |= {p.get("url") for p in item.get("problems", [])}
            if target in urls:
                codes = [p["code"] for p in item.get("problems", [])]
                return item["verdict"], codes[0] if codes else ""
    return "", ""


def _finding(run: Run) -> str:
    if run.case.mode == "batch":
        return run.case.describe(run) if run.case.describe else ""
    if run.report is None:
        return "(no report)"
    verdict, code = _fault_verdict(run.report, run.case.target(run.base))
    if verdict:
        return f"{verdict}: {code}"
    findings = [f["code"] for f in run.report.get("site_findings", [])]
    score = run.report.get("summary", {}).get("score")
    head = "site" if score is None else f"score {score:g}"
    return f"{head}: {', '.join(dict.fromkeys(findings)) or 'no finding'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--max-time", type=float, default=30.0)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    print(f"{'fault':34} {'verdict / finding':44} {'exit':>4} {'wall s':>7} {'peak MB':>8}  note")
    handled = crashes = hangs = 0
    started = time.monotonic()
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="oit-fault-") as tmp:
            run = run_case(case, args.max_time, Path(tmp))
            finding = _finding(run) if not run.hung else "(killed)"
        ok = not run.notes
        handled += ok
        crashes += run.crashed
        hangs += run.hung
        code = "-" if run.code is None else str(run.code)
        note = "; ".join(run.notes) or "handled"
        print(
            f"{case.name:34} {finding[:44]:44} {code:>4} {run.wall_s:7.1f} {run.rss_mb:8d}  {note}",
            flush=True,
        )
    print(
        f"\n{len(cases)} faults, {handled} handled, {crashes} crashes, {hangs} hangs"
        f" ({time.monotonic() - started:.0f} s; --max-time {args.max_time:g} s each)"
    )
    return 0 if handled == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
