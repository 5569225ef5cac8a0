"""The image_text reading path: real PNG/JPEG/GIF/WebP/TIFF/BMP images with Thai text read by
real tesseract, its limits, and which images of a page are its content."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PilImage
from selectolax.lexbor import LexborHTMLParser

from oit_checker.extract import ExtractLimits, extract
from oit_checker.extract.content_images import page_images
from oit_checker.extract.html import extract_html
from oit_checker.extract.image import decode_data_uri, extract_image, image_doc_url
from oit_checker.extract.image_header import read_header
from oit_checker.extract.ocr import ocr_available
from oit_checker.models import DocKind, Resource
from oit_checker.thai.text import fold
from tests.support.images import data_uri, photo, thai_image, with_png_size

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with Thai not installed")
CHART = [
    "แผนภูมิโครงสร้างองค์การบริหารส่วนตำบลบ้านทดสอบ",
    "นายกองค์การบริหารส่วนตำบล",
    "ปลัดองค์การบริหารส่วนตำบล",
    "สำนักปลัด    กองคลัง    กองช่าง    กองการศึกษา",
]


def _folded(text: str) -> str:
    return fold(text, drop_tone_marks=True)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF"])
def test_header_gives_format_and_size_without_decoding(fmt: str) -> None:
    img = PilImage.new("RGB", (321, 123), "white")
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    header = read_header(buf.getvalue())
    assert header is not None and (header.width, header.height) == (321, 123)
    assert header.format == {"JPEG": "jpeg", "TIFF": "tiff"}.get(fmt, fmt.lower())


def test_header_of_garbage_is_none() -> None:
    assert read_header(b"<html>not an image</html>") is None
    assert read_header(b"\x89PNG\r\n\x1a\n\x00") is None


@needs_ocr
@pytest.mark.ocr
@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_chart_image_is_read_by_ocr(fmt: str) -> None:
    doc = extract_image(thai_image(CHART, fmt=fmt), "http://127.0.0.1/chart", ExtractLimits())
    assert doc.kind is DocKind.IMAGE and doc.ocr_used and doc.review_reason is None
    for word in ("โครงสร้าง", "กองคลัง", "กองช่าง", "ปลัด"):
        assert _folded(word) in _folded(doc.text), doc.text


@needs_ocr
@pytest.mark.ocr
def test_blurred_chart_is_unreadable_not_empty() -> None:
    doc = extract_image(thai_image(CHART, blur=4), "http://127.0.0.1/c.png", ExtractLimits())
    assert doc.review_reason == "image_unreadable"


@needs_ocr
@pytest.mark.ocr
def test_photo_without_text_is_no_text_not_unreadable() -> None:
    doc = extract_image(photo(), "http://127.0.0.1/p.jpg", ExtractLimits())
    assert doc.review_reason is None and "image_no_text" in doc.warnings and doc.text == ""


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = with_png_size(thai_image(["ประกาศ"], size=(200, 80)), 60_000, 60_000)
    header = read_header(bomb)
    assert header is not None and header.pixels == 3_600_000_000
    doc = extract_image(bomb, "http://127.0.0.1/bomb.png", ExtractLimits())
    assert doc.review_reason == "image_too_large" and not doc.ocr_used


def test_image_over_the_byte_limit_is_refused() -> None:
    body = thai_image(CHART)
    doc = extract_image(body, "http://127.0.0.1/big.png", ExtractLimits(max_image_bytes=1000))
    assert doc.review_reason == "image_too_large"


def test_image_without_ocr_is_review() -> None:
    doc = extract_image(thai_image(CHART), "http://127.0.0.1/c.png", ExtractLimits(ocr=False))
    assert doc.review_reason == "image_no_ocr"


def test_tracking_pixel_is_no_text_without_ocr() -> None:
    buf = io.BytesIO()
    PilImage.new("RGB", (1, 1)).save(buf, format="GIF")
    doc = extract_image(buf.getvalue(), "http://127.0.0.1/t.gif", ExtractLimits())
    assert doc.review_reason is None and "image_no_text" in doc.warnings


def test_broken_image_is_unreadable_through_extract() -> None:
    body = thai_image(CHART)[:40]
    doc = extract(Resource(url="http://127.0.0.1/x.png", content_type="image/png"), body)
    assert doc.kind is DocKind.IMAGE and doc.review_reason == "image_unreadable"


def test_data_uri_decodes_within_limit() -> None:
    body = thai_image(["ประกาศ"], size=(120, 60))
    uri = data_uri(body, "image/png")
    assert decode_data_uri(uri, 10**6) == body
    assert decode_data_uri(uri, 100) is None
    assert decode_data_uri("data:image/png;base64", 10**6) is None
    assert decode_data_uri("data:text/plain,%E0%B8%81", 10) == "ก".encode()
    key = image_doc_url("http://127.0.0.1/a.html#top", uri)
    assert key.startswith("http://127.0.0.1/a.html#inline-image-") and len(key) < 80
    assert image_doc_url("http://127.0.0.1/a.html", "http://127.0.0.1/c.png").endswith("c.png")


PAGE = """<html><body>
<div id="header"><img src="/img/top.jpg" alt="อบต.บ้านทดสอบ"></div>
<header><img src="/img/seal.png" alt="ตราประจำ"></header>
<nav><img src="/img/menu-ita.png" alt="ITA"></nav>
<div class="slider"><img src="/img/slide1.jpg"></div>
<div id="content">
  <img src="/images/logo2.png">
  <img src="/images/pdf.gif"> <a href="/files/manual.pdf"><img src="/img/dl-now.png"></a>
  <img src="/img/pixel.gif" width="1" height="1">
  <img src="/img/vector.svg">
  <p><img src="/uploads/chart-2568.jpg" width="900" height="600"></p>
  <a href="/uploads/board-big.jpg"><img src="/uploads/board-small.jpg"></a>
  <div class="card"><img src="/uploads/p1.jpg"><h4>นายสมชาย ใจดี</h4><p>นายก</p></div>
  <p><img src="data:image/png;base64,iVBORw0KGgo="></p>
</div>
<footer><img src="/img/counter.png"></footer>
<div class="sidebar"><img src="/img/partner.jpg"></div>
</body></html>"""


def test_main_content_images_are_told_from_chrome_logos_icons_and_buttons() -> None:
    images = page_images(LexborHTMLParser(PAGE), "http://127.0.0.1/p.html")
    main = [img.src.rsplit("/", 1)[-1] for img in images if img.main]
    assert main == ["chart-2568.jpg", "board-small.jpg", "p1.jpg", "png;base64,iVBORw0KGgo="]
    card = next(img for img in images if img.src.endswith("p1.jpg"))
    assert "นายสมชาย ใจดี" in card.context


def test_html_document_carries_the_main_flag() -> None:
    doc = extract_html(PAGE, "http://127.0.0.1/p.html")
    assert sum(img.main for img in doc.images) == 4
