"""The delegate's own data on /moj-kongres: where it came from (RODO art. 14), photos, accessibility needs."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.states.my_data import MyDataState as M

SOURCE_NOTE = (
    "Twoje dane przekazała nam osoba, która zgłosiła Twoją organizację na kongres. Jak je przetwarzamy "
    "i jakie masz prawa: "
)


def source_note() -> rx.Component:
    """One line for places a delegate arrives at with their code (the board's join box)."""
    return rx.text(
        SOURCE_NOTE,
        rx.link("informacja o ochronie danych", href=routes.PRIVACY, is_external=True, underline="always"),
        " (otwiera się w nowej karcie).",
        as_="p",
        size="2",
    )


def _facts() -> rx.Component:
    d = M.data
    return rx.el.dl(
        rx.el.dt("Kto przekazał dane"),
        rx.el.dd(d.contact_name, ", osoba do kontaktu z organizacji ", d.org_name),
        rx.el.dt("Jakie dane"),
        rx.el.dd(
            "imię i nazwisko",
            rx.cond(d.email != "", ", adres e-mail", ""),
            ", grupa tematyczna, kod wejścia",
            rx.cond(d.has_needs, ", potrzeby związane z dostępnością", ""),
        ),
        rx.el.dt("Po co"),
        rx.el.dd(
            "Aby zorganizować kongres i Twoją pracę w grupie (art. 6 ust. 1 lit. e RODO). Informacje o potrzebach "
            "– tylko za Twoją zgodą, by je zapewnić (art. 9 ust. 2 lit. a RODO); widzą je wyłącznie organizatorzy."
        ),
        class_name="definition-list",
    )


def my_data_section() -> rx.Component:
    d = M.data
    return rx.box(
        rx.heading("Twoje dane i zgody", as_="h2", size="6", margin_top="5"),
        rx.cond(
            M.loaded,
            rx.fragment(
                _facts(),
                forms.checkbox_input(
                    "pole-zgoda-zdjecia",
                    d.image_consent,
                    M.set_image_consent,
                    "",
                    "Zgadzam się na utrwalanie mojego wizerunku na zdjęciach z kongresu i ich publikację w relacji "
                    "z kongresu, którą starostwo zamieszcza na stronie internetowej powiatu i w jego mediach "
                    "społecznościowych (art. 6 ust. 1 lit. a RODO). Zgodę możesz w każdej chwili cofnąć, odznaczając to pole.",
                    required=False,
                ),
                rx.cond(
                    d.has_needs,
                    rx.box(
                        rx.text("Twoje potrzeby związane z dostępnością: ", d.accessibility_needs, as_="p"),
                        rx.text(
                            "Usuniemy je sami ",
                            d.needs_erased_on,
                            ", po kongresie. Możesz je usunąć już teraz: to cofnięcie zgody na ich przetwarzanie.",
                            as_="p",
                            size="2",
                        ),
                        rx.button(
                            "Usuń informacje o moich potrzebach",
                            type="button",
                            variant="soft",
                            color_scheme="red",
                            on_click=M.erase_needs,
                            margin_top="2",
                        ),
                        margin_top="3",
                    ),
                ),
            ),
            rx.fragment(),
        ),
        rx.box(M.notice, role="status", aria_live="polite", class_name="notice"),
        rx.text(
            rx.link("Pełna informacja o ochronie danych", href=routes.PRIVACY, underline="always"),
            as_="p",
            margin_top="2",
        ),
        on_mount=M.load,
    )
