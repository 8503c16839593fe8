"""/grupy, /grupy/<n>, /grupy/<n>/ekran, /plenarna, /plenarna/ekran."""

from collections.abc import Callable

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.components.board import join_box, note_form, note_list
from kongres_app.components.layout import loading, page
from kongres_app.components.links import file_link
from kongres_app.services.boards import GroupSummary, NoteView, PlenaryGroup
from kongres_app.states.board_moderation import BoardModerationState as M
from kongres_app.states.board_overviews import BoardFirstScreen, GroupsState, PlenaryState
from kongres_app.states.board_participant import BoardParticipantState as P
from kongres_app.states.boards import BoardState as B


def group_summary(g: ObjectVar[GroupSummary]) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.badge("Grupa " + g.roman.to(str), variant="solid", high_contrast=True),
            rx.heading(
                rx.link(g.name, href="/grupy/" + g.number.to_string(), underline="always"),
                as_="h2",
                size="5",
                margin_top="2",
            ),
            rx.text(g.description, as_="p", margin_y="2"),
            rx.text("Notatek: ", g.notes, " · uczestników: ", g.participants, as_="p", size="2"),
            height="100%",
        )
    )


def groups() -> rx.Component:
    return page(
        rx.heading("Grupy tematyczne", as_="h1", size="8"),
        rx.text(
            "Każda grupa zapisuje na swojej tablicy trudności, propozycje i pytania. Najważniejsze z nich trafiają "
            "na debatę plenarną. Tablice aktualizują się na żywo.",
            as_="p",
            margin_y="3",
        ),
        rx.el.ul(rx.foreach(GroupsState.groups, group_summary), class_name="card-grid", aria_live="polite"),
        rx.link(
            "Zobacz ustalenia na sesję plenarną →",
            href=routes.PLENARY,
            underline="always",
            margin_top="4",
            display="inline-block",
        ),
        active=routes.GROUPS,
    )


def controls() -> rx.Component:
    return rx.flex(
        rx.box(
            rx.el.label("Kolejność", html_for="tablica-kolejnosc", class_name="field-label"),
            rx.el.select(
                rx.el.option("Najnowsze", value="newest"),
                rx.el.option("Najbardziej popierane", value="top"),
                id="tablica-kolejnosc",
                value=B.sort,
                on_change=B.set_sort,
                class_name="native-select",
            ),
        ),
        rx.box(
            rx.el.label("Pokaż", html_for="tablica-rodzaj", class_name="field-label"),
            rx.el.select(
                rx.el.option("Wszystkie", value=""),
                rx.el.option("Trudności", value="trudnosc"),
                rx.el.option("Propozycje", value="propozycja"),
                rx.el.option("Pytania", value="pytanie"),
                id="tablica-rodzaj",
                value=B.kind_filter,
                on_change=B.set_kind_filter,
                class_name="native-select",
            ),
        ),
        spacing="4",
        wrap="wrap",
        margin_y="3",
    )


def _list():
    moderator = rx.cond(B.sort == "top", M.top_ids, M.newest_ids)
    public = rx.cond(B.sort == "top", B.top_ids, B.newest_ids)
    return rx.cond(
        M.is_moderator,
        note_list(moderator, M.notes_by_id),
        rx.cond(
            B.newest_ids.length() > 0,
            note_list(public, B.notes_by_id),
            rx.text("Na tablicy nie ma jeszcze notatek. Dodaj pierwszą!", as_="p", role="status"),
        ),
    )


