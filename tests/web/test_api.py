"""The JSON API and the downloads against a real server process scanning a fixture site; the
CLI and the web page share one run history."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from oit_checker.fixture_server import FixtureServer
from oit_checker.web.targets import site_url
from tests.support.xlsx_submission import write_xlsx_submission
from tests.web.conftest import CLIENT, ROOT, Serve, wait_job


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("www.abc.go.th", "https://www.abc.go.th/"),
        ("  abc.go.th/ita  ", "https://abc.go.th/ita"),
        ("http://abc.go.th", "http://abc.go.th/"),
        ("HTTPS://ABC.go.th/", "HTTPS://ABC.go.th/"),
        ("//abc.go.th/", "https://abc.go.th/"),
        ("ftp://abc.go.th/", None),
        ("javascript:alert(1)", None),
        ("abc go th", None),
        ("https://abc.go.th:99999/", None),
        ("", None),
    ],
)
def test_what_people_type_as_the_site(typed: str, expected: str | None) -> None:
    assert site_url(typed) == expected


def test_scan_through_the_api_and_read_every_format(serve: Serve, demo_site: FixtureServer) -> None:
    with serve.client() as client:
        started = client.post("/api/scans", json={"url": demo_site.url, "year": 2567})
        assert started.status_code == 201
        job_id = started.json()["id"]
        done = wait_job(client, job_id)
        assert done["status"] == "done", done
        report = done["report"]
        assert report["site"] == demo_site.url and report["pack"]["year"] == 2567
        assert len(report["items"]) == report["pack"]["item_count"] > 20
        assert done["progress"]["pages"] > 0 and done["progress"]["items_decided"] > 0
        run_id = done["run_id"]

        html = client.get(f"/api/scans/{job_id}/report.html")
        assert html.status_code == 200 and "text/html" in html.headers["content-type"]
        assert "default-src 'none'" in html.headers["content-security-policy"]
        assert (
            "ข้อมูลผู้บริหาร" in html.text
            and html.text == client.get(f"/runs/{run_id}/report.html").text
        )

        csv = client.get(f"/runs/{run_id}/report.csv")
        assert csv.content.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
        assert "attachment" in csv.headers["content-disposition"]
        assert client.get(f"/runs/{run_id}/report.md").text.startswith("#")
        assert client.get(f"/runs/{run_id}/report.junit").content.startswith(b"<?xml")
        assert client.get(f"/runs/{run_id}/report.json").json()["site"] == demo_site.url
        assert client.get(f"/runs/{run_id}/report.exe").status_code == 404

        runs = client.get("/api/runs", params={"site": demo_site.url.replace("http://", "")})
        assert [r["id"] for r in runs.json()] == [run_id]
        assert client.get("/api/scans/999999").status_code == 404

    # The CLI reads the same history file: the web run is there.
    listed = subprocess.run(
        [sys.executable, "-m", "oit_checker", "history", "--history",
         str(serve.data / "history.sqlite3"), "--site", demo_site.url],
        capture_output=True, text=True, check=True, cwd=ROOT, env={**os.environ, "COLUMNS": "250"},
    )  # fmt: skip
    assert demo_site.url in listed.stdout and f"│ {run_id} " in listed.stdout


def test_a_cli_scan_shows_on_the_web(
    serve: Serve, demo_site: FixtureServer, tmp_path: Path
) -> None:
    site = demo_site.url_for("/", host="localhost")
    subprocess.run(
        [sys.executable, "-m", "oit_checker", "scan", site, "--history",
         str(serve.data / "history.sqlite3"), "--interval", "0", "--no-ocr", "-q",
         "--max-documents", "3", "--output", str(tmp_path), "--cache-dir", str(tmp_path / "c")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    with serve.client() as client:
        runs = client.get("/api/runs", params={"site": site}).json()
        assert len(runs) == 1 and runs[0]["mode"] == "scan"
        page = client.get("/history", params={"site": site})
        assert page.status_code == 200 and f"/runs/{runs[0]['id']}/report.html" in page.text


def test_audit_an_excel_submission_through_the_api(
    serve: Serve, demo_site: FixtureServer, tmp_path: Path
) -> None:
    path = write_xlsx_submission(tmp_path / "ส่ง OIT.xlsx", demo_site.url)
    with serve.client(headers=CLIENT) as client:
        started = client.post(
            "/api/audits",
            files={"submission": (path.name, path.read_bytes())},
            data={"site": demo_site.url, "year": "2567"},
        )
        assert started.status_code == 201, started.text
        done = wait_job(client, started.json()["id"])
        assert done["status"] == "done", done
        assert done["report"]["settings"]["mode"] == "audit"
        verdicts = {i["item_id"]: i["verdict"] for i in done["report"]["items"]}
        assert verdicts["o01"] == "pass" and verdicts["o12"] == "fail"  # o12 not submitted
        runs = client.get("/api/runs", params={"site": demo_site.url}).json()
        assert "audit" in {r["mode"] for r in runs}


def test_bad_requests_are_refused_with_a_reason(serve: Serve) -> None:
    with serve.client() as client:
        bad = client.post("/api/scans", json={"url": "ftp://abc.go.th/"})
        assert bad.status_code == 400 and "not a website address" in bad.json()["error"]
        year = client.post("/api/scans", json={"url": "www.abc.go.th", "year": 2400})
        assert year.status_code == 400 and "2400" in year.json()["error"]
        wrong = client.post(
            "/api/audits",
            headers=CLIENT,
            files={"submission": ("list.exe", b"MZ")},
            data={"site": "www.abc.go.th"},
        )
        assert wrong.status_code == 400 and ".xlsx" in wrong.json()["error"]
        schema = client.get("/openapi.json").json()
        assert {"/api/scans", "/api/scans/{job_id}", "/api/audits", "/api/runs"} <= set(
            schema["paths"]
        )
