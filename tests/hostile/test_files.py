"""Hostile files end within their limits as findings (issue 15, points 7 and 8).

Each runs in a child process so that a hang or a memory blow-up of the code under test shows
as a failure (killed after a generous time, peak memory measured) instead of stalling the run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.bombs import lying_docx, nested_html, sparse_xlsx

_CHILD_TIMEOUT_S = 120


def _in_child(code: str, tmp_path: Path) -> dict[str, object]:
    """Run ``code`` (which sets ``result``) in a fresh interpreter; its result and peak RSS."""
    script = tmp_path / "child.py"
    script.write_text(
        "import json, resource\n"
        + textwrap.dedent(code)
        + "\nresult['rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "print(json.dumps(result))\n",
        "utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=_CHILD_TIMEOUT_S,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr[-2000:]
    data: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def test_sparse_xlsx_with_a_cell_at_xfd1048576_is_read(tmp_path: Path) -> None:
    """A 1.5 KB workbook declaring A1:XFD1048576 was padded to 16,384 cells × 1,048,576 rows
    and ran until killed; now only the cells present are read, and the time check sees every
    row (empty ones too)."""
    body = tmp_path / "sparse.xlsx"
    body.write_bytes(sparse_xlsx({"A1": "แผนการจัดซื้อจัดจ้าง ประจำปี 2568", "XFD1048576": "ท้าย"}))
    result = _in_child(
        f"""
        from pathlib import Path
        from oit_checker.extract.limits import ExtractLimits
        from oit_checker.extract.office import extract_xlsx
        doc = extract_xlsx(Path({str(body)!r}).read_bytes(), "u", ExtractLimits(max_seconds=30))
        result = {{"text": doc.text, "warnings": doc.warnings}}
        """,
        tmp_path,
    )
    assert "แผนการจัดซื้อจัดจ้าง ประจำปี 2568" in str(result["text"])
    assert "ท้าย" in str(result["text"])


def test_a_million_empty_rows_stop_at_the_time_limit(tmp_path: Path) -> None:
    """Rows that exist but are empty were never timed (the check ran per 200 rows kept)."""
    rows = "".join(f'<row r="{n}"><c r="A{n}"/></row>' for n in range(1, 300_001))
    body = tmp_path / "empty-rows.xlsx"
    body.write_bytes(sparse_xlsx({"A1": "x"}, dimension="A1:A300000"))
    result = _in_child(
        f"""
        import io, zipfile
        from pathlib import Path
        from oit_checker.extract.limits import ExtractLimits
        from oit_checker.extract.office import extract_xlsx
        src = zipfile.ZipFile(io.BytesIO(Path({str(body)!r}).read_bytes()))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                text = src.read(info)
                if info.filename.endswith("sheet1.xml"):
                    text = text.replace(b"<sheetData>", b"<sheetData>" + {rows.encode()!r} * 4)
                out.writestr(info.filename, text)
        doc = extract_xlsx(buf.getvalue(), "u", ExtractLimits(max_seconds=0.05))
        result = {{"warnings": doc.warnings}}
        """,
        tmp_path,
    )
    assert result["warnings"] == ["extract_timeout"]


def test_docx_member_that_lies_about_its_size_is_refused_in_bounded_memory(
    tmp_path: Path,
) -> None:
    """A member declaring 20 KB that inflates to 400 MB passed the declared-size check and
    python-docx inflated it in one call (1.2 GB for 600 MB); now it is inflated in 1 MiB chunks,
    fails its size/CRC check and the file is a finding."""
    body = tmp_path / "bomb.docx"
    body.write_bytes(lying_docx(400 * 2**20))
    assert body.stat().st_size < 2 * 2**20
    result = _in_child(
        f"""
        from pathlib import Path
        from oit_checker.extract.limits import ExtractLimits
        from oit_checker.extract.office import extract_docx
        doc = extract_docx(Path({str(body)!r}).read_bytes(), "u", ExtractLimits())
        result = {{"reason": doc.review_reason, "warnings": doc.warnings}}
        """,
        tmp_path,
    )
    assert result["reason"] in ("unreadable_file", "archive_too_large")
    assert isinstance(result["rss_mb"], int) and result["rss_mb"] < 300, result


def test_honest_docx_bomb_is_refused_by_its_real_size(tmp_path: Path) -> None:
    """Declared and real size agree (300 MB of spaces in 300 KB): over the unzipped limit."""
    body = tmp_path / "honest.docx"
    body.write_bytes(lying_docx(300 * 2**20, declared=300 * 2**20))
    result = _in_child(
        f"""
        from pathlib import Path
        from oit_checker.extract.limits import ExtractLimits
        from oit_checker.extract.office import extract_docx
        doc = extract_docx(Path({str(body)!r}).read_bytes(), "u", ExtractLimits())
        result = {{"reason": doc.review_reason}}
        """,
        tmp_path,
    )
    assert result["reason"] == "archive_too_large"


def test_deeply_nested_divs_are_flattened_and_read(tmp_path: Path) -> None:
    """100,000 nested <div> took 11 s (400,000: about 650 s) inside the HTML parser, whose work
    grows with the square of the depth; blocks past 512 levels are now read as running text."""
    result = _in_child(
        f"""
        from oit_checker.extract.html import extract_html
        doc = extract_html({nested_html(100_000)!r}, "http://127.0.0.1/")
        result = {{"text": doc.text, "warnings": doc.warnings, "links": len(doc.links)}}
        """,
        tmp_path,
    )
    assert "ประกาศรายงานผลการดำเนินงานประจำปี" in str(result["text"])
    assert result["warnings"] == ["deep_nesting"]
    assert result["links"] == 1


def test_ordinary_nesting_is_left_alone() -> None:
    from oit_checker.extract.html import extract_html

    doc = extract_html(nested_html(60), "http://127.0.0.1/")
    assert doc.warnings == [] and "ประกาศรายงานผล" in doc.text
