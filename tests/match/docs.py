"""Documents for matcher tests, read from real HTML with the project's own link finder.

Uses the extraction stage's ``extract_html`` when it is available; until then the same plain
fields (title, headings, text, links, tables) are read here with selectolax.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from oit_checker.extract.links import extract_links
from oit_checker.models import DocKind, Document, Table
from oit_checker.rules.loader import RulePackError, load_pack
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import normalize

RULES = Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=8)
def pack(year: int) -> Pack:
    """The bundled pack of a year. Problem codes of wrong-document rules are another stage's
    concern: when only that cross-check fails, the pack is validated against its schema alone."""
    path = RULES / f"nacc-{year}.yaml"
    try:
        return load_pack(path)
    except RulePackError as exc:
        if all("problem code" in line for line in exc.errors):
            return Pack.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        raise


def has_pack(year: int) -> bool:
    """Whether the year's pack is written and valid (packs are being written in parallel)."""
    try:
        pack(year)
    except (OSError, RulePackError, ValueError):
        return False
    return True


def html_doc(html: str, url: str) -> Document:
    """A Document read from an HTML string."""
    try:
        from oit_checker.extract.html import extract_html
    except ImportError:
        return _read(html, url)
    return extract_html(html, url)


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
