"""Which checklist a run uses when none is asked for: the one the agency is preparing for.

The ITA of year N (พ.ศ.) assesses fiscal year N, which starts on 1 October of N−1; agencies
prepare their OIT data from that day on, and the NACC collects it around March–April of N. So,
from 1 October of พ.ศ. N−1 on, a run without ``--year`` checks against ITA N, with the best pack
of that year (an official copy before a reconstruction, a reconstruction before an expected
list). Until a pack for N exists, the newest earlier year is used, and the reason says so.

The day is the Thai calendar day (Asia/Bangkok): a run at 23:30 UTC on 30 September is already
1 October in Thailand. ``OIT_CHECKER_TODAY=YYYY-MM-DD`` sets the day for a whole run (to check
"as of" a date, and for tests with fixed dates).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from oit_checker.rules.loader import (
    _STATUS_RANK,
    PackInfo,
    RulePackError,
    available_packs,
)
from oit_checker.rules.schema import Pack, PackStatus
from oit_checker.thai.dates import fiscal_year, thai_short_date

THAI_TIME = ZoneInfo("Asia/Bangkok")
TODAY_ENV = "OIT_CHECKER_TODAY"


def run_date() -> date:
    """The day of the run: ``OIT_CHECKER_TODAY`` if set, else today in Thailand."""
    value = os.environ.get(TODAY_ENV, "").strip()
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise RulePackError(
                [f"{TODAY_ENV}={value!r}: ต้องเป็นวันที่แบบ YYYY-MM-DD / must be a date YYYY-MM-DD"]
            ) from None
    return datetime.now(THAI_TIME).date()


def assessment_year(today: date) -> int:
    """The ITA year (พ.ศ.) an agency prepares for on ``today``: from 1 October of N−1, N.

    >>> assessment_year(date(2026, 9, 30)), assessment_year(date(2026, 10, 1))
    (2569, 2570)
    """
    return fiscal_year(today)


@dataclass(frozen=True)
class DefaultPack:
    """The checklist a run uses without ``--year``/``--pack``, and why (Thai, English)."""

    info: PackInfo
    today: date
    assessment_year: int
    reason_th: str
    reason_en: str


def default_pack(
    today: date | None = None, scheme: str = "nacc", directory: Path | None = None
) -> DefaultPack:
    """The pack a run without ``--year`` uses on ``today`` (default :func:`run_date`).

    ITA N from 1 October of พ.ศ. N−1 on; among the packs of year N the best status wins
    (official, then reconstructed, then provisional). Without a pack for N, the newest earlier
    year. Raises :class:`RulePackError` when the scheme has no usable pack at all.
    """
    day = today or run_date()
    wanted = assessment_year(day)
    infos = [
        i
        for i in available_packs(directory)
        if i.error is None and i.scheme == scheme and i.year is not None
    ]
    if not infos:
        raise RulePackError(
            [f"ไม่มีชุดเกณฑ์ {scheme} ที่ใช้ได้ / no usable {scheme} rule pack; use --pack"]
        )
    same = [i for i in infos if i.year == wanted]
    earlier = [i for i in infos if i.year is not None and i.year < wanted]
    pool = same or earlier or infos
    year = max(i.year or 0 for i in pool) if not same else wanted
    best = min(
        (i for i in pool if i.year == year),
        key=lambda i: (_STATUS_RANK.get(i.status or PackStatus.PROVISIONAL, 9), i.path.name),
    )
    start = date(day.year if day.month >= 10 else day.year - 1, 10, 1)
    when_th = f"ณ วันที่ {thai_short_date(day)} หน่วยงานกำลังเตรียมข้อมูลสำหรับการประเมิน ITA {wanted}"
    when_th += f" (ปีงบประมาณ {wanted} เริ่ม {thai_short_date(start)})"
    when_en = (
        f"on {day.isoformat()} agencies are preparing for ITA {wanted}"
        f" (fiscal year {wanted} began on {start.isoformat()})"
    )
    if same:
        reason_th = f"{when_th} จึงใช้ชุดเกณฑ์ล่าสุดของปีนั้น ({best.id}, {best.status})"
        reason_en = f"{when_en}, so its newest pack is used ({best.id}, {best.status})"
    else:
        reason_th = f"{when_th} แต่ยังไม่มีชุดเกณฑ์ของปี {wanted} จึงใช้ชุดเกณฑ์ล่าสุดที่มี ({best.id})"
        reason_en = (
            f"{when_en}, but there is no pack for {wanted} yet: the newest one is used ({best.id})"
        )
    return DefaultPack(
        info=best, today=day, assessment_year=wanted, reason_th=reason_th, reason_en=reason_en
    )


def choice_reason(pack: Pack, today: date | None = None) -> tuple[str, str]:
    """Why a run uses ``pack`` (Thai, English): the calendar default, or chosen by the user."""
    try:
        chosen = default_pack(today, scheme=pack.scheme)
    except RulePackError:
        chosen = None
    if chosen is not None and chosen.info.id == pack.id:
        return (
            f"ค่าเริ่มต้นตามปฏิทิน: {chosen.reason_th}",
            f"Calendar default: {chosen.reason_en}",
        )
    th = f"ไม่ใช่ค่าเริ่มต้นตามปฏิทิน เลือกด้วย --year, --pack หรือคำสั่งที่ใช้ (เช่น demo): {pack.id}"
    en = f"Not the calendar default; chosen by --year, --pack or the command (e.g. demo): {pack.id}"
    if chosen is not None:
        th += f" (ค่าเริ่มต้น ณ วันที่ {thai_short_date(chosen.today)} คือ {chosen.info.id})"
        en += f" (the default on {chosen.today.isoformat()} is {chosen.info.id})"
    return th, en


__all__ = [
    "TODAY_ENV",
    "DefaultPack",
    "assessment_year",
    "choice_reason",
    "default_pack",
    "run_date",
]
