"""Files organisers download: CSV and XLSX of participants, a printable check-in list."""

from __future__ import annotations

import io
from itertools import groupby

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kongres_app.models import DelegateStatus
from kongres_app.services.export_cells import csv_bytes, html_text, xlsx_append_text
from kongres_app.services.organiser import ParticipantRow, export_rows


def participants_csv(rows: list[ParticipantRow]) -> bytes:
    return csv_bytes(export_rows(rows))


def participants_xlsx(rows: list[ParticipantRow]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):  # a new workbook opens on its one plain worksheet
        raise TypeError(f"unexpected active sheet: {sheet!r}")
    sheet.title = "Uczestnicy"
    for row in export_rows(rows):
        xlsx_append_text(sheet, row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for number, column in enumerate(sheet.columns, start=1):
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[get_column_letter(number)].width = min(50, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PRINT_CSS = """
body { font-family: sans-serif; margin: 1.5cm; color: #000; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.2em; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
td.box { width: 1.4cm; }
.box span { display: inline-block; width: 0.8cm; height: 0.8cm; border: 2px solid #000; }
@media print { section { page-break-after: always; } .noprint { display: none; } }
"""


def check_in_list_html(rows: list[ParticipantRow], title: str) -> str:
    """One table per group, names in order, an empty box to tick: for when the hall's Wi-Fi fails."""
    confirmed = [r for r in rows if r.status == DelegateStatus.CONFIRMED]
    parts = [
        "<!DOCTYPE html><html lang='pl'><head><meta charset='utf-8'>",
        f"<title>Lista obecności – {html_text(title)}</title><style>{PRINT_CSS}</style></head><body>",
        f"<h1>Lista obecności – {html_text(title)}</h1>",
        "<p class='noprint'><button type='button' data-print>Drukuj</button></p>",
    ]
    for label, group_rows in groupby(
        sorted(confirmed, key=lambda r: (r.group_number, r.full_name)), key=lambda r: r.group_label
    ):
        parts.append(f"<section><h2>{html_text(label)}</h2><table><thead><tr>")
        parts.append(
            "<th scope='col'>Obecność</th><th scope='col'>Imię i nazwisko</th><th scope='col'>Organizacja</th>"
        )
        parts.append("<th scope='col'>Kod</th><th scope='col'>Podpis</th></tr></thead><tbody>")
        for r in group_rows:
            parts.append(
                f"<tr><td class='box'><span aria-label='pole do zaznaczenia'></span></td><td>{html_text(r.full_name)}</td>"
                f"<td>{html_text(r.org_name)}</td><td>{html_text(r.code)}</td><td></td></tr>"
            )
        parts.append("</tbody></table></section>")
    if not confirmed:
        parts.append("<p>Nikt nie ma jeszcze potwierdzonego miejsca.</p>")
    parts.append("<script src='/print.js'></script></body></html>")  # the print button (no inline handlers)
    return "".join(parts)