def board_body() -> rx.Component:
    return rx.fragment(
        rx.badge("Grupa " + B.roman, variant="solid", size="2", high_contrast=True),
        rx.heading(B.name, as_="h1", size="8", margin_top="2"),
        rx.text(B.description, as_="p", margin_y="2"),
        rx.flex(
            rx.link("Widok na rzutnik", href="/grupy/" + B.number.to_string() + "/ekran", underline="always"),
            file_link(
                "Pobierz notatki (CSV)",
                "/api/grupy/" + B.number.to_string() + "/notatki.csv",
                filename="grupa-" + B.number.to_string() + "-notatki.csv",
            ),
            file_link(
                "Pobierz notatki (tekst .md)",
                "/api/grupy/" + B.number.to_string() + "/notatki.md",
                filename="grupa-" + B.number.to_string() + "-notatki.md",
            ),
            spacing="4",
            wrap="wrap",
        ),
        rx.box(B.notice, id="komunikat-tablica", tab_index=-1, role="status", class_name="notice"),
        rx.box(B.live_message, aria_live="polite", class_name="sr-only"),
        join_box(),
        rx.cond(
            P.can_post,
            note_form(),
            rx.cond(
                P.me_name != "",
                rx.text("Piszesz i głosujesz na tablicy swojej grupy; tę możesz czytać.", as_="p", margin_y="3"),
            ),
        ),
        rx.heading("Notatki", as_="h2", size="6", margin_top="5"),
        controls(),
        _list(),
    )


def _live_board() -> rx.Component:
    return rx.cond(B.found, board_body(), rx.heading("Nie ma takiej grupy", as_="h1", size="8"))


def board() -> rx.Component:
    return page(rx.cond(B.loaded, _live_board(), loading()), active=routes.GROUPS)


def _first_screen(first: BoardFirstScreen) -> rx.Component:
    """The board as of the app's start, for the first HTML: what the live page shows, read-only, until it
    takes over (the same note cards, fed the snapshot's notes instead of the state's)."""
    return rx.fragment(
        rx.badge(f"Grupa {first.roman}", variant="solid", size="2", high_contrast=True),
        rx.heading(first.name, as_="h1", size="8", margin_top="2"),
        rx.text(first.description, as_="p", margin_y="2"),
        join_box(),
        rx.heading("Notatki", as_="h2", size="6", margin_top="5"),
        note_list(rx.Var.create(first.newest_ids), rx.Var.create(first.notes_by_id))
        if first.newest_ids
        else rx.text("Na tablicy nie ma jeszcze notatek. Dodaj pierwszą!", as_="p", role="status"),
    )


def board_as_of_start(first: BoardFirstScreen) -> Callable[[], rx.Component]:
    """``/grupy/<n>`` as its own static route, so the build prerenders it with this board's notes."""

    def board_page() -> rx.Component:
        return page(rx.cond(B.loaded, _live_board(), _first_screen(first)), active=routes.GROUPS)

    board_page.__name__ = f"board_{first.number}"
    return board_page


def _projector_frame(title, qr_target, qr_alt: str, body, pause_on_click, paused) -> rx.Component:
    # The address is known only once the page is live (the server HTML has "://" for an origin): no QR before.
    qr_known = rx.State.is_hydrated & rx.State.router.url.origin.startswith("http")
    return rx.box(
        rx.flex(
            rx.heading(title, as_="h1", class_name="projector-title"),
            rx.flex(
                rx.cond(
                    qr_known,
                    rx.image(
                        src="/api/qr?u=" + qr_target,
                        alt=qr_alt,
                        width="140px",
                        height="140px",
                    ),
                ),
                rx.button(
                    rx.cond(paused, "Wznów aktualizacje", "Wstrzymaj aktualizacje"),
                    on_click=pause_on_click,
                    size="3",
                    aria_pressed=rx.cond(paused, "true", "false"),
                ),
                direction="column",
                align="center",
                spacing="2",
            ),
            justify="between",
            align="start",
            spacing="4",
            wrap="wrap",
        ),
        rx.cond(qr_known, rx.text(qr_target, size="4", as_="p")),
        body,
        class_name="projector",
    )


