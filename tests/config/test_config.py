"""oit-checker.toml: a good file, every kind of bad value, CLI overrides, ignore entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.config import (
    Config,
    CrawlOptions,
    IgnoreEntry,
    apply_ignores,
    item_key,
    load_config,
    merge_options,
)
from oit_checker.errors import UsageError
from oit_checker.models import Verdict
from tests.report.sample import sample_report

GOOD = """\
site = "https://www.tambon-nongbua.go.th"
year = 2568
pack = "nacc-oit-2568"
formats = ["terminal", "html", "json", "junit"]
output = "reports"
fail_on = ["fail", "regression"]
history = "data/history.sqlite3"

[thresholds]
min_score = 80

[crawl]
max_pages = 1500
max_depth = 6
min_interval = 1.5
per_host_concurrency = 2
timeout = 20
strict_tls = true
cache_dir = "~/oit-cache"

[[ignore]]
item = "O16"
reason = "ระบบ e-GP ปิดปรับปรุง ส่งเอกสารให้ผู้ประเมินแล้ว"
expires = 2025-06-30

[[ignore]]
item = "o02"
reason = "รอเลือกตั้งผู้บริหารใหม่"
expires = "2025-01-31"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "oit-checker.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_is_read_in_full(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    config = load_config(path)
    assert config.site == "https://www.tambon-nongbua.go.th"
    assert config.year == 2568 and config.pack == "nacc-oit-2568"
    assert config.formats == ("terminal", "html", "json", "junit")
    assert config.output == tmp_path / "reports"  # relative to the file, not the cwd
    assert config.history == tmp_path / "data" / "history.sqlite3" and config.keep_history
    assert config.fail_on == ("fail", "regression")
    assert config.thresholds.min_score == 80.0
    assert config.crawl.max_pages == 1500 and config.crawl.strict_tls is True
    assert config.crawl.cache_dir == Path.home() / "oit-cache"
    assert config.ignore == (
        IgnoreEntry("O16", "ระบบ e-GP ปิดปรับปรุง ส่งเอกสารให้ผู้ประเมินแล้ว", date(2025, 6, 30)),
        IgnoreEntry("o02", "รอเลือกตั้งผู้บริหารใหม่", date(2025, 1, 31)),
    )
    assert config.source == path


def test_crawl_kwargs_use_the_crawler_field_names(tmp_path: Path) -> None:
    kwargs = load_config(_write(tmp_path, GOOD)).crawl.crawl_kwargs()
    assert kwargs["min_interval_s"] == 1.5 and kwargs["timeout_s"] == 20.0
    assert kwargs["max_pages"] == 1500 and "max_documents" not in kwargs
    assert CrawlOptions().crawl_kwargs() == {}


def test_no_file_gives_defaults_and_cwd_file_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config(None) == Config()
    _write(tmp_path, 'site = "https://a.go.th"\nhistory = false\n')
    config = load_config(None)
    assert config.site == "https://a.go.th" and config.keep_history is False


