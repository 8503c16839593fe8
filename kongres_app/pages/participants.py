"""/uczestnicy: participating organisations by gmina (only those that agreed)."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.layout import loading, page
from kongres_app.services.registration_views import GminaOrganisations
from kongres_app.states.participants import ParticipantsState


def gmina_section(g: GminaOrganisations) -> rx.Component:
    return rx.el.section(
        rx.heading(g.label, as_="h2", size="5"),
        rx.el.ul(rx.foreach(g.organisations, lambda name: rx.el.li(name)), class_name="plain-bullets"),
        margin_top="5",
    )


def participants() -> rx.Component:
    return page(
        rx.heading("Organizacje uczestniczące", as_="h1", size="8"),
        rx.text(
            "Lista obejmuje organizacje, które przy rejestracji zgodziły się na publikację nazwy.",
            as_="p",
            margin_y="3",
        ),
        rx.cond(
            ParticipantsState.loaded,
            rx.cond(
                ParticipantsState.total > 0,
                rx.fragment(
                    rx.text("Organizacji na liście: ", rx.el.strong(ParticipantsState.total), as_="p"),
                    rx.foreach(ParticipantsState.gminas, gmina_section),
                ),
                rx.callout(
                    rx.el.span(  # the callout is a <p>: no <p> inside (the first HTML would not hydrate)
                        "Na liście nie ma jeszcze żadnej organizacji. ",
                        rx.link("Zarejestruj swoją", href=routes.REGISTRATION, underline="always"),
                        " i zgódź się na publikację nazwy, aby pojawiła się tutaj.",
                    ),
                    icon="info",
                    high_contrast=True,
                ),
            ),
            loading(),
        ),
        active=routes.PARTICIPANTS,
    )
