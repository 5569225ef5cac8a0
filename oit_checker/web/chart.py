"""The history chart as geometry for an inline SVG: the score as a line, pass and fail counts
as bars, one column per run (oldest left). Drawn by the template; readable without script."""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.store.history import RunSummary

WIDTH = 720
HEIGHT = 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 16, 16, 44


@dataclass(frozen=True)
class Column:
    run_id: int
    x: float
    label: str
    score: float | None
    score_y: float | None
    passed: int
    failed: int
    pass_y: float
    pass_h: float
    fail_y: float
    fail_h: float
    bar_x: float
    bar_w: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    columns: list[Column]
    line: str
    """``points`` of the score polyline (runs without a score are skipped)."""
    grid: list[tuple[float, str]]
    """y and label of the score grid lines (0, 50, 100)."""
    count_max: int


def history_chart(runs: list[RunSummary]) -> Chart:
    """``runs`` newest first (as the history lists them); the chart reads left to right."""
    ordered = list(reversed(runs))
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM
    bottom = float(HEIGHT - _BOTTOM)
    step = plot_w / max(1, len(ordered))
    count_max = max([r.counts.get("pass", 0) + r.counts.get("fail", 0) for r in ordered] + [1])
    bar_w = max(2.0, min(28.0, step * 0.5))
    columns: list[Column] = []
    for index, run in enumerate(ordered):
        x = _LEFT + step * (index + 0.5)
        passed, failed = run.counts.get("pass", 0), run.counts.get("fail", 0)
        pass_h = plot_h * passed / count_max
        fail_h = plot_h * failed / count_max
        score_y = None if run.score is None else bottom - plot_h * run.score / 100.0
        columns.append(
            Column(
                run_id=run.id,
                x=round(x, 1),
                label=run.started.strftime("%d/%m %H:%M"),
                score=run.score,
                score_y=None if score_y is None else round(score_y, 1),
                passed=passed,
                failed=failed,
                pass_y=round(bottom - pass_h, 1),
                pass_h=round(pass_h, 1),
                fail_y=round(bottom - pass_h - fail_h, 1),
                fail_h=round(fail_h, 1),
                bar_x=round(x - bar_w / 2, 1),
                bar_w=round(bar_w, 1),
            )
        )
    line = " ".join(f"{c.x},{c.score_y}" for c in columns if c.score_y is not None)
    grid = [(round(bottom - plot_h * v / 100.0, 1), str(v)) for v in (0, 50, 100)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=_LEFT,
        right=float(WIDTH - _RIGHT),
        top=_TOP,
        bottom=bottom,
        columns=columns,
        line=line,
        grid=grid,
        count_max=count_max,
    )
