"""Problems found while assessing an item, and the fix and summary texts built from them.

``TEXTS`` holds user-visible sentences that are not problems (one-line reasons, specific fix
texts); they live here so that every Thai/English string of the assessment is in one place.
"""

from __future__ import annotations

from typing import Any

from oit_checker.models import Problem
from oit_checker.problems import ProblemSpec, _display, _SafeDict, make, register, spec

register(
    ProblemSpec(
        "missing_elements",
        "องค์ประกอบไม่ครบ ขาด: {missing}",
        "Required elements are missing: {missing_en}.",
    ),
    ProblemSpec(
        "no_evidence",
        "ไม่พบ{item_th}บนเว็บไซต์หลักของหน่วยงาน (ตรวจครบทุกหน้าที่เข้าถึงได้แล้ว)",
        "No {item_en} was found on the agency's main website (every reachable page was checked).",
    ),
    ProblemSpec(
        "not_found_partial",
        "ยังไม่พบ{item_th} แต่การตรวจไม่ครบทุกหน้า (ถึงขีดจำกัดหรือถูกหยุด) จึงยังสรุปไม่ได้ว่าไม่มี",
        "No {item_en} was found yet, but the crawl did not cover every page (limit reached or"
        " stopped), so this does not mean it is missing.",
    ),
    ProblemSpec(
        "partly_read",
        "ไม่พบบางรายการในส่วนที่อ่านได้ของเอกสาร ({extent}) ส่วนที่ยังไม่ได้อ่านอาจมีข้อมูลนี้ ควรเปิดตรวจด้วยตนเอง",
        "Some elements were not found in the part of the document that was read ({extent_en});"
        " the unread part may hold them, please check it by hand.",
    ),
    ProblemSpec(
        "runner_up_unread",
        "พบเอกสารอื่นที่อาจเป็นหลักฐานของข้อนี้ ({target}) แต่ตรวจไม่ได้ ({reason})"
        " จึงยังสรุปว่าไม่ผ่านไม่ได้ ควรเปิดตรวจด้วยตนเอง",
        "Another document that may be this item's evidence ({target}) could not be checked"
        " ({reason}), so the item cannot be failed yet; please check it by hand.",
    ),
    ProblemSpec(
        "related_not_fetched",
        "พบลิงก์ที่น่าจะเป็นข้อนี้ ({target}) แต่เปิดไม่ได้ ({reason}) จึงตรวจไม่ได้",
        "A link that looks like this item ({target}) could not be opened ({reason}), so the item"
        " could not be checked.",
    ),
    ProblemSpec(
        "wrong_year",
        "พบข้อมูลปีงบประมาณ {found} แต่ต้องเป็นปีงบประมาณ {required}",
        "The data is for fiscal year {found}, but fiscal year {required} is required.",
    ),
    ProblemSpec(
        "period_incomplete",
        "ข้อมูลครอบคลุมเพียง {covered} แต่ต้องครอบคลุม {required}",
        "The data covers only {covered_en}, but must cover {required_en}.",
    ),
    ProblemSpec(
        "months_missing",
        "ไม่พบข้อมูลของเดือน {missing} (พบเฉพาะ {found}) เดือนที่ไม่มีรายการต้องระบุว่าไม่มี",
        "No data for {missing_en} (found only {found_en}); a month without entries must say so.",
    ),
    ProblemSpec(
        "period_unknown",
        "ไม่พบวันที่หรือปีงบประมาณที่ชัดเจนในเอกสาร จึงตรวจไม่ได้ว่าเป็นข้อมูลช่วงเวลาใด ควรตรวจด้วยตนเอง",
        "No clear date or fiscal year was found in the document, so the period it covers could"
        " not be checked; please check it by hand.",
    ),
    ProblemSpec(
        "wrong_document",
        "เอกสารที่ลิงก์ไว้เป็น{found_th} ไม่ใช่{item_th}",
        "The linked document is {found_en}, not {item_en}.",
    ),
    ProblemSpec(
        "dependency_failed",
        "ข้อ {base} ({base_th}) ไม่ผ่าน ข้อนี้ต้องอ้างอิงข้อมูลของข้อ {base} จึงไม่ผ่านด้วย",
        "Item {base} ({base_en}) did not pass; this item builds on {base}, so it fails too.",
    ),
    ProblemSpec(
        "dependency_unchecked",
        "ข้อ {base} ({base_th}) ยังตรวจไม่ได้ จึงยังสรุปข้อนี้ไม่ได้ ควรตรวจข้อ {base} ด้วยตนเอง",
        "Item {base} ({base_en}) could not be checked, so this item cannot be decided; check"
        " {base} by hand.",
    ),
    ProblemSpec(
        "not_on_main_site",
        "ข้อมูลอยู่ที่ {host} ซึ่งไม่มีลิงก์จากเว็บไซต์หลักของหน่วยงาน ผู้ประเมินต้องเข้าถึงได้จากเว็บไซต์หลัก",
        "The data is on {host}, which is not linked from the agency's main website; assessors"
        " must be able to reach it from the main website.",
    ),
    ProblemSpec(
        "only_external",
        "พบข้อมูลเฉพาะบน {host} (โซเชียลมีเดีย) ซึ่งไม่มีลิงก์จากเว็บไซต์หลัก ไม่นับเป็นการเผยแพร่บนเว็บไซต์หลัก",
        "The data was found only on {host} (social media), which is not linked from the main"
        " website; that does not count as publishing on the main website.",
    ),
    ProblemSpec(
        "external_host_linked",
        "เอกสารอยู่บน {host} ซึ่งมีลิงก์จากเว็บไซต์หลัก ({page}) จึงยอมรับได้",
        "The document is hosted on {host} and linked from the main website ({page}); accepted.",
    ),
    ProblemSpec(
        "placeholder_link",
        'ลิงก์ "{text}" ในหน้า {page} ไม่ได้ชี้ไปยังเอกสารใด (href="{href}")',
        'The link "{text}" on {page} does not lead anywhere (href="{href}").',
    ),
    ProblemSpec(
        "dead_link",
        "ลิงก์ไปยังข้อมูลเปิดไม่ได้ ({status})",
        "The link to the data is broken ({status}).",
    ),
    ProblemSpec(
        "empty_page",
        "หน้าที่ลิงก์ไว้ไม่มีเนื้อหา หากไม่มีข้อมูลให้ระบุว่าไม่มีอย่างชัดเจน",
        "The linked page is empty; if there is nothing to publish, say so explicitly.",
    ),
    ProblemSpec(
        "label_content_mismatch",
        "ลิงก์ที่ระบุว่า {item} นำไปยังเอกสารของข้อ {other} ({other_th}) ไม่ใช่{item_th}",
        "The link labelled {item} leads to a document of item {other} ({other_en}), not {item_en}.",
    ),
    ProblemSpec(
        "login_required",
        "ต้องเข้าสู่ระบบจึงจะเห็นข้อมูล ประชาชนทั่วไปเข้าถึงไม่ได้ ควรตรวจด้วยตนเอง",
        "The data is behind a login, which the public cannot pass; please check by hand.",
    ),
    ProblemSpec(
        "js_only",
        "หน้านี้แสดงเนื้อหาด้วย JavaScript เท่านั้น เครื่องมือจึงอ่านไม่ได้ ควรเปิดตรวจด้วยตนเอง",
        "The page shows its content only with JavaScript, so it could not be read; please check"
        " it by hand.",
    ),
    ProblemSpec(
        "unreadable_document",
        "อ่านเนื้อหาเอกสารไม่ได้ครบ ({reason}) ควรเปิดตรวจด้วยตนเอง",
        "The document could not be read reliably ({reason}); please check it by hand.",
    ),
    ProblemSpec(
        "ocr_only",
        "ผลนี้อ่านจากภาพสแกน (OCR) ซึ่งอาจอ่านผิด ควรเปิดตรวจด้วยตนเอง",
        "This result rests on text read from a scan (OCR), which may be misread; please check"
        " by hand.",
    ),
    ProblemSpec(
        "image_unverified",
        "ตรวจไม่ได้ว่ามี{element}ในไฟล์ {kind} ควรเปิดตรวจด้วยตนเอง",
        "Could not verify the {element_en} inside the {kind} file; please check by hand.",
    ),
    ProblemSpec(
        "item_unknown",
        "ยังไม่ทราบเนื้อหาที่แน่ชัดของข้อนี้ในเกณฑ์ปีนี้ จึงตรวจอัตโนมัติไม่ได้",
        "The content of this item in this year's checklist is not established, so it cannot be"
        " checked automatically.",
    ),
    ProblemSpec(
        "channel_not_usable_on_page",
        'หน้านี้กล่าวถึงช่องทาง "{item_th}" แต่ไม่พบแบบฟอร์มหรือลิงก์ไปยังระบบที่ใช้งานได้ ({page})'
        " ช่องทางอาจใช้งานได้ด้วยวิธีที่หน้าเว็บไม่ได้แสดง (เช่น โทรศัพท์ หรือระบบที่ต้องเข้าสู่ระบบ)"
        " ควรตรวจด้วยตนเอง",
        'The page {page} names the channel "{item_en}" but shows no form and no link to a working'
        " system; the channel may work in a way the page does not show (a phone line, a system"
        " behind a log-in), so please check it by hand.",
    ),
    # Notes (not failures): what the checklist or the date of the run means for the verdict.
    ProblemSpec(
        "not_yet_due",
        "ณ วันที่ {as_of} ข้อมูลของ {months} ยังไม่ถึงกำหนด จึงตรวจเฉพาะเดือนที่ผ่านมาแล้ว",
        "As of {as_of_en}, data for {months_en} is not yet due; only the months already past"
        " were checked.",
    ),
    ProblemSpec(
        "element_not_yet_due",
        "ณ วันที่ {as_of} ยังไม่ถึงกำหนด: {elements} (ต้องมีหลัง {due})",
        "As of {as_of_en}, not yet due: {elements_en} (required after {due_en}).",
    ),
    ProblemSpec(
        "labelled_other_year",
        "หน้าเว็บกำกับเป็น {label_code} ({year_label}: {title_th})"
        " จึงตรวจเป็นข้อ {item_code} ของปี {year} ตามชื่อและเนื้อหา",
        "Labelled {label_code} ({year_label_en}: {title_en}); judged for {item_code} of {year}"
        " by its title and content.",
    ),
    ProblemSpec(
        "checklist_low_confidence",
        "ความเชื่อมั่นของเกณฑ์ข้อนี้: ต่ำ (สร้างจากการอนุมาน ยังไม่พบคู่มือทางการ ผลเป็นแนวทาง)",
        "Checklist confidence for this item: low (inferred, no official text found; treat the"
        " result as guidance).",
    ),
    ProblemSpec(
        "fetch_failed",
        "เปิดข้อมูลไม่ได้ ({reason}) จึงตรวจไม่ได้ ผลนี้ไม่ได้แปลว่าข้อมูลขาด",
        "The data could not be opened ({reason}), so it was not checked. This does not mean that"
        " it is missing.",
    ),
)

