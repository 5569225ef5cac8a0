"""Problems of statistics whose figures are not written: a blank cell is not a zero."""

from __future__ import annotations

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "statistics_blank",
        "ตารางสถิติมีแต่หัวตารางและช่องที่เว้นว่าง ไม่มีตัวเลข ({element}) ช่องว่างไม่ถือว่าเป็น 0:"
        ' ให้กรอกตัวเลขทุกช่อง (ถ้าไม่มีให้ใส่ 0) หรือเขียนข้อความว่าไม่มี เช่น "ไม่มีเรื่องร้องเรียน"',
        "The statistics table has headers and blank cells but no figures ({element_en}). A blank"
        " is not a zero: fill in every cell (0 where there was none) or state it, e.g."
        ' "ไม่มีเรื่องร้องเรียน" (no complaints).',
    ),
)
