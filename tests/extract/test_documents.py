"""Extraction of real generated files: PDF (text, legacy glyphs, scanned, encrypted, broken),
DOCX, XLSX, XLS, CSV, images and zip bombs."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from fixtures import docgen
from oit_checker.extract import ExtractLimits, extract, read_dates, sniff_kind
from oit_checker.extract.ocr import ocr_available
from oit_checker.models import DateRole, DocKind, Document, Resource
from oit_checker.problems import make
from oit_checker.thai.text import fold, normalize

LINES = [
    "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    "องค์การบริหารส่วนตำบลน้ำใส อำเภอเมือง จังหวัดตัวอย่าง",
    "ผู้ใหญ่บ้านที่ปรึกษา ปั้นน้ำเป็นตัว ฐานข้อมูลกฎหมาย",
    "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๗",
]
NO_OCR = ExtractLimits(ocr=False)
needs_ocr = pytest.mark.skipif(
    not ocr_available(),
    reason="tesseract with Thai language data (tesseract-ocr-tha) not installed",
)


def _read(path: Path, limits: ExtractLimits = NO_OCR, content_type: str | None = None) -> Document:
    resource = Resource(
        url=f"http://127.0.0.1/files/{path.name}", status=200, content_type=content_type
    )
    return extract(resource, path.read_bytes(), limits=limits)


def test_text_pdf_reads_back_equal_after_normalize(tmp_path: Path) -> None:
    path = docgen.make_pdf(tmp_path / "r.pdf", [LINES[:2], LINES[2:]], title="รายงานประจำปี 2567")
    doc = _read(path)
    assert doc.kind is DocKind.PDF and doc.page_count == 2
    assert doc.review_reason is None and doc.warnings == []
    assert doc.text == normalize("\n".join(LINES))
    assert doc.title == "รายงานประจำปี 2567"
    assert doc.period is not None and doc.period.fiscal_year == 2567
    assert doc.issued is not None and doc.issued.start == date(2024, 10, 15)
    meta = [m for m in doc.dates if m.source.startswith("PDF CreationDate")]
    assert meta and meta[0].start == date(2024, 10, 15)


def test_docgen_is_deterministic(tmp_path: Path) -> None:
    a = docgen.make_pdf(tmp_path / "a.pdf", [LINES]).read_bytes()
    b = docgen.make_pdf(tmp_path / "b.pdf", [LINES]).read_bytes()
    assert a == b
    x = docgen.make_docx(tmp_path / "a.docx", LINES).read_bytes()
    y = docgen.make_docx(tmp_path / "b.docx", LINES).read_bytes()
    assert x == y


def test_legacy_glyph_pdf_is_mapped_to_standard_thai(tmp_path: Path) -> None:
    path = docgen.make_legacy_font_pdf(tmp_path / "legacy.pdf", LINES)
    raw = path.read_bytes()
    from pypdf import PdfReader

    layer = PdfReader(path).pages[0].extract_text()
    assert any("\uf700" <= ch <= "\uf71a" for ch in layer), "fixture must carry legacy codes"
    doc = extract(Resource(url="http://127.0.0.1/legacy.pdf", status=200), raw, limits=NO_OCR)
    assert doc.text == normalize("\n".join(LINES))
    assert "legacy_thai_font" in doc.warnings
    assert not any("\uf700" <= ch <= "\uf71a" for ch in doc.text)


def test_scanned_pdf_without_ocr_is_review_not_missing(tmp_path: Path) -> None:
    path = docgen.make_scanned_pdf(tmp_path / "scan.pdf", [LINES[:2]])
    doc = _read(path, NO_OCR)
    assert doc.review_reason == "scanned_no_ocr"
    assert doc.ocr_used is False and doc.text == ""
    assert "tesseract" in make(doc.review_reason).message_en


@needs_ocr
@pytest.mark.ocr
def test_scanned_pdf_ocr_reads_thai(tmp_path: Path) -> None:
    path = docgen.make_scanned_pdf(tmp_path / "scan.pdf", [LINES[:2]])
    doc = _read(path, ExtractLimits(ocr=True, ocr_seconds=60))
    assert doc.ocr_used is True and doc.review_reason is None
    folded = fold(doc.text, drop_tone_marks=True)
    for word in ("รายงานผลการดำเนินงาน", "ปีงบประมาณ", "องค์การบริหารส่วนตำบล", "จังหวัด"):
        assert fold(word, drop_tone_marks=True) in folded, (word, doc.text)


@needs_ocr
@pytest.mark.ocr
def test_scanned_pdf_ocr_page_cap(tmp_path: Path) -> None:
    pages = [LINES[:2], ["สรุปผลการจัดซื้อจัดจ้างประจำเดือน", "ข้อมูลสถิติการให้บริการ"]]
    doc = _read(
        docgen.make_scanned_pdf(tmp_path / "scan.pdf", pages), ExtractLimits(max_ocr_pages=1)
    )
    assert doc.ocr_used and doc.page_count == 2 and "ocr_pages_capped" in doc.warnings
    folded = fold(doc.text, drop_tone_marks=True)
    assert fold("ปีงบประมาณ", drop_tone_marks=True) in folded, doc.text
    assert fold("จัดซื้อจัดจ้าง", drop_tone_marks=True) not in folded


@needs_ocr
@pytest.mark.ocr
def test_image_file_is_read_by_ocr(tmp_path: Path) -> None:
    path = docgen.make_png(tmp_path / "page.png", ["ประกาศองค์การบริหารส่วนตำบล"])
    doc = _read(path, ExtractLimits())
    assert doc.kind is DocKind.IMAGE and doc.ocr_used
    assert fold("องค์การบริหารส่วนตำบล", drop_tone_marks=True) in fold(doc.text, drop_tone_marks=True)


def test_image_file_without_ocr_is_review(tmp_path: Path) -> None:
    doc = _read(docgen.make_png(tmp_path / "page.png", ["ประกาศ"]), NO_OCR)
    assert doc.kind is DocKind.IMAGE and doc.review_reason == "image_no_ocr"


def test_encrypted_pdf_is_review(tmp_path: Path) -> None:
    doc = _read(docgen.make_encrypted_pdf(tmp_path / "locked.pdf"))
    assert doc.review_reason == "pdf_encrypted"
    assert doc.text == ""


def test_broken_pdf_gives_warning_not_exception(tmp_path: Path) -> None:
    doc = _read(docgen.make_broken_pdf(tmp_path / "broken.pdf"))
    assert "pdf_broken" in doc.warnings
    assert doc.review_reason == "pdf_broken"


def test_pdf_page_limit(tmp_path: Path) -> None:
    pages = [[f"หน้า {i} ข้อมูลการจัดซื้อจัดจ้างของหน่วยงาน"] for i in range(1, 6)]
    doc = _read(
        docgen.make_pdf(tmp_path / "long.pdf", pages), ExtractLimits(max_pages=2, ocr=False)
    )
    assert doc.page_count == 5 and "page_limit" in doc.warnings
    assert "หน้า 2" in doc.text and "หน้า 3" not in doc.text


def test_docx_with_thai_table(tmp_path: Path) -> None:
    path = docgen.make_docx(
        tmp_path / "plan.docx",
        LINES[:2],
        [docgen.PROCUREMENT_ROWS],
        heading="แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568",
    )
    doc = _read(path)
    assert doc.kind is DocKind.DOCX and doc.review_reason is None
    assert doc.headings == ["แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568"]
    assert doc.title == "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568"
    assert doc.tables[0].rows[0] == docgen.PROCUREMENT_ROWS[0]
    assert doc.tables[0].rows[2][1] == "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"
    assert "องค์การบริหารส่วนตำบลน้ำใส" in doc.text
    assert "จัดซื้อวัสดุสำนักงาน" in doc.text
    assert doc.period is not None and doc.period.role is DateRole.FISCAL_YEAR
    assert doc.period.fiscal_year == 2568


def test_xlsx_rows_come_out(tmp_path: Path) -> None:
    sheets = {"ต.ค. 67": docgen.PROCUREMENT_ROWS, "พ.ย. 67": [["ไม่มีการจัดซื้อจัดจ้าง"]]}
    doc = _read(docgen.make_xlsx(tmp_path / "p.xlsx", sheets))
    assert doc.kind is DocKind.XLSX and len(doc.tables) == 2
    assert doc.tables[0].rows[1] == ["1", "จัดซื้อวัสดุสำนักงาน", "15000", "15000", "เฉพาะเจาะจง"]
    assert doc.tables[1].rows == [["ไม่มีการจัดซื้อจัดจ้าง"]]
    assert "ไม่มีการจัดซื้อจัดจ้าง" in doc.text
    assert [m.start for m in doc.dates[:2]] == [date(2024, 10, 1), date(2024, 11, 1)]


def test_xls_rows_come_out(tmp_path: Path) -> None:
    doc = _read(docgen.make_xls(tmp_path / "p.xls", {"สรุป": docgen.PROCUREMENT_ROWS}))
    assert doc.kind is DocKind.XLS
    assert doc.tables[0].rows[2] == [
        "2",
        "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "480000",
        "475000",
        "e-bidding",
    ]


@pytest.mark.parametrize("encoding", ["cp874", "utf-8-sig", "utf-8"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = docgen.make_csv(tmp_path / "p.csv", docgen.PROCUREMENT_ROWS, encoding=encoding)
    doc = _read(path)
    assert doc.kind is DocKind.CSV
    assert doc.tables[0].rows[0] == docgen.PROCUREMENT_ROWS[0]
    assert doc.text.startswith("ลำดับ | งานที่จัดซื้อจัดจ้าง")


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    path = docgen.make_zip_bomb_docx(tmp_path / "bomb.docx", expanded_bytes=64 * 2**20)
    assert path.stat().st_size < 200_000
    doc = _read(path, ExtractLimits(max_unzipped_bytes=32 * 2**20, ocr=False))
    assert doc.review_reason == "archive_too_large" and "archive_too_large" in doc.warnings
    assert doc.text == ""


def test_doc_without_converter_is_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no catdoc/antiword reachable
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(512)
    doc = extract(Resource(url="http://127.0.0.1/old.doc", status=200), body, limits=NO_OCR)
    assert doc.kind is DocKind.DOC and doc.review_reason == "doc_needs_tool"


def test_garbage_doc_with_converter_is_review(tmp_path: Path) -> None:
    if not os.path.exists("/usr/bin/catdoc"):
        pytest.skip("catdoc not installed")
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(512)
    doc = extract(Resource(url="http://127.0.0.1/old.doc", status=200), body, limits=NO_OCR)
    assert doc.review_reason in ("unreadable_file",)


def test_empty_and_unknown_files(tmp_path: Path) -> None:
    empty = extract(Resource(url="http://127.0.0.1/a.pdf", status=200), b"")
    assert empty.review_reason == "empty_file"
    rar = extract(
        Resource(url="http://127.0.0.1/a.rar", status=200), b"Rar!\x1a\x07\x00" + bytes(64)
    )
    assert rar.kind is DocKind.OTHER and rar.review_reason == "unsupported_kind"


def test_sniff_kind_magic_beats_type_and_extension(tmp_path: Path) -> None:
    pdf = docgen.make_pdf(tmp_path / "x.pdf", [["ทดสอบ"]]).read_bytes()
    assert sniff_kind("http://h/download.php?id=3", "application/octet-stream", pdf) is DocKind.PDF
    assert sniff_kind("http://h/file.doc", "text/html", pdf) is DocKind.PDF
    xlsx = docgen.make_xlsx(tmp_path / "x.xlsx", {"a": [["1"]]}).read_bytes()
    assert sniff_kind("http://h/x.bin", None, xlsx) is DocKind.XLSX
    docx_ = docgen.make_docx(tmp_path / "x.docx", ["ก"]).read_bytes()
    assert sniff_kind("http://h/x", None, docx_) is DocKind.DOCX
    xls = docgen.make_xls(tmp_path / "x.xls", {"a": [["1"]]}).read_bytes()
    assert sniff_kind("http://h/x", None, xls) is DocKind.XLS
    assert sniff_kind("http://h/a", "text/html; charset=tis-620", b"<p>x") is DocKind.HTML
    assert sniff_kind("http://h/a.csv", None, b"a,b\n1,2") is DocKind.CSV
    assert sniff_kind("http://h/a", None, b"<!DOCTYPE html><html>") is DocKind.HTML
    assert sniff_kind("http://h/a", None, b"\x00\x01") is DocKind.OTHER


def test_dates_left_for_later_are_read_the_same(tmp_path: Path) -> None:
    """A scan extracts with ``dates=False``; ``read_dates`` later gives what an eager read
    gives, PDF metadata dates included, and reads only once."""
    path = docgen.make_pdf(tmp_path / "r.pdf", [LINES], title="รายงานประจำปี 2567")
    resource = Resource(url="http://127.0.0.1/files/r.pdf", status=200)
    eager = extract(resource, path.read_bytes(), limits=NO_OCR)
    lazy = extract(resource, path.read_bytes(), limits=NO_OCR, dates=False)
    assert eager.dates_read and eager.period is not None and eager.issued is not None
    assert not lazy.dates_read and lazy.period is None and lazy.issued is None
    # only what the reader found besides the text: the file's metadata dates
    assert lazy.dates and all(m.source.startswith("PDF ") for m in lazy.dates)
    assert read_dates(lazy) is lazy and lazy.dates_read
    assert (lazy.period, lazy.issued, lazy.dates) == (eager.period, eager.issued, eager.dates)
    before = list(lazy.dates)
    assert read_dates(lazy).dates == before  # a second call reads nothing again