def board_projector() -> rx.Component:
    ids = rx.cond(B.sort == "top", B.top_ids, B.newest_ids)
    return rx.el.main(
        rx.cond(
            B.found,
            _projector_frame(
                "Grupa " + B.roman + ": " + B.name,
                rx.State.router.url.origin + "/grupy/" + B.number.to_string(),
                "Kod QR z adresem tej tablicy",
                rx.cond(B.paused, note_list(B.frozen_ids, B.frozen_by_id, True), note_list(ids, B.notes_by_id, True)),
                B.toggle_pause,
                B.paused,
            ),
            loading(),
        ),
        rx.box(rx.cond(B.paused, "", B.live_message), aria_live="polite", class_name="sr-only"),
        id=routes.MAIN_CONTENT_ID,
    )


def plenary_note(n: NoteView) -> rx.Component:
    return rx.el.li(rx.text(rx.el.strong(n.kind_label, ": "), n.text, " (+", n.votes, ")"), class_name="plenary-note")


def _supported(g: ObjectVar[PlenaryGroup], key: str, kind: str, notes, none: str) -> rx.Component:
    """A group's most supported notes of one kind (only those with a vote), the list named by its heading."""
    heading_id = key + "-" + g.number.to_string()
    return rx.fragment(
        rx.heading(f"Najczęściej popierane {kind}", as_="h3", size="3", margin_top="2", id=heading_id),
        rx.cond(
            notes.length() > 0,
            rx.el.ul(rx.foreach(notes, plenary_note), class_name="plain-bullets", aria_labelledby=heading_id),
            rx.text(f"Nikt jeszcze nie poparł {none} w tej grupie.", as_="p", size="2"),
        ),
    )


def plenary_group(g: ObjectVar[PlenaryGroup]) -> rx.Component:
    return rx.el.section(
        rx.heading("Grupa " + g.roman.to(str) + ": " + g.name.to(str), as_="h2", size="5"),
        rx.cond(
            g.marked.length() > 0,
            rx.fragment(
                rx.heading("Na sesję plenarną", as_="h3", size="3", margin_top="2"),
                rx.el.ul(rx.foreach(g.marked, plenary_note), class_name="plain-bullets"),
            ),
        ),
        _supported(g, "trudnosci", "trudności", g.difficulties, "żadnej trudności"),
        _supported(g, "propozycje", "propozycje", g.proposals, "żadnej propozycji"),
        class_name="plenary-group",
    )


def plenary() -> rx.Component:
    return page(
        rx.heading("Sesja plenarna: ustalenia grup", as_="h1", size="8"),
        rx.text(
            "Najpierw notatki, które moderatorzy wskazali na debatę, potem najczęściej popierane trudności "
            "i propozycje każdej grupy. Strona aktualizuje się na żywo.",
            as_="p",
            margin_y="3",
        ),
        rx.flex(
            rx.link("Widok na rzutnik", href=routes.PLENARY_SCREEN, underline="always"),
            file_link("Pobierz ustalenia (tekst .md)", routes.API_PLENARY_MD, filename="plenarna.md"),
            file_link("Pobierz ustalenia (CSV)", routes.API_PLENARY_CSV, filename="plenarna.csv"),
            spacing="4",
            wrap="wrap",
        ),
        rx.cond(
            PlenaryState.loaded,
            rx.el.div(rx.foreach(PlenaryState.groups, plenary_group), class_name="plenary-grid", aria_live="polite"),
            loading(),
        ),
        active=routes.PLENARY,
    )


def plenary_projector() -> rx.Component:
    groups = rx.cond(PlenaryState.paused, PlenaryState.frozen, PlenaryState.groups)
    return rx.el.main(
        _projector_frame(
            "Sesja plenarna: ustalenia grup",
            rx.State.router.url.origin + routes.PLENARY,
            "Kod QR z adresem strony sesji plenarnej",
            rx.el.div(rx.foreach(groups, plenary_group), class_name="plenary-grid"),
            PlenaryState.toggle_pause,
            PlenaryState.paused,
        ),
        id=routes.MAIN_CONTENT_ID,
    )
