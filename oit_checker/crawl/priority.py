"""The built-in link scorer for the focused crawl: evidence first, archives last.

A capped crawl of a large agency site must still reach the ITA/OIT hub page and the documents
it links. The pipeline can pass a rule-pack-aware scorer instead; this one knows only the
generic signals (ITA/OIT words, o-codes, plan/report/manual words, documents, archives).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from oit_checker.crawl.urls import looks_like_document
from oit_checker.thai.text import normalize

_HUB = re.compile(
    r"\bita\b|\boit\b|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ|เปิดเผยข้อมูล|ความโปร่งใส"
    r"|ป\.ป\.ช|ต่อต้านการทุจริต|ป้องกันการทุจริต",
    re.IGNORECASE,
)
_O_CODE = re.compile(r"(?<![a-z0-9])[oO]\s?0?([1-9]|[1-3][0-9]|4[0-3])(?![0-9])")
_EVIDENCE = re.compile(
    r"แผน|รายงาน|คู่มือ|จัดซื้อ|จัดจ้าง|งบประมาณ|ประกาศ|นโยบาย|มาตรการ|ประมวลจริยธรรม|โครงสร้าง"
    r"|ผู้บริหาร|อำนาจหน้าที่|กฎหมาย|ข้อมูลพื้นฐาน|สถิติ|ร้องเรียน|บุคลากร|ผลการดำเนินงาน"
    r"|plan|report|manual|procure|budget|annual",
    re.IGNORECASE,
)
_LOW = re.compile(
    r"calendar|ปฏิทิน|gallery|แกลเลอรี่|ภาพกิจกรรม|อัลบั้ม|album|photo|video|วีดีโอ|วิดีโอ"
    r"|ข่าวประชาสัมพันธ์|ข่าวกิจกรรม|news|event|webboard|กระดานข่าว|tag/|print|login|search"
    r"|[?&](page|start|month|year|date|day|sort)=",
    re.IGNORECASE,
)


def default_priority(url: str, anchor_text: str, context: str) -> float:
    """Higher first: ITA/OIT hub words and o-codes, then documents and evidence words."""
    text = normalize(f"{anchor_text} {context}")
    where = f"{unquote(url)} {text}"
    score = 1.0
    if _HUB.search(where):
        score += 4.0
    if _O_CODE.search(anchor_text) or _O_CODE.search(unquote(url).rsplit("/", 1)[-1]):
        score += 3.0
    if looks_like_document(url):
        score += 2.5
    if _EVIDENCE.search(where):
        score += 1.5
    if _LOW.search(unquote(url)) or _LOW.search(anchor_text):
        score -= 2.0
    return score


__all__ = ["default_priority"]
