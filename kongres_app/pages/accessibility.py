"""/deklaracja-dostepnosci: the accessibility statement in the form the 2019 Polish act prescribes."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.layout import page
from kongres_app.states.privacy import PrivacyState

KNOWN_GAPS = [
    "Wykresy na pulpicie organizatora i na stronach zbiórek mają opis tekstowy, ale nie tabelę z danymi.",
    "Kod QR na widoku rzutnika nie ma alternatywy poza wyświetlanym obok adresem strony.",
    "Zdjęcia zbiórek dodane przed wprowadzeniem obowiązkowego opisu mogą go nie mieć; każde nowe zdjęcie "
    "ma opis alternatywny, który podaje autor zbiórki.",
    "Nie przeprowadzono jeszcze audytu z udziałem użytkowników czytników ekranu.",
]


def _section(title: str, *children) -> rx.Component:
    return rx.el.section(rx.heading(title, as_="h2", size="6", margin_top="5"), *children)


def accessibility_statement() -> rx.Component:
    facts = PrivacyState.facts
    return page(
        rx.heading("Deklaracja dostępności", as_="h1", size="8"),
        rx.text(
            "Starostwo Powiatowe w Pruszkowie zobowiązuje się zapewnić dostępność tej strony internetowej zgodnie "
            "z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych "
            "podmiotów publicznych. Deklaracja dotyczy serwisu Kongresu Organizacji Pozarządowych Powiatu "
            "Pruszkowskiego dostępnego pod adresem ",
            facts.get("site_address", ""),
            ".",
            as_="p",
            margin_y="3",
        ),
        rx.el.dl(
            rx.el.dt("Data publikacji strony internetowej"),
            rx.el.dd(facts.get("a11y_published_on", "")),
            rx.el.dt("Data ostatniej istotnej aktualizacji"),
            rx.el.dd(facts.get("a11y_updated_on", "")),
            class_name="definition-list",
        ),
        _section(
            "Stan dostępności cyfrowej",
            rx.text(
                "Strona jest częściowo zgodna z ustawą o dostępności cyfrowej z powodu niezgodności lub wyłączeń "
                "wymienionych poniżej.",
                as_="p",
            ),
            rx.el.ul(*[rx.el.li(gap) for gap in KNOWN_GAPS], class_name="plain-bullets"),
        ),
        _section(
            "Przygotowanie deklaracji",
            rx.text(
                "Deklarację sporządzono dnia ",
                facts.get("a11y_updated_on", ""),
                " na podstawie samooceny przeprowadzonej przez zespół tworzący serwis. "
                "Każda zmiana serwisu przechodzi automatyczne testy dostępności (axe-core, kryteria WCAG 2.1 A i AA) "
                "w przeglądarce oraz testy obsługi z klawiatury.",
                as_="p",
            ),
        ),
        _section(
            "Ułatwienia na stronie",
            rx.el.ul(
                rx.el.li(
                    "Powiększanie tekstu w trzech stopniach i tryb wysokiego kontrastu; ustawienia są zapamiętywane."
                ),
                rx.el.li("Odsłuchanie zaznaczonego tekstu lub treści strony w języku polskim (przycisk „Odsłuchaj”)."),
                rx.el.li("Link „Przejdź do treści” i pełna obsługa z klawiatury."),
                rx.el.li("Komunikaty na żywo odczytywane przez czytniki ekranu bez przenoszenia fokusu."),
                class_name="plain-bullets",
            ),
        ),
        _section(
            "Informacje zwrotne i dane kontaktowe",
            rx.text(
                "W przypadku problemów z dostępnością strony prosimy o kontakt: ",
                facts.get("a11y_contact", ""),
                ".",
                as_="p",
            ),
            rx.text(
                "Każdy ma prawo zażądać zapewnienia dostępności cyfrowej strony lub jej elementu albo informacji "
                "w formie alternatywnej. Żądanie powinno zawierać dane osoby zgłaszającej, wskazanie strony lub elementu "
                "oraz sposób kontaktu; można też wskazać dogodną formę informacji. Zgodnie z art. 18 ustawy odpowiemy "
                "niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeśli dotrzymanie tego terminu nie będzie możliwe, poinformujemy o nowym terminie, "
                "nie dłuższym niż 2 miesiące od zgłoszenia.",
                as_="p",
                margin_top="2",
            ),
        ),
        _section(
            "Procedura skargowa",
            rx.text(
                "Jeśli odmówimy zapewnienia dostępności lub informacji w formie alternatywnej, można złożyć skargę "
                "do Starostwa Powiatowego w Pruszkowie. Po wyczerpaniu tej drogi można złożyć wniosek do Rzecznika "
                "Praw Obywatelskich (www.rpo.gov.pl).",
                as_="p",
            ),
        ),
        _section(
            "Dostępność architektoniczna",
            rx.text(facts.get("a11y_building", ""), as_="p"),
        ),
        active=routes.ACCESSIBILITY,
    )
