"""The GDPR (RODO) information: art. 13 for the contact person who fills in the form, art. 14 for the
delegates whose data they give; a short first layer on forms, the full clause on its page."""

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
            "(art. 6 ust. 1 lit. e RODO). Za zgodą publikujemy nazwę organizacji (zgoda osoby zgłaszającej) "
            "i zdjęcia (zgoda każdej osoby na siebie, art. 6 ust. 1 lit. a RODO); informacje o potrzebach "
            "związanych z dostępnością – za wyraźną zgodą osoby, której dotyczą (art. 9 ust. 2 lit. a RODO), "
            "widzą je tylko organizatorzy. Zgłaszając inne osoby, przekaż im tę informację: ich dane mamy od "
            "Ciebie. Nie przekazujemy danych poza Europejski Obszar Gospodarczy. Masz prawo dostępu do danych, "
            "ich sprostowania, usunięcia, ograniczenia przetwarzania, sprzeciwu, cofnięcia zgody i skargi do "
            "Prezesa UODO. ",
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
            "Organizacja kongresu, rejestracja uczestników, kontakt w sprawach kongresu, wpuszczenie na salę "
            "i praca w grupach tematycznych: wykonanie zadania w interesie publicznym (art. 6 ust. 1 lit. e RODO), "
            "jakim jest współpraca powiatu z organizacjami pozarządowymi – art. 4 ust. 1 pkt 22 ustawy z dnia "
            "5 czerwca 1998 r. o samorządzie powiatowym oraz art. 5 ust. 1 i 2 ustawy z dnia 24 kwietnia 2003 r. "
            "o działalności pożytku publicznego i o wolontariacie. Publikacja nazwy organizacji na liście "
            "uczestników: zgoda osoby zgłaszającej organizację; utrwalanie i publikacja wizerunku: zgoda osoby, "
            "którą widać na zdjęciu, wyrażona przez nią samą na stronie „Mój kongres” (art. 6 ust. 1 lit. a RODO). "
            "Informacje o potrzebach związanych z dostępnością to dane o zdrowiu: przetwarzamy je wyłącznie "
            "na podstawie wyraźnej zgody osoby, której dotyczą (art. 9 ust. 2 lit. a RODO), tylko po to, by "
            "zapewnić jej udział w kongresie; widzą je wyłącznie organizatorzy.",
        ),
        _row(
            "Skąd mamy dane osób zgłoszonych",
            "Dane osób, które przyjdą na kongres, przekazuje osoba zgłaszająca organizację (art. 14 RODO): "
            "imię i nazwisko, adres e-mail (jeśli go podano), wybraną grupę tematyczną oraz – jeśli je opisano "
            "i osoba się na to zgodziła – potrzeby związane z dostępnością. Każda z tych osób dostaje tę "
            "informację na stronie „Mój kongres” i przy dołączaniu do tablicy grupy, a gdy podano jej adres "
            "e-mail – także pocztą.",
        ),
        _row("Odbiorcy danych", facts.get("gdpr_recipients", "")),
        _row(
            "Przekazywanie danych poza EOG",
            "Nie przekazujemy danych do państw trzecich (poza Europejski Obszar Gospodarczy) ani do organizacji "
            "międzynarodowych.",
        ),
        _row(
            "Jak długo przechowujemy dane",
            facts.get("gdpr_retention", ""),
            ". ",
            facts.get("needs_retention", ""),
        ),
        _row(
            "Twoje prawa",
            "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania, "
            "prawo sprzeciwu oraz prawo cofnięcia zgody w dowolnym momencie (cofnięcie nie wpływa na zgodność "
            "z prawem przetwarzania przed cofnięciem). Osoba zgłaszająca zmienia dane przez link do zarządzania "
            "rejestracją; każda zgłoszona osoba wyraża lub cofa zgodę na zdjęcia i usuwa informacje o swoich "
            "potrzebach na stronie „Mój kongres”, po wpisaniu swojego kodu wejścia.",
        ),
        _row(
            "Skarga",
            "Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych (PUODO), ul. Stawki 2, "
            "00-193 Warszawa, jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem.",
        ),
        _row(
            "Czy musisz podać dane",
            "Nie masz obowiązku podawać danych, ale bez danych oznaczonych jako wymagane nie przyjmiemy zgłoszenia. "
            "Informacje o potrzebach i zgody są nieobowiązkowe. "
            "Dane nie są wykorzystywane do zautomatyzowanego podejmowania decyzji ani profilowania.",
        ),
        _row("Kontakt z organizatorami", facts.get("organiser_contact", "")),
        class_name="definition-list",
    )
