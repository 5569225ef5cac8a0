"""``oit-checker audit`` end to end: real processes, the demo site served on 127.0.0.1.

The fixture submissions name the demo site ``https://www.sao-demo.go.th`` and an off-site file
host ``https://files.sao-demo-drive.example``; here they are pointed at the loopback server
(the off-site host as ``localhost``, which the main site at ``127.0.0.1`` never links).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oit_checker.cli import main
from oit_checker.commands.scan import demo_site_dir
from oit_checker.fixture_server import Fault, FixtureServer
from tests.support.servers import page, write_site

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "audit"
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oit_checker", "audit", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def fast(tmp: Path, *extra: str) -> list[str]:
    return [
        "--allow-private",
        "--interval",
        "0",
        "--per-host",
        "4",
        "--no-ocr",
        "--cache-dir",
        str(tmp / "cache"),
        "--history",
        str(tmp / "history.sqlite3"),
        "--output",
        str(tmp / "out"),
        *extra,
    ]


def localise(name: str, server: FixtureServer, tmp: Path) -> Path:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    text = text.replace("https://www.sao-demo.go.th", f"http://127.0.0.1:{server.port}")
    text = text.replace("https://files.sao-demo-drive.example", f"http://localhost:{server.port}")
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def report(tmp: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((tmp / "out" / "oit-report.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def demo() -> Iterator[FixtureServer]:
    with FixtureServer(demo_site_dir()) as server:
        yield server


# The YAML submission reads the same as these two (test_submission.py).
@pytest.mark.parametrize("name", ["submission.csv", "submission.json"])
def test_audit_of_the_demo_submission(name: str, demo: FixtureServer, tmp_path: Path) -> None:
    path = localise(name, demo, tmp_path)
    # JSON names its site and year; the CSV form has neither (the demo submission is for 2567)
    site = [] if name == "submission.json" else ["--site", demo.url, "--year", "2567"]
    out = run(str(path), *site, *fast(tmp_path, "--format", "terminal,json,html"), cwd=tmp_path)
    assert out.returncode == 1, out.stderr  # findings
    data = report(tmp_path)
    assert data["settings"]["mode"] == "audit"
    assert data["settings"]["submission"] == name
    assert data["crawl"]["limits_hit"] == []  # the capped look at the main site is no limit
    assert data["partial"] is False
    scope = data["site_findings"][0]
    assert scope["code"] == "audit_scope"
    assert f"({name}: 16 items, 16 URLs)" in scope["message_en"]
    assert data["pack"]["id"] == "nacc-2567"
    items = {item["item_id"]: item for item in data["items"]}
    verdicts = {k: v["verdict"] for k, v in items.items()}
    for item_id in ("o01", "o02", "o03", "o04", "o07", "o08", "o14", "o15", "o21", "o25"):
        assert verdicts[item_id] == "pass", (item_id, items[item_id]["reason_en"])

    # the o14 plan submitted for o16: said so, first, in the words the assessor needs
    o16 = items["o16"]
    assert o16["verdict"] == "fail"
    first = o16["problems"][0]
    assert first["code"] == "submitted_for_wrong_item"
    assert first["params"]["other"] == "o14"
    assert first["url"].endswith("/ita/docs/o14-procurement-plan-2567.pdf")
    assert o16["reason_en"].startswith("This URL holds o14 evidence")
    assert "label_content_mismatch" not in {p["code"] for p in o16["problems"]}

    # the off-site file nobody links: fails the main-website rule, with the URL's own note
    o12 = {p["code"]: p for p in items["o12"]["problems"]}
    assert items["o12"]["verdict"] == "fail"
    assert "not_on_main_site" in o12
    assert o12["submitted_url_unlinked"]["params"]["host"] == "localhost"
    assert o12["submission_note"]["params"]["note"] == "ไฟล์สถิติเก็บไว้ที่ไดรฟ์ของหน่วยงาน"

    # the dead URL: a fail (a person sees the 404 too), not "missing"
    o23 = items["o23"]
    assert o23["verdict"] == "fail"
    assert o23["problems"][0]["code"] == "dead_link"
    assert "HTTP 404" in o23["problems"][1]["message_en"]

    # items without a URL fail with "no URL submitted"
    for item_id in ("o06", "o09", "o33"):
        assert verdicts[item_id] == "fail"
        assert [p["code"] for p in items[item_id]["problems"]] == ["no_url_submitted"]

    # one note per submitted URL, with the URL
    noted = {
        p["url"]
        for item in data["items"]
        for p in item["problems"]
        if p["code"].startswith("submitted_url_")
    }
    assert len(noted) == data["settings"]["submitted_urls"] == 16
    # nothing but the submission (and its one level) was assessed
    assert "not_checked" not in verdicts.values()
    assert "o14 evidence" in out.stdout or "หลักฐานของข้อ o14" in out.stdout
    html = (tmp_path / "out" / "oit-report.html").read_text("utf-8")
    assert "submitted_for_wrong_item" in html or "หลักฐานของข้อ o14" in html


def test_off_site_url_linked_from_the_main_site_is_accepted(tmp_path: Path) -> None:
    root = tmp_path / "site"
    with FixtureServer(write_site(root, {"index.html": "<html></html>"})) as server:
        drive = f"http://localhost:{server.port}/drive/o01-structure.html"
        write_site(
            root,
            {
                "index.html": page("องค์การบริหารส่วนตำบลทดสอบ", ("/ita/", "ITA 2567")),
                "ita/index.html": page("ITA 2567", (drive, "o1 โครงสร้าง")),
                "drive/o01-structure.html": page(
                    "โครงสร้างองค์กร",
                    body="<p>แผนผังโครงสร้างองค์กร ส่วนราชการ สำนักปลัด กองคลัง กองช่าง</p>"
                    "<img src='/chart.png' alt='แผนภูมิโครงสร้าง'>",
                ),
            },
        )
        sub = tmp_path / "s.csv"
        sub.write_text(f"item,url\no1,{drive}\n", encoding="utf-8")
        out = run(str(sub), "--site", server.url, *fast(tmp_path, "-f", "json"), cwd=tmp_path)
    assert out.returncode == 1, out.stderr  # the 32 items without a URL fail
    o01 = report(tmp_path)["items"][0]
    codes = {p["code"]: p for p in o01["problems"]}
    assert "not_on_main_site" not in codes
    linked = codes["submitted_url_linked"]
    assert linked["url"] == drive
    assert linked["params"]["page"].endswith("/ita/")


def test_a_blocked_site_is_exit_3_and_never_missing(tmp_path: Path) -> None:
    with FixtureServer(demo_site_dir()) as server:
        server.route("*", Fault(status=403, body="Access denied by the web application firewall"))
        sub = tmp_path / "s.yaml"
        sub.write_text(f"o1: {server.url}about/structure.html\n", encoding="utf-8")
        out = run(str(sub), "--site", server.url, *fast(tmp_path, "-f", "json"), cwd=tmp_path)
    assert out.returncode == 3, out.stdout + out.stderr
    assert "could not assess" in out.stderr
    items = {i["item_id"]: i for i in report(tmp_path)["items"]}
    assert items["o01"]["verdict"] == "not_checked"
    assert items["o01"]["problems"][0]["code"] == "site_unreachable"
    assert items["o02"]["verdict"] == "fail"  # no URL submitted: a fact about the submission


@pytest.mark.parametrize(
    "site",
    ["http://127.0.0.1:9/", "http://10.0.0.5/", "http://169.254.1.1/", "http://[::1]:9/",
     "http://localhost:9/"],
)  # fmt: skip
def test_private_targets_are_refused_with_exit_2(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sub = tmp_path / "s.csv"
    sub.write_text("item,url\no1,/about/structure.html\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["oit-checker", "audit", str(sub), "--site", site])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("oit-checker: error: refusing "), lines
    assert "--allow-private" in lines[0]
    assert not any(tmp_path.glob("oit-report*"))


def test_a_private_submitted_url_is_refused_even_on_a_public_site(tmp_path: Path) -> None:
    sub = tmp_path / "s.json"
    sub.write_text('[{"item": "o1", "url": "http://192.168.0.10/o1.pdf"}]', encoding="utf-8")
    out = run(str(sub), "--site", "https://1.1.1.1/", "--year", "2567", cwd=tmp_path)
    assert out.returncode == 2
    assert "refusing http://192.168.0.10/o1.pdf" in out.stderr
