"""Notes about the run itself: ignore entries from the config file."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "item_ignored",
        "ข้อนี้ได้รับการยกเว้นตามไฟล์ตั้งค่าถึงวันที่ {expires}: {reason} ผลการตรวจยังแสดงตามจริง"
        " แต่ไม่นับในรหัสออก (exit code)",
        "This item is ignored by the config file until {expires}: {reason}. The verdict is still"
        " shown but does not count towards the exit code.",
    ),
    ProblemSpec(
        "ignore_expired",
        "การยกเว้นข้อ {item} ในไฟล์ตั้งค่า ({reason}) หมดอายุแล้วเมื่อ {expires} จึงไม่ใช้อีก"
        " ให้แก้ไขข้อนี้หรือต่ออายุการยกเว้น",
        "The config file's ignore entry for item {item} ({reason}) expired on {expires} and is no"
        " longer applied; fix the item or renew the entry.",
    ),
    ProblemSpec(
        "ignore_unknown_item",
        "ไฟล์ตั้งค่ายกเว้นข้อ {item} แต่เกณฑ์ชุดนี้ไม่มีข้อดังกล่าว",
        "The config file ignores item {item}, but this checklist has no such item.",
    ),
)
