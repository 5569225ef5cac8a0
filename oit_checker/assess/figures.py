"""Empty is not zero: a statistics table with headers and blank cells holds no figures.

An element whose recogniser reads figures from table cells (``table_cells``, directly or
through a shared recogniser) and is missing from a document that shows such a table gets the
specific reason ``statistics_blank`` instead of a bare "missing". Rows of a document read
as text (a PDF) are blank when they hold only their period (a month, a quarter) and its
year; the pack's shared recogniser ``blank_statistics_row`` says what such a row looks like.
"""

from __future__ import annotations

from collections.abc import Sequence

from oit_checker.assess.recognize import Source, recognize
from oit_checker.models import Problem, Table
from oit_checker.problems import make
from oit_checker.rules.schema import Element, Pack, Recognizer

BLANK_ROW = "blank_statistics_row"
_MIN_BLANK_ROWS = 2


def blank_statistics(
    missing: Sequence[Element], pool: Sequence[Source], pack: Pack
) -> Problem | None:
    """``statistics_blank`` for the first missing figure element shown as a blank table."""
    blank_row = pack.recognizers.get(BLANK_ROW)
    for element in missing:
        if not _reads_cells(element.recognize):
            continue
        for source in pool:
            if _has_blank_table(source) or _blank_rows(blank_row, source):
                return make(
                    "statistics_blank", source.url, element=element.th, element_en=element.en
                )
    return None


def _reads_cells(rec: Recognizer) -> bool:
    return bool(rec.table_cells) or any(_reads_cells(s) for s in rec.shared)


def _has_blank_table(source: Source) -> bool:
    doc = source.doc
    return doc is not None and any(_blank(table) for table in doc.tables)


def _blank(table: Table) -> bool:
    """A header row, then rows that have cells beyond their label and all of them empty."""
    data = [row for row in table.rows[1:] if len(row) > 1]
    return bool(data) and all(not cell.strip() for row in data for cell in row[1:])


def _blank_rows(blank_row: Recognizer | None, source: Source) -> bool:
    """At least two rows that hold only a period label (``blank_statistics_row``)."""
    if blank_row is None:
        return False
    return recognize(blank_row.model_copy(update={"min_count": _MIN_BLANK_ROWS}), source).found


__all__ = ["BLANK_ROW", "blank_statistics"]