def test_missing_file_and_broken_toml(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"nope\.toml: config file not found"):
        load_config(tmp_path / "nope.toml")
    path = _write(tmp_path, 'site = "https://a.go.th\n')
    with pytest.raises(UsageError, match=r"oit-checker\.toml: not valid TOML.*line 1"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "key", "hint"),
    [
        ("[crawl]\nmax_page = 10\n", "crawl.max_page", "did you mean 'max_pages'"),
        ("sitee = 'x'\n", "sitee", "did you mean 'site'"),
        ("[crawl]\nmax_pages = 'abc'\n", "crawl.max_pages", "whole number ≥ 1, got 'abc'"),
        ("[crawl]\nmax_pages = 0\n", "crawl.max_pages", "≥ 1"),
        ("[crawl]\nper_host_concurrency = 50\n", "crawl.per_host_concurrency", "from 1 to 8"),
        ("[crawl]\nstrict_tls = 'yes'\n", "crawl.strict_tls", "true or false"),
        ("[crawl]\ntimeout = 0\n", "crawl.timeout", "seconds > 0"),
        ("crawl = 3\n", "crawl", "must be a table"),
        ("year = 2025\n", "year", "2025 + 543 = 2568"),
        ("year = 'สองห้า'\n", "year", "Buddhist-era year"),
        ("site = 'ftp://a.go.th'\n", "site", "http:// or https://"),
        ("formats = ['html', 'pdf']\n", "formats", "unknown report format 'pdf'"),
        ("fail_on = 'sometimes'\n", "fail_on", "choose from: fail, review"),
        ("fail_on = ['never', 'fail']\n", "fail_on", "cannot be combined"),
        ("[thresholds]\nmin_score = 120\n", "thresholds.min_score", "0 to 100"),
        ("[[ignore]]\nitem = 'o1'\nreason = 'x'\n", "ignore[0].expires", "needs item, reason"),
        (
            "[[ignore]]\nitem = 'o1'\nreason = 'x'\nexpires = '30/06/2568'\n",
            "ignore[0].expires",
            "YYYY-MM-DD",
        ),
        ("[[ignore]]\nitem = 'o1'\nreason = ''\nexpires = 2025-01-01\n", "ignore[0].reason", "why"),
        (
            "[[ignore]]\nitem = 'o1'\nreason = 'x'\nexpire = 2025-01-01\n",
            "ignore[0].expire",
            "mean",
        ),
    ],
)
def test_bad_values_name_the_file_and_the_key(
    tmp_path: Path, text: str, key: str, hint: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: "), message
    assert hint in message


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, GOOD))
    merged = merge_options(
        config,
        site=None,  # not given on the command line: the file's value stays
        formats="md,csv",
        max_pages=50,
        strict_tls=False,
        min_score=60,
        keep_history=False,
    )
    assert merged.site == config.site
    assert merged.formats == ("md", "csv")
    assert merged.crawl.max_pages == 50 and merged.crawl.strict_tls is False
    assert merged.crawl.max_depth == 6  # untouched file value
    assert merged.thresholds.min_score == 60.0 and merged.keep_history is False
    with pytest.raises(UsageError, match="command line: --max-pages: must be a whole number"):
        merge_options(config, max_pages=-1)
    with pytest.raises(TypeError):
        merge_options(config, no_such_option=1)


def test_item_key_accepts_the_ways_people_write_item_codes() -> None:
    assert {item_key(s) for s in ("O16", "o 16", "ข้อ o16", "o๑๖", "016", "o016")} == {"o16"}
    assert item_key("o01") == item_key("O1") != item_key("o10")


def test_active_ignore_keeps_the_verdict_and_adds_a_note() -> None:
    report = sample_report()
    ignores = [IgnoreEntry("O16", "ระบบ e-GP ปิดปรับปรุง", date(2025, 6, 30))]
    result = apply_ignores(report, ignores, today=date(2025, 6, 30))  # last valid day
    o16 = next(i for i in result.items if i.item_id == "o16")
    assert o16.ignored and o16.verdict is Verdict.FAIL
    note = o16.problems[-1]
    assert note.code == "item_ignored"
    assert "ระบบ e-GP ปิดปรับปรุง" in note.message_th and "2025-06-30" in note.message_en
    assert sum(i.ignored for i in result.items) == 1
    assert not any(i.ignored for i in report.items)  # the input is not changed
    again = apply_ignores(result, ignores, today=date(2025, 6, 30))
    assert again == result  # applying twice adds nothing


def test_expired_ignore_is_reported_and_not_applied() -> None:
    report = sample_report()
    ignores = [
        IgnoreEntry("o02", "รอเลือกตั้งผู้บริหารใหม่", date(2025, 1, 31)),
        IgnoreEntry("o99", "ข้อเก่า", date(2030, 1, 1)),
    ]
    result = apply_ignores(report, ignores, today=date(2025, 2, 1))
    assert not any(i.ignored for i in result.items)
    codes = [p.code for p in result.site_findings]
    assert codes == ["soft_404", "ignore_expired", "ignore_unknown_item"]
    expired = result.site_findings[1]
    assert "o02" in expired.message_th and "2025-01-31" in expired.message_en
    assert expired.params["item"] == "o02"
