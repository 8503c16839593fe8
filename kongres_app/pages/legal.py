"""/regulamin (the congress rules) and /ochrona-danych (the full GDPR information clause)."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.layout import page
from kongres_app.components.privacy import privacy_clause
from kongres_app.states.congress import CongressState

RULES = [
    "Kongres jest otwarty dla organizacji pozarządowych, grup nieformalnych i ruchów społecznych działających "
    "na rzecz mieszkańców powiatu pruszkowskiego. Udział jest bezpłatny.",
    "Organizację rejestruje osoba do kontaktu, zgłaszając od 1 do 5 osób. Każda zgłoszona osoba wybiera jedną "
    "z grup tematycznych.",
    "Liczba miejsc w grupach i na sali jest ograniczona. Decyduje kolejność zgłoszeń; osoby, dla których "
    "zabrakło miejsca, trafiają na listę rezerwową i otrzymują miejsce automatycznie, gdy się zwolni.",
    "Każda zgłoszona osoba otrzymuje kod wejścia, który okazuje przy rejestracji na sali.",
    "Zmian i rezygnacji dokonuje się przez link do zarządzania rejestracją. Prosimy o rezygnację, gdy ktoś nie może "
    "przyjść: jego miejsce dostanie osoba z listy rezerwowej.",
    "Uczestnicy dyskutują z szacunkiem dla innych; moderatorzy grup mogą ukryć notatki naruszające te zasady.",
    "Zbiórki społecznościowe pokazane w serwisie zgłaszają i prowadzą same organizacje. Powiat ich nie prowadzi, "
    "nie poręcza i nie odpowiada za nie; oznaczenie „Sprawdzona przez organizatorów” znaczy tylko, że "
    "organizatorzy potwierdzili, iż zbiórkę zgłosiła zarejestrowana organizacja i że link prowadzi do jej "
    "zbiórki na wskazanej platformie.",
    "Organizatorzy mogą zmienić program z ważnych powodów i poinformują o tym uczestników.",
]


def rules() -> rx.Component:
    return page(
        rx.heading("Regulamin kongresu", as_="h1", size="8"),
        rx.text(CongressState.edition.name, as_="p", margin_top="3"),
        rx.text("Organizator: ", CongressState.edition.host, ".", as_="p"),
        rx.text(
            "Regulamin obowiązuje od dnia otwarcia rejestracji (",
            CongressState.edition.registration_opens_label,
            ") do zakończenia kongresu.",
            as_="p",
            margin_bottom="3",
        ),
        rx.el.ol(*[rx.el.li(rule) for rule in RULES], class_name="numbered"),
        rx.text(
            "Zasady przetwarzania danych opisuje ",
            rx.link("informacja o ochronie danych", href=routes.PRIVACY, underline="always"),
            ".",
            as_="p",
            margin_top="4",
        ),
        active=routes.REGISTRATION,
    )


def privacy() -> rx.Component:
    return page(
        rx.heading("Informacja o ochronie danych osobowych", as_="h1", size="8"),
        rx.text(
            "Na podstawie art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 (RODO) informujemy, "
            "jak przetwarzamy dane podane przy rejestracji na kongres.",
            as_="p",
            margin_y="3",
        ),
        privacy_clause(),
        active=routes.REGISTRATION,
    )
