"""Problems of the ``image_text`` reading path: images read with OCR (organisation charts,
executive boards, announcements posted as pictures), standalone or inside an item's page.

Like the extract codes, these go into ``Document.review_reason`` / ``warnings`` and take no
parameters.
"""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "image_unreadable",
        "ภาพนี้มีข้อความแต่อ่านด้วย OCR ได้ไม่ชัดพอ (ภาพเล็ก เบลอ หรือตัวอักษรไม่ชัด) จึงตัดสินจากภาพนี้ไม่ได้"
        " ควรเปิดตรวจด้วยตนเอง และควรเผยแพร่ข้อมูลเป็นข้อความหรือไฟล์ที่มีข้อความด้วย",
        "This image holds text that OCR could not read well enough (small, blurred or unclear"
        " letters), so nothing is decided from it; please check it by hand, and publish the data"
        " as text or a text file as well.",
    ),
    ProblemSpec(
        "image_too_large",
        "ภาพนี้ใหญ่เกินขีดจำกัดที่ตั้งไว้ (ขนาดไฟล์หรือจำนวนพิกเซล) จึงไม่ได้อ่าน ควรเปิดตรวจด้วยตนเอง",
        "This image is over the configured limits (file size or pixel count), so it was not"
        " read; please check it by hand.",
    ),
    ProblemSpec(
        "image_ocr_timeout",
        "อ่านข้อความในภาพนี้ด้วย OCR นานเกินเวลาที่กำหนด จึงไม่ได้อ่าน ควรเปิดตรวจด้วยตนเอง",
        "Reading this image by OCR took longer than the time limit, so it was not read; please"
        " check it by hand.",
    ),
    ProblemSpec(
        "image_no_ocr",
        "ข้อมูลนี้เป็นภาพ และไม่ได้อ่านด้วย OCR (ปิดอยู่หรือไม่ได้ติดตั้ง tesseract ภาษาไทย) ควรเปิดตรวจด้วยตนเอง",
        "This is an image and OCR was not run (disabled, or tesseract with Thai is not"
        " installed); please check it by hand.",
    ),
    ProblemSpec(
        "image_no_text",
        "ไม่พบข้อความในภาพนี้ (เช่น ภาพถ่าย)",
        "No text was found in this image (e.g. a photo).",
    ),
    ProblemSpec(
        "image_over_cap",
        "ภาพนี้เป็นเนื้อหาของหน้าที่ตรวจ แต่ไม่ได้อ่านเพราะเกินจำนวนภาพที่อ่านด้วย OCR ได้ต่อเว็บไซต์ (ขีดจำกัดที่ตั้งไว้)"
        " ข้อมูลที่ขาดอาจอยู่ในภาพ ควรเปิดตรวจด้วยตนเอง",
        "This image is content of a checked page but was not read: over the number of images"
        " read by OCR per site (configured limit). The missing data may be in it; please check"
        " by hand.",
    ),
)
