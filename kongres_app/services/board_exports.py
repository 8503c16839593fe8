"""Boards and the plenary as Markdown and CSV, for the congress's protocol."""

from __future__ import annotations

from kongres_app.services.boards import BoardView, NoteView, PlenaryGroup
from kongres_app.services.export_cells import csv_bytes
from kongres_app.services.export_cells import markdown_text as _md_text


def _md_note(n: NoteView) -> str:
    flags = "".join((" [przypięta]" if n.pinned else "", " [na sesję plenarną]" if n.plenary else ""))
    return f"- **{n.kind_label}** (+{n.votes}){flags}: {_md_text(n.text)} — _{_md_text(n.author)}, {n.time}_"


def board_markdown(view: BoardView) -> str:
    lines = [f"# Grupa {view.roman}: {_md_text(view.name)}", "", f"Notatek: {len(view.notes)}", ""]
    lines += [_md_note(n) for n in view.top] or ["(brak notatek)"]
    return "\n".join(lines) + "\n"


def plenary_markdown(groups: list[PlenaryGroup]) -> str:
    lines = ["# Sesja plenarna: ustalenia grup", ""]
    for g in groups:
        lines += [f"## Grupa {g.roman}: {_md_text(g.name)}", ""]
        for title, notes in (
            ("Na sesję plenarną", g.marked),
            ("Najczęściej popierane trudności", g.difficulties),
            ("Najczęściej popierane propozycje", g.proposals),
        ):
            lines += [f"### {title}", ""] + ([_md_note(n) for n in notes] or ["(brak)"]) + [""]
    return "\n".join(lines)


HEADER = ["Grupa", "Nr", "Rodzaj", "Treść", "Autor", "Poparcia", "Godzina", "Przypięta", "Na sesję plenarną"]


def _row(group: str, n: NoteView) -> list[str]:
    values = [group, str(n.id), n.kind_label, n.text, n.author, str(n.votes), n.time]
    return [*values, "tak" if n.pinned else "nie", "tak" if n.plenary else "nie"]


def _csv(rows: list[list[str]]) -> bytes:
    return csv_bytes([HEADER, *rows])


def board_csv(view: BoardView) -> bytes:
    return _csv([_row(f"Grupa {view.roman}", n) for n in view.top])


def plenary_csv(groups: list[PlenaryGroup]) -> bytes:
    return _csv([_row(f"Grupa {g.roman}", n) for g in groups for n in (*g.marked, *g.difficulties, *g.proposals)])
