"""Hostile files built in memory: a sparse spreadsheet, a zip member that lies about its size,
deeply nested HTML. Shared by the hostile-case tests and the fault corpus bench."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def sparse_xlsx(cells: dict[str, str], dimension: str = "A1:XFD1048576") -> bytes:
    """A workbook whose sheet declares ``dimension`` and holds only ``cells`` (ref → text),
    as a spreadsheet program that once touched cell XFD1048576 saves it (about 1.5 KB)."""
    rows: dict[int, list[str]] = {}
    for ref, text in cells.items():
        number = int("".join(c for c in ref if c.isdigit()))
        rows.setdefault(number, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
    sheet_rows = "".join(f'<row r="{n}">{"".join(c)}</row>' for n, c in sorted(rows.items()))
    parts = {
        "[Content_Types].xml": f'{_XML}<Types xmlns="{_CT}"><Default Extension="rels"'
        f' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override'
        ' PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument'
        '.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet'
        '+xml"/></Types>',
        "_rels/.rels": f'{_XML}<Relationships xmlns="{_REL}"><Relationship Id="rId1"'
        f' Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{_XML}<workbook xmlns="{_SML}" xmlns:r="{_DOC}"><sheets>'
        '<sheet name="แผน" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{_XML}<Relationships xmlns="{_REL}"><Relationship'
        f' Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'{_XML}<worksheet xmlns="{_SML}"><dimension'
        f' ref="{dimension}"/><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buf.getvalue()


def lying_docx(inflated: int, declared: int = 20_000) -> bytes:
    """A DOCX whose ``word/document.xml`` declares ``declared`` bytes but inflates to
    ``inflated`` bytes (a paragraph of Thai text padded with spaces): the zip bomb that passes a
    check of declared sizes."""
    head = (
        f'{_XML}<w:document xmlns:w="{_WML}"><w:body><w:p><w:r><w:t>รายงานผลการดำเนินงาน</w:t>'
        "</w:r></w:p><w:p><w:r><w:t>"
    ).encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    chunks = [comp.compress(head)]
    pad = b" " * 2**20
    left = inflated - len(head) - len(tail)
    while left > 0:
        piece = pad[: min(left, len(pad))]
        crc = zlib.crc32(piece, crc)
        chunks.append(comp.compress(piece))
        left -= len(piece)
    crc = zlib.crc32(tail, crc)
    chunks += [comp.compress(tail), comp.flush()]
    data = b"".join(chunks)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            f'{_XML}<Types xmlns="{_CT}"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
            ' ContentType="application/xml"/><Override PartName="/word/document.xml"'
            ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_REL}"><Relationship Id="rId1"'
            f' Type="{_DOC}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
    return _append_raw_member(buf.getvalue(), "word/document.xml", data, crc, declared)


def _append_raw_member(archive: bytes, name: str, data: bytes, crc: int, declared: int) -> bytes:
    """``archive`` with one more deflated member whose headers declare ``declared`` bytes."""
    end = archive.rindex(b"PK\x05\x06")
    count, cd_size, cd_start = struct.unpack("<HII", archive[end + 10 : end + 20])
    body, central = archive[:cd_start], archive[cd_start : cd_start + cd_size]
    raw_name = name.encode()
    offset = len(body)
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(raw_name), 0
    )
    entry = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(data),
        declared,
        len(raw_name),
        0,
        0,
        0,
        0,
        0,
        offset,
    )
    body += local + raw_name + data
    central += entry + raw_name
    eocd = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(central), len(body), 0
    )
    return body + central + eocd


def nested_html(depth: int, tag: str = "div") -> str:
    """A page whose text sits inside ``depth`` nested ``tag`` elements."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>ข่าวประชาสัมพันธ์</title>"
        f"</head><body><h1>ข่าวประชาสัมพันธ์</h1>{f'<{tag}>' * depth}"
        "<p>ประกาศรายงานผลการดำเนินงานประจำปี</p>"
        f"{f'</{tag}>' * depth}<a href='/contact.html'>ติดต่อเรา</a></body></html>"
    )


__all__ = ["lying_docx", "nested_html", "sparse_xlsx"]
