from __future__ import annotations

from oit_checker.crawl.decode import canonical_encoding, decode_html, decode_html_detailed

THAI = (
    "<html><head><title>ประกาศ</title></head><body>ข้อมูลพื้นฐาน คุณธรรมและความโปร่งใส ๒๕๖๗</body></html>"
)


def test_header_charset_tis620() -> None:
    text, enc = decode_html(THAI.encode("tis-620"), "text/html; charset=TIS-620")
    assert text == THAI
    assert enc == "cp874"


def test_meta_charset_when_header_has_none() -> None:
    html = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">' + THAI
    text, enc = decode_html(html.encode("cp874"), "text/html")
    assert "คุณธรรมและความโปร่งใส" in text
    assert enc == "cp874"


def test_wrong_header_charset_falls_back() -> None:
    # Header claims UTF-8, bytes are TIS-620 and the page says nothing: detection must win.
    text, enc = decode_html(THAI.encode("cp874"), "text/html; charset=utf-8")
    assert text == THAI
    assert enc == "cp874"


def test_detection_without_any_declaration() -> None:
    text, enc = decode_html(THAI.encode("cp874"), None)
    assert text == THAI
    assert enc == "cp874"
    text, enc = decode_html(THAI.encode("utf-8"), None)
    assert text == THAI
    assert enc == "utf-8"


def test_bom_wins_and_garbage_is_flagged() -> None:
    text, enc = decode_html(b"\xef\xbb\xbf" + THAI.encode("utf-8"), "text/html; charset=tis-620")
    assert text == THAI and enc == "utf-8"
    assert decode_html_detailed(THAI.encode("utf-8"), None).clean


def test_aliases() -> None:
    for name in ("TIS-620", "iso-8859-11", "x-windows-874", "tis620"):
        assert canonical_encoding(name) == "cp874"
    assert canonical_encoding("UTF8") == "utf-8"
    assert canonical_encoding("no-such-charset") is None
