"""The GDPR (RODO) art. 13 information: a short first layer on forms, the full clause on its page."""

import reflex as rx

from kongres_app import routes
from kongres_app.states.privacy import PrivacyState


def privacy_summary() -> rx.Component:
    return rx.box(
        rx.heading("Informacja o przetwarzaniu danych osobowych", as_="h2", size="4"),
        rx.text(
            "Administratorem danych jest ",
            PrivacyState.facts.get("gdpr_controller", ""),
            ". Dane podane w formularzu przetwarzamy, aby zorganizować kongres i kontaktować się z uczestnikami "
            "(art. 6 ust. 1 lit. e RODO), a za zgodą także publikujemy nazwę organizacji i zdjęcia (art. 6 ust. 1 "
            "lit. a RODO). Masz prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania, sprzeciwu, "
            "cofnięcia zgody i skargi do Prezesa UODO. ",
            rx.link(
                "Pełna informacja o ochronie danych",
                href=routes.PRIVACY,
                is_external=True,
                underline="always",
            ),
            " (otwiera się w nowej karcie).",
            as_="p",
        ),
        class_name="privacy-box",
        on_mount=PrivacyState.load,
    )


def _row(title: str, *body) -> rx.Component:
    return rx.fragment(rx.el.dt(title), rx.el.dd(*body))


def privacy_clause() -> rx.Component:
    facts = PrivacyState.facts
    return rx.el.dl(
        _row("Administrator danych", facts.get("gdpr_controller", "")),
        _row("Inspektor ochrony danych", facts.get("gdpr_dpo_contact", "")),
        _row(
            "Cel i podstawa prawna",
            "Organizacja kongresu, rejestracja uczestników, kontakt w sprawach kongresu i wpuszczenie na salę: "
            "wykonanie zadania w interesie publicznym, jakim jest współpraca powiatu z organizacjami "
            "pozarządowymi (art. 6 ust. 1 lit. e RODO w związku z ustawą o działalności pożytku publicznego "
            "i o wolontariacie). Publikacja nazwy organizacji na liście uczestników oraz zdjęć: Twoja zgoda "
            "(art. 6 ust. 1 lit. a RODO). Informacje o potrzebach związanych z dostępnością podajesz dobrowolnie, "
            "abyśmy mogli je zapewnić.",
        ),
        _row("Odbiorcy danych", facts.get("gdpr_recipients", "")),
        _row("Jak długo przechowujemy dane", facts.get("gdpr_retention", "")),
        _row(
            "Twoje prawa",
            "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania, "
            "prawo sprzeciwu oraz prawo cofnięcia zgody w dowolnym momencie (cofnięcie nie wpływa na zgodność "
            "z prawem przetwarzania przed cofnięciem). Zgody i dane zmienisz przez link do zarządzania rejestracją.",
        ),
        _row(
            "Skarga",
            "Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, "
            "00-193 Warszawa, jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem.",
        ),
        _row(
            "Czy musisz podać dane",
            "Podanie danych oznaczonych jako wymagane jest dobrowolne, ale bez nich rejestracja nie jest możliwa. "
            "Dane nie są wykorzystywane do zautomatyzowanego podejmowania decyzji ani profilowania.",
        ),
        _row("Kontakt z organizatorami", facts.get("organiser_contact", "")),
        class_name="definition-list",
    )
