"""Documents for matcher tests, read from real HTML with the project's own link finder.

Uses the extraction stage's ``extract_html`` when it is available; until then the same plain
fields (title, headings, text, links, tables) are read here with selectolax.
"""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from oit_checker.extract.links import extract_links
from oit_checker.models import DocKind, Document, Table
from oit_checker.rules.loader import load_pack
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import normalize

RULES = Path(__file__).resolve().parents[2] / "rules"


def pack(year: int) -> Pack:
    return load_pack(RULES / f"nacc-{year}.yaml")


def has_pack(year: int) -> bool:
    return (RULES / f"nacc-{year}.yaml").is_file()


def html_doc(html: str, url: str) -> Document:
    """A Document read from an HTML string."""
    try:
        from oit_checker.extract import extract_html  # type: ignore[attr-defined]
    except ImportError:
        return _read(html, url)
    doc: Document = extract_html(html, url)
    return doc


def file_doc(url: str, title: str, text: str, kind: DocKind = DocKind.PDF) -> Document:
    """A Document as the extraction stage makes it from a PDF/DOCX: text, no links."""
    return Document(url=url, kind=kind, title=normalize(title), text=normalize(text))


def _read(html: str, url: str) -> Document:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = normalize(title_node.text(strip=True)) if title_node else ""
    headings = [
        normalize(h.text(separator=" ", strip=True))
        for h in tree.css("h1, h2, h3, h4, h5, h6, summary")
    ]
    tables = [
        Table(
            rows=[
                [normalize(c.text(separator=" ", strip=True)) for c in tr.css("td, th")]
                for tr in table.css("tr")
            ]
        )
        for table in tree.css("table")
    ]
    links = extract_links(tree, url)
    for node in tree.css("script, style"):
        node.decompose()
    body = tree.body
    text = normalize(body.text(separator="\n", strip=True)) if body else ""
    return Document(
        url=url,
        kind=DocKind.HTML,
        title=title,
        text=text,
        headings=[h for h in headings if h],
        links=links,
        tables=tables,
    )
