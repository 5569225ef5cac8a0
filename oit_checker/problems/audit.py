"""Problems found in audit mode: what the agency submitted, URL by URL."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "no_url_submitted",
        "หน่วยงานไม่ได้ส่ง URL สำหรับข้อ {item} ({item_th}) จึงไม่มีหลักฐานให้ตรวจ",
        "The agency submitted no URL for item {item} ({item_en}), so there is no"
        " evidence to check.",
    ),
    ProblemSpec(
        "submitted_for_wrong_item",
        "URL นี้เป็นหลักฐานของข้อ {other} ({other_th}) ไม่ใช่ข้อ {item} ({item_th})",
        "This URL holds {other} evidence ({other_en}), not {item} ({item_en}).",
    ),
    ProblemSpec(
        "submitted_url_on_site",
        "URL ที่ส่งสำหรับข้อ {item}: {state_th} และอยู่บนเว็บไซต์หลักของหน่วยงาน",
        "URL submitted for {item}: {state_en}, and it is on the agency's main website.",
    ),
    ProblemSpec(
        "submitted_url_linked",
        "URL ที่ส่งสำหรับข้อ {item}: {state_th} อยู่บน {host} และมีลิงก์จากหน้า {page} ของเว็บไซต์หลัก",
        "URL submitted for {item}: {state_en}; it is on {host} and linked from the main"
        " website's page {page}.",
    ),
    ProblemSpec(
        "submitted_url_unlinked",
        "URL ที่ส่งสำหรับข้อ {item}: {state_th} อยู่บน {host} ซึ่งไม่ใช่เว็บไซต์หลัก และไม่พบลิงก์"
        "จากเว็บไซต์หลัก (ตรวจหน้าแรก หน้าที่หน้าแรกลิงก์ไป และหน้าที่ส่งมา รวม {pages} หน้า)",
        "URL submitted for {item}: {state_en}; it is on {host}, not the main website, and no"
        " link to it was found on the main website (its start page, the pages that page links"
        " to, and the submitted pages: {pages} pages).",
    ),
    ProblemSpec(
        "submitted_url_unread_site",
        "URL ที่ส่งสำหรับข้อ {item}: {state_th} อยู่บน {host} ตรวจไม่ได้ว่ามีลิงก์จากเว็บไซต์หลักหรือไม่"
        " เพราะเปิดหน้าแรกของเว็บไซต์หลักไม่ได้",
        "URL submitted for {item}: {state_en}; it is on {host}, and whether the main website"
        " links to it could not be checked because its start page could not be opened.",
    ),
    ProblemSpec(
        "submission_note",
        'หมายเหตุของหน่วยงานสำหรับข้อ {item}: "{note}"',
        'The agency\'s note for item {item}: "{note}"',
    ),
    ProblemSpec(
        "hub_without_row",
        "URL ที่ส่ง ({page}) เป็นหน้ารวมลิงก์ ITA/OIT แต่ไม่มีรายการหรือลิงก์ของข้อ {item} ({item_th})",
        "The submitted URL ({page}) is an ITA/OIT index page, but it has no row or link for item"
        " {item} ({item_en}).",
    ),
    ProblemSpec(
        "audit_scope",
        "ตรวจตามรายการที่หน่วยงานส่ง ({file}: {items} ข้อ, {urls} URL) เฉพาะ URL ที่ส่งและเอกสารที่ลิงก์จาก"
        " URL เหล่านั้น ไม่ได้ตรวจทั้งเว็บไซต์",
        "Audit of the agency's submission ({file}: {items} items, {urls} URLs): only the"
        " submitted URLs and the documents they link were checked, not the whole website.",
    ),
    ProblemSpec(
        "main_site_unread",
        "เปิดหน้าแรกของเว็บไซต์หลัก ({site}) ไม่ได้ ({reason}) จึงตรวจไม่ได้ว่า URL ที่อยู่นอกเว็บไซต์หลัก"
        "มีลิงก์จากเว็บไซต์หลักหรือไม่ ควรตรวจด้วยตนเอง",
        "The main website's start page ({site}) could not be opened ({reason}), so whether the"
        " URLs outside it are linked from it could not be checked; check by hand.",
    ),
)

TEXTS: dict[str, tuple[str, str]] = {
    "fix_no_url_submitted": (
        "{item}: ส่ง URL ของ{item_th}บนเว็บไซต์หลักของหน่วยงาน",
        "{item}: submit the URL of the {item_en} on the agency's main website",
    ),
    "fix_submitted_for_wrong_item": (
        "{item}: URL ที่ส่งเป็นของข้อ {other} ให้ส่ง URL ของ{item_th}แทน",
        "{item}: the submitted URL belongs to item {other}; submit the URL of the {item_en}",
    ),
    "fix_hub_without_row": (
        "{item}: เพิ่มลิงก์ไปยัง{item_th}ในหน้า {page} หรือส่ง URL ของ{item_th}โดยตรง",
        "{item}: link the {item_en} from {page}, or submit the URL of the {item_en} itself",
    ),
    "state_ok": ("เปิดได้ (HTTP {status})", "opened (HTTP {status})"),
    "state_failed": ("เปิดไม่ได้ ({reason})", "could not be opened ({reason})"),
    "state_unchecked": ("ไม่ได้ตรวจ ({reason})", "not checked ({reason})"),
}
"""Fix texts and URL states of audit mode, Thai and English."""


def text(key: str, **params: object) -> tuple[str, str]:
    """A Thai and English text of :data:`TEXTS` with its placeholders filled."""
    th, en = TEXTS[key]
    values = {k: str(v) for k, v in params.items()}
    english = {k: _mid_sentence(v) if k.endswith("_en") else v for k, v in values.items()}
    return th.format(**values), en.format(**english)


def _mid_sentence(name: str) -> str:
    """ "Monthly procurement summary" → "monthly …" inside a sentence; acronyms kept."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


__all__ = ["TEXTS", "text"]
