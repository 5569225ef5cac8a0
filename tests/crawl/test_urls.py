from __future__ import annotations

import pytest

from oit_checker.crawl.priority import default_priority
from oit_checker.crawl.urls import (
    host_of,
    is_document_type,
    link_category,
    looks_like_document,
    normalize_url,
    twin_hosts,
    url_key,
)
from oit_checker.models import LinkCategory

THAI_PDF = "http://example.go.th/ita/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5.pdf"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://example.go.th/ita/ข้อมูล.pdf", THAI_PDF),
        (THAI_PDF.lower().replace("http://example.go.th", "http://example.go.th"), THAI_PDF),
        ("HTTP://Example.GO.TH:80/ita/ข้อมูล.pdf#page=2", THAI_PDF),
        ("https://example.go.th:443", "https://example.go.th/"),
        ("http://example.go.th:8080/a", "http://example.go.th:8080/a"),
        ("http://example.go.th/a/./b/../c/", "http://example.go.th/a/c/"),
        ("http://example.go.th/%7Euser/x%2Fy", "http://example.go.th/~user/x%2Fy"),
        ("http://example.go.th/p?b=2&a=1", "http://example.go.th/p?b=2&a=1"),
        (
            "http://example.go.th/search?q=แผน งาน",
            "http://example.go.th/search?q=%E0%B9%81%E0%B8%9C%E0%B8%99%20%E0%B8%87%E0%B8%B2%E0%B8%99",
        ),
        ("http://example.go.th/p?", "http://example.go.th/p"),
        ("http://ไทย.ไทย/", "http://xn--o3cw4h.xn--o3cw4h/"),
        ("http://example.go.th./x", "http://example.go.th/x"),
    ],
)
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


def test_thai_path_spellings_dedupe_to_one_url() -> None:
    spellings = {
        "http://example.go.th/ita/ข้อมูล.pdf",
        "http://example.go.th/ita/%e0%b8%82%e0%b9%89%e0%b8%ad%e0%b8%a1%e0%b8%b9%e0%b8%a5.pdf",
        "http://EXAMPLE.go.th/ita/%E0%B8%82้อมูล.pdf#top",
    }
    assert {normalize_url(u) for u in spellings} == {THAI_PDF}


@pytest.mark.parametrize(
    "bad", ["mailto:a@b.c", "javascript:void(0)", "ftp://x/y", "http:///nohost"]
)
def test_normalize_rejects_non_http(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_url(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Example.GO.TH:80/ita/ข้อมูล.pdf#page=2", THAI_PDF),
        ("https://WWW.Example.go.th:443/a#x", "https://www.example.go.th/a"),  # www kept
        ("http://example.go.th:8080/a", "http://example.go.th:8080/a"),
    ],
)
def test_url_key_is_the_canonical_spelling(raw: str, expected: str) -> None:
    assert url_key(raw) == expected == normalize_url(raw)
    assert url_key(raw) is url_key(raw)  # memoised


@pytest.mark.parametrize(
    "bad", ["mailto:a@b.c", "javascript:void(0)", "http:///nohost", "https://x.go.th:99999/a", ""]
)
def test_url_key_of_a_rejected_url_is_the_url_itself(bad: str) -> None:
    assert url_key(bad) == bad


def test_hosts_and_categories() -> None:
    assert twin_hosts("www.abc.go.th") == {"www.abc.go.th", "abc.go.th"}
    assert twin_hosts("abc.go.th") == {"www.abc.go.th", "abc.go.th"}
    assert host_of("https://WWW.Abc.go.th:8443/x") == "www.abc.go.th"
    assert link_category("m.facebook.com") == LinkCategory.SOCIAL
    assert link_category("drive.google.com") == LinkCategory.FILE_HOST
    assert link_category("process3.gprocurement.go.th") == LinkCategory.PROCUREMENT
    assert link_category("itas.nacc.go.th") == LinkCategory.NACC
    assert link_category("notfacebook.com") == LinkCategory.OTHER
    assert looks_like_document("http://a/x/Report.PDF")
    assert not looks_like_document("http://a/x/index.php?file=a.pdf")
    assert is_document_type(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert not is_document_type("text/html; charset=utf-8")


def test_default_priority_orders_evidence_first() -> None:
    hub = default_priority("http://a/ita.php", "ITA คุณธรรมและความโปร่งใส", "")
    doc = default_priority("http://a/files/o12.pdf", "o12 รายงานผลการดำเนินงาน", "")
    news = default_priority("http://a/news.php?page=7", "ข่าวประชาสัมพันธ์", "")
    calendar = default_priority("http://a/calendar?month=5", "ปฏิทินกิจกรรม", "")
    plain = default_priority("http://a/about.html", "เกี่ยวกับเรา", "")
    assert hub > plain > news
    assert doc > plain > calendar
