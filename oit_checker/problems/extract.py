"""Problems found while reading a fetched file: the text could not be read, or not all of it.

These codes go into ``Document.review_reason`` (the file as a whole could not be read
reliably: the item is ``review``, never "missing") and ``Document.warnings`` (something was
skipped or capped). Messages take no parameters, so ``make(code, url)`` always reads well.
"""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "scanned_no_ocr",
        "ไฟล์นี้เป็นภาพสแกนที่ไม่มีข้อความให้อ่าน และไม่ได้อ่านด้วย OCR (ปิดอยู่หรือไม่ได้ติดตั้ง"
        " tesseract ภาษาไทย) ควรเปิดตรวจด้วยตนเอง และควรเผยแพร่เป็นไฟล์ที่มีข้อความ",
        "This file is a scanned image with no text layer and OCR was not run (disabled, or"
        " tesseract with Thai is not installed); please check it by hand, and publish a file with"
        " real text.",
    ),
    ProblemSpec(
        "scanned_ocr_failed",
        "ไฟล์นี้เป็นภาพสแกน และอ่านด้วย OCR ไม่สำเร็จ ควรเปิดตรวจด้วยตนเอง",
        "This file is a scanned image and OCR could not read it; please check it by hand.",
    ),
    ProblemSpec(
        "ocr_used",
        "ข้อความของไฟล์นี้อ่านจากภาพสแกนด้วย OCR อาจมีคำที่อ่านผิด",
        "The text of this file was read from a scanned image by OCR and may contain misread words.",
    ),
    ProblemSpec(
        "ocr_pages_capped",
        "อ่านด้วย OCR เฉพาะหน้าแรก ๆ ตามขีดจำกัดที่ตั้งไว้ หน้าที่เหลือไม่ได้อ่าน",
        "Only the first pages were read by OCR (configured limit); the other pages were not read.",
    ),
    ProblemSpec(
        "pdf_encrypted",
        "ไฟล์ PDF นี้ตั้งรหัสผ่านไว้ จึงเปิดอ่านไม่ได้ ผู้ประเมินและประชาชนก็เปิดไม่ได้เช่นกัน ควรเผยแพร่ไฟล์ที่ไม่ใส่รหัสผ่าน",
        "This PDF is password-protected and could not be opened; assessors and the public cannot"
        " open it either. Publish it without a password.",
    ),
    ProblemSpec(
        "pdf_broken",
        "ไฟล์ PDF นี้เสียหายหรือไม่สมบูรณ์ (อาจอัปโหลดไม่ครบ) อ่านได้ไม่ครบหรืออ่านไม่ได้",
        "This PDF is damaged or incomplete (perhaps a failed upload); it could not be read in"
        " full.",
    ),
    ProblemSpec(
        "unreadable_file",
        "เปิดอ่านไฟล์นี้ไม่ได้ (ไฟล์เสียหายหรือรูปแบบไม่ถูกต้อง) ควรเปิดตรวจด้วยตนเอง",
        "This file could not be opened (damaged or not in the expected format); please check it"
        " by hand.",
    ),
    ProblemSpec(
        "empty_file",
        "ไฟล์ว่างเปล่า (0 ไบต์)",
        "The file is empty (0 bytes).",
    ),
    ProblemSpec(
        "truncated_file",
        "ไฟล์ใหญ่เกินขนาดที่ตั้งไว้จึงดาวน์โหลดมาไม่ครบ อ่านได้เพียงบางส่วน",
        "The file is larger than the configured limit and was downloaded only in part.",
    ),
    ProblemSpec(
        "deep_nesting",
        "หน้านี้ซ้อนแท็กลึกผิดปกติ (หลายร้อยชั้น) ส่วนที่ซ้อนลึกเกินจึงอ่านเป็นข้อความต่อกันโดยไม่แยกบล็อก",
        "This page nests its blocks abnormally deep (hundreds of levels); the part nested deeper"
        " than that was read as running text without its block structure.",
    ),
    ProblemSpec(
        "archive_too_large",
        "ไฟล์นี้เมื่อขยายแล้วใหญ่ผิดปกติ (ลักษณะ zip bomb) จึงไม่ได้เปิดอ่าน",
        "This file would expand to an abnormal size (like a zip bomb), so it was not opened.",
    ),
    ProblemSpec(
        "doc_needs_tool",
        "ไฟล์ Word รุ่นเก่า (.doc) อ่านได้เมื่อติดตั้งโปรแกรม catdoc หรือ antiword เท่านั้น"
        " จึงยังไม่ได้อ่าน ควรเปิดตรวจด้วยตนเอง",
        "Old Word files (.doc) can only be read when catdoc or antiword is installed, so this one"
        " was not read; please check it by hand.",
    ),
    ProblemSpec(
        "unsupported_kind",
        "ไม่รองรับการอ่านไฟล์ชนิดนี้ (เช่น zip/rar) ควรเปิดตรวจด้วยตนเอง และควรเผยแพร่เป็น PDF หรือหน้าเว็บ",
        "This kind of file (e.g. zip/rar) cannot be read; please check it by hand, and publish"
        " the content as PDF or a web page.",
    ),
    ProblemSpec(
        "page_limit",
        "เอกสารยาวเกินขีดจำกัดจำนวนหน้าที่ตั้งไว้ อ่านเฉพาะหน้าแรก ๆ",
        "The document has more pages than the configured limit; only the first pages were read.",
    ),
    ProblemSpec(
        "extract_timeout",
        "อ่านไฟล์นี้นานเกินเวลาที่กำหนด จึงอ่านได้เพียงบางส่วน",
        "Reading this file took longer than the time limit, so it was read only in part.",
    ),
    ProblemSpec(
        "body_unavailable",
        "สำเนาไฟล์ที่ดาวน์โหลดไว้หายไประหว่างการตรวจ จึงอ่านไม่ได้ ควรตรวจซ้ำอีกครั้ง",
        "The downloaded copy of this file disappeared during the scan, so it could not be read;"
        " run the scan again.",
    ),
    ProblemSpec(
        "extractor_error",
        "โปรแกรมเกิดข้อผิดพลาดขณะอ่านไฟล์นี้ (ดูรายละเอียดในไฟล์บันทึก) ควรเปิดตรวจด้วยตนเอง",
        "The tool hit an error while reading this file (details in the log); please check it by"
        " hand.",
    ),
    ProblemSpec(
        "extractor_errors",
        "โปรแกรมอ่านไฟล์ไม่สำเร็จเพราะเกิดข้อผิดพลาด {count} ไฟล์ (เช่น {first}) ข้อที่อาศัยไฟล์เหล่านี้"
        'จึงเป็น "ควรตรวจด้วยตนเอง" โปรดแจ้งผู้พัฒนาพร้อมไฟล์บันทึก (--log-file)',
        "The tool hit an error while reading {count} file(s) (e.g. {first}); the items that rest on"
        " them are marked review. Please report it with the log (--log-file).",
    ),
    ProblemSpec(
        "text_truncated",
        "ข้อความในไฟล์ยาวเกินขีดจำกัด จึงเก็บไว้เพียงส่วนแรก",
        "The file holds more text than the configured limit; only the first part was kept.",
    ),
    ProblemSpec(
        "legacy_thai_font",
        "ไฟล์ PDF ใช้ฟอนต์ภาษาไทยรุ่นเก่า ข้อความที่คัดลอกได้อาจเพี้ยน (ได้แปลงกลับให้แล้ว)"
        " ควรใช้ฟอนต์มาตรฐาน เช่น TH Sarabun New",
        "The PDF uses a legacy Thai font whose copied text is garbled (converted back here);"
        " use a standard font such as TH Sarabun New.",
    ),
    ProblemSpec(
        "text_garbled",
        "ข้อความที่อ่านได้จากไฟล์นี้มีอักขระเพี้ยนจำนวนมาก อาจอ่านผิด ควรเปิดตรวจด้วยตนเอง",
        "The text read from this file contains many garbled characters and may be misread;"
        " please check it by hand.",
    ),
)
