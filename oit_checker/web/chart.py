"""The history chart as geometry for an inline SVG, one column per run (oldest left): the
score as a line in the upper panel, the passed and failed items as bars in the lower one, each
with its number written on it. Drawn by the template; readable without script and in print."""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.report import local_time
from oit_checker.store.history import RunSummary

WIDTH = 720
LEFT, RIGHT = 48, 16
SCORE_TOP, SCORE_H = 30, 110
COUNT_TOP, COUNT_H = 185, 90
HEIGHT = COUNT_TOP + COUNT_H + 36


@dataclass(frozen=True)
class Column:
    run_id: int
    x: float
    label: str
    score: float | None
    score_y: float | None
    passed: int
    failed: int
    bar_w: float
    pass_x: float
    pass_y: float
    pass_h: float
    fail_x: float
    fail_y: float
    fail_h: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    score_top: int
    score_bottom: float
    count_top: int
    count_bottom: float
    columns: list[Column]
    line: str
    """``points`` of the score polyline (runs without a score are skipped)."""
    score_grid: list[tuple[float, str]]
    count_max: int


def history_chart(runs: list[RunSummary]) -> Chart:
    """``runs`` newest first (as the history lists them); the chart reads left to right."""
    ordered = list(reversed(runs))
    step = (WIDTH - LEFT - RIGHT) / max(1, len(ordered))
    score_bottom = float(SCORE_TOP + SCORE_H)
    count_bottom = float(COUNT_TOP + COUNT_H)
    count_max = max([max(r.counts.get("pass", 0), r.counts.get("fail", 0)) for r in ordered] + [1])
    bar_w = max(2.0, min(22.0, step * 0.3))
    columns: list[Column] = []
    for index, run in enumerate(ordered):
        x = LEFT + step * (index + 0.5)
        passed, failed = run.counts.get("pass", 0), run.counts.get("fail", 0)
        pass_h = COUNT_H * passed / count_max
        fail_h = COUNT_H * failed / count_max
        score_y = None if run.score is None else score_bottom - SCORE_H * run.score / 100.0
        columns.append(
            Column(
                run_id=run.id,
                x=round(x, 1),
                label=local_time(run.started).strftime("%d/%m %H:%M"),
                score=run.score,
                score_y=None if score_y is None else round(score_y, 1),
                passed=passed,
                failed=failed,
                bar_w=round(bar_w, 1),
                pass_x=round(x - bar_w - 1, 1),
                pass_y=round(count_bottom - pass_h, 1),
                pass_h=round(pass_h, 1),
                fail_x=round(x + 1, 1),
                fail_y=round(count_bottom - fail_h, 1),
                fail_h=round(fail_h, 1),
            )
        )
    line = " ".join(f"{c.x},{c.score_y}" for c in columns if c.score_y is not None)
    grid = [(round(score_bottom - SCORE_H * v / 100.0, 1), str(v)) for v in (0, 50, 100)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=float(WIDTH - RIGHT),
        score_top=SCORE_TOP,
        score_bottom=score_bottom,
        count_top=COUNT_TOP,
        count_bottom=count_bottom,
        columns=columns,
        line=line,
        score_grid=grid,
        count_max=count_max,
    )
