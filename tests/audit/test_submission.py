"""Reading submissions as agencies write them: CSV, YAML, JSON, item aliases, several URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.audit.submission import absolute_url, read_submission, resolve_submission
from oit_checker.errors import UsageError
from oit_checker.rules.loader import get_pack
from oit_checker.rules.schema import Pack

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "audit"
SITE = "https://www.sao-demo.go.th/"
DOCS = "https://www.sao-demo.go.th/ita/docs/"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return get_pack(year=2567)


@pytest.mark.parametrize("name", ["submission.csv", "submission.yaml", "submission.json"])
def test_the_three_fixture_formats_read_the_same(name: str, pack: Pack) -> None:
    raw = read_submission(FIXTURES / name)
    sub = resolve_submission(raw, pack, SITE)
    assert list(sub.items) == [
        "o01", "o02", "o03", "o04", "o05", "o07", "o08", "o12", "o14", "o15", "o16", "o21",
        "o22", "o23", "o25", "o30",
    ]  # fmt: skip
    assert sub.items["o15"].urls == [f"{DOCS}o15-announce-1.pdf", f"{DOCS}o15-announce-2.pdf"]
    assert sub.items["o15"].notes == ["ประกาศ 2 ฉบับ"]
    assert sub.items["o16"].urls == [f"{DOCS}o14-procurement-plan-2567.pdf"]
    assert sub.items["o12"].urls[0].startswith("https://files.sao-demo-drive.example/")
    assert len(sub.urls) == 16  # o14's PDF, submitted twice, is fetched once
    if name != "submission.csv":
        assert raw.site == SITE and raw.year == 2567


def test_csv_rows_merge_and_cells_hold_several_urls(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "item,link,note\n"
        "O16,/ita/o16-ต.ค..pdf  /ita/o16-พ.ย..pdf,\n"
        "o 16,www.sao-demo.go.th/ita/o16-ธ.ค..pdf;/ita/o16-ต.ค..pdf,ครบ 3 เดือน\n"
        "ข้อ o1,,\n",
        encoding="utf-8-sig",
    )
    sub = resolve_submission(read_submission(path), pack, SITE)
    assert sub.items["o16"].urls == [
        "https://www.sao-demo.go.th/ita/o16-ต.ค..pdf",
        "https://www.sao-demo.go.th/ita/o16-พ.ย..pdf",
        "https://www.sao-demo.go.th/ita/o16-ธ.ค..pdf",
    ]
    assert sub.items["o16"].notes == ["ครบ 3 เดือน"]
    assert sub.items["o01"].urls == []  # listed without a URL: judged "no URL submitted"


def test_thai_windows_csv_without_header(tmp_path: Path, pack: Pack) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes("021,https://x.go.th/ita/คู่มือร้องเรียน.pdf,แนวปฏิบัติ\n".encode("cp874"))
    sub = resolve_submission(read_submission(path), pack, SITE)
    assert sub.items["o21"].urls == ["https://x.go.th/ita/คู่มือร้องเรียน.pdf"]
    assert sub.items["o21"].notes == ["แนวปฏิบัติ"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("s.csv", "item,url\no34,https://x.go.th/a\n", "'o34' is not an item of nacc-2567"),
        ("s.csv", "a,b\nc,d\n", "needs a header"),
        ("s.csv", "item,url\no1,ftp://x.go.th/a\n", "not a web address"),
        ("s.yaml", "o1: [https://x.go.th/a\n", "not valid YAML"),
        ("s.json", "{}", "no items found"),
        ("s.json", '{"items": {"o1": {"link": "https://x.go.th"}}}', "unknown keys link"),
        ("s.yaml", "items: {o1: https://x.go.th}\nagency: x\n", "unknown keys agency"),
        ("s.txt", "o1 https://x.go.th", "must be a .csv"),
    ],
)
def test_bad_submissions_are_usage_errors(
    tmp_path: Path, pack: Pack, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        resolve_submission(read_submission(path), pack, SITE)


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        read_submission(tmp_path / "none.csv")


def test_absolute_url_forms() -> None:
    assert absolute_url("/ita/o1.html", "http://a.go.th/x/") == "http://a.go.th/ita/o1.html"
    assert absolute_url("www.b.go.th/ita", "http://a.go.th/") == "http://www.b.go.th/ita"
    assert absolute_url("<https://c.go.th/o1.pdf>", SITE) == "https://c.go.th/o1.pdf"
    assert absolute_url("ดูที่เว็บไซต์", SITE) is None
    assert absolute_url("javascript:void(0)", SITE) is None