NOTE_CODES = frozenset(
    {
        "not_yet_due",
        "element_not_yet_due",
        "checklist_low_confidence",
        "labelled_other_year",
        # a document read only in part (oit_checker.assess.partial): shown with the verdict
        "page_limit",
        "extract_timeout",
        "ocr_pages_capped",
        "text_truncated",
    }
)
"""Codes that are notes on a verdict, not findings: every report shows them next to the item's
reason (see ``oit_checker.report._common.reason_th``)."""

TEXTS: dict[str, tuple[str, str]] = {
    "reason_pass": (
        "พบครบทุกองค์ประกอบ ({count} รายการ)",
        "All {count} required elements found",
    ),
    "reason_pass_linked": (
        "พบครบทุกองค์ประกอบ ({count} รายการ) เอกสารอยู่บน {host} ที่ลิงก์จากเว็บไซต์หลัก",
        "All {count} required elements found; the document is on {host}, linked from the site",
    ),
    "fix_person_missing": (
        "{item}: เพิ่ม{missing}ของ {person} ({position}) ให้ครบทุกคน",
        "{item}: add the {missing_en} of {person} ({position}); every listed person needs it",
    ),
    "fix_missing_elements": (
        "{item}: เพิ่ม {missing} ใน{item_th}",
        "{item}: add {missing_elements_en} to the {item_en}",
    ),
    "fix_wrong_year": (
        "{item}: เผยแพร่{item_th}ของปีงบประมาณ {required} (ที่พบเป็นของปี {found})",
        "{item}: publish the {item_en} for fiscal year {required} (the one found is for {found})",
    ),
    "fix_period_incomplete": (
        "{item}: {item_th}ครอบคลุมเพียง {covered} ควรปรับให้ครอบคลุม {required}",
        "{item}: the {item_en} covers only {covered_en}; it should cover {required_en}",
    ),
    "fix_months_missing": (
        "{item}: {item_th}มีเฉพาะ {found} ควรเผยแพร่ {missing} หรือระบุว่า{none_th}ในเดือนนั้น",
        "{item}: the {item_en} has only {found_en}; publish {missing_en} or state that there"
        " was none ({none_th}) in that month",
    ),
    "fix_wrong_document": (
        "{item}: เอกสารที่ลิงก์ไว้ไม่ใช่{item_th} ({found_th}) ให้เผยแพร่{item_th}",
        "{item}: the linked document is not the {item_en} ({found_en}); publish the {item_en}",
    ),
    "fix_dependency_failed": (
        "{item}: แก้ข้อ {base} ({base_th}) ให้ผ่านก่อน เพราะข้อนี้ต้องอ้างอิงข้อ {base}",
        "{item}: fix item {base} ({base_en}) first; this item builds on it",
    ),
    "fix_not_on_main_site": (
        "{item}: นำ{item_th}ขึ้นเว็บไซต์หลักของหน่วยงาน หรือทำลิงก์จากเว็บไซต์หลักไปยัง {url}",
        "{item}: publish the {item_en} on the main website, or link {url} from it",
    ),
    "fix_placeholder_link": (
        '{item}: ลิงก์ "{text}" ยังไม่ได้ใส่ปลายทาง ให้ชี้ไปยัง{item_th}',
        '{item}: the link "{text}" has no target; point it to the {item_en}',
    ),
    "fix_dead_link": (
        "{item}: แก้ลิงก์ {url} ที่เปิดไม่ได้ ({status})",
        "{item}: fix the broken link {url} ({status})",
    ),
    "fix_empty_page": (
        "{item}: ใส่{item_th}ในหน้า {url} หรือระบุว่าไม่มีข้อมูลอย่างชัดเจน",
        "{item}: put the {item_en} on {url}, or state explicitly that there is none",
    ),
    "fix_label_content_mismatch": (
        "{item}: ลิงก์ของข้อ {item} ชี้ไปยังเอกสารของข้อ {other} ให้แก้ให้ชี้ไปยัง{item_th}",
        "{item}: the {item} link points to the document of item {other}; point it to the {item_en}",
    ),
    "fix_channel_not_usable_on_page": (
        "{item}: หน้า {url} มีเพียงข้อความกล่าวถึง{item_th} ให้เพิ่มแบบฟอร์มที่กรอกและส่งได้จริงในหน้านั้น"
        " หรือลิงก์ไปยังระบบที่ใช้งานได้ (เช่น Google Forms, LINE Official Account หรือระบบ E-Service"
        " ของหน่วยงาน) โดยให้ข้อความของลิงก์ระบุชื่อช่องทาง",
        "{item}: the page {url} only names the {item_en}; add a form on it that can be filled"
        " in and sent, or a link to the working system (a Google Form, a LINE Official Account,"
        " the agency's e-service system) whose text names the channel",
    ),
    "fix_no_evidence": (
        "{item}: เผยแพร่{item_th}บนเว็บไซต์หลัก และทำลิงก์จากหน้า ITA/OIT ของหน่วยงาน",
        "{item}: publish the {item_en} on the main website and link it from the ITA/OIT page",
    ),
}


def text(key: str, **params: Any) -> tuple[str, str]:
    """A (Thai, English) sentence from ``TEXTS`` with ``{name}`` placeholders filled.

    English names taken from the packs ("Annual operation report") are put in lower case
    inside a sentence; acronyms ("E-Service", "Q&A") are kept.
    """
    th, en = TEXTS[key]
    values = _SafeDict({k: _display(v) for k, v in params.items()})
    english = _SafeDict({k: _mid_sentence(v) if k in _NAMES_EN else v for k, v in values.items()})
    return th.format_map(values), en.format_map(english)


_NAMES_EN = {"item_en", "found_en", "base_en", "other_en", "element_en", "missing_elements_en"}


def _mid_sentence(value: str) -> str:
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        return value[0].lower() + value[1:]
    return value


def wrong_document(code: str, url: str | None = None, **params: Any) -> Problem:
    """The problem for a wrong document: the pack's own code when the catalog knows it, else
    that code with the generic ``wrong_document`` message (the pack supplies what was found)."""
    try:
        spec(code)
    except KeyError:
        generic = make("wrong_document", url, **params)
        return generic.model_copy(update={"code": code})
    return make(code, url, **params)


__all__ = ["TEXTS", "text", "wrong_document"]
