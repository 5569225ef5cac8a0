"""Fonts shared across the pages of a PDF: same text, each font built once per document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from fixtures import docgen
from oit_checker.extract import pdf_fonts
from oit_checker.extract.pdf_fonts import shared_fonts

PAGES = [
    [f"หน้า {n} รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567", "องค์การบริหารส่วนตำบล"]
    for n in range(1, 5)
]


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_shared_fonts_give_the_same_text_and_build_each_font_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = docgen.make_pdf(tmp_path / "r.pdf", PAGES)
    built: list[int] = []
    build = pdf_fonts._build

    def counting_build(cls: Any, font_dict: Any) -> Any:
        built.append(id(font_dict))
        return build(cls, font_dict)

    monkeypatch.setattr(pdf_fonts, "_build", counting_build)
    plain = _texts(path)
    plain_builds = len(built)
    built.clear()
    with shared_fonts():
        shared = _texts(path)
    assert "หน้า 3 รายงานผลการดำเนินงาน" in plain[2]
    assert shared == plain
    assert plain_builds >= len(PAGES)  # pypdf alone builds the fonts again on every page
    assert len(built) == plain_builds // len(PAGES) == len(set(built))
