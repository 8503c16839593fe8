"""/zbiorki/jak-zaczac: a short, practical guide to starting an NGO crowdfunding campaign."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.layout import page

INTRO = (
    "Zbiórka w internecie to dobry sposób, by sfinansować konkretny cel i przy okazji zbudować wokół organizacji "
    "grupę ludzi, którym na nim zależy. Poniżej zebraliśmy najważniejsze kroki: od wyboru serwisu po rozliczenie "
    "się z darczyńcami."
)

# (heading, anchor, paragraphs before the list, list items, paragraphs after the list)
SECTIONS: list[tuple[str, str, list[str], list[str], list[str]]] = [
    (
        "Wybierz platformę",
        "platforma",
        ["Serwisy różnią się przeznaczeniem, sposobem weryfikacji organizacji i modelem opłat. Najczęściej wybierane:"],
        [
            "zrzutka.pl – prosta zbiórka na dowolny cel, dobra na start i na mniejsze kwoty;",
            "pomagam.pl i siepomaga.pl – zbiórki społeczne i charytatywne, z weryfikacją celu i organizacji;",
            "Patronite – stałe, comiesięczne wsparcie, gdy potrzebujesz regularnego dochodu zamiast jednorazowej "
            "kwoty;",
            "Wspieram.to i Kickstarter – projekty z nagrodami dla wspierających (np. książka, płyta, wydarzenie).",
        ],
        [
            "Porównaj aktualne cenniki: jedne serwisy pobierają prowizję od zebranej kwoty, inne proszą "
            "wpłacających o dobrowolny dodatek, do tego dochodzą opłaty za płatności online. Sprawdź też, czy "
            "środki trafiają do Ciebie niezależnie od wyniku, czy tylko po osiągnięciu celu.",
        ],
    ),
    (
        "Ustal realny cel",
        "cel",
        ["Kwota docelowa powinna pokrywać pełny koszt przedsięwzięcia, a nie tylko jego najbardziej widoczną część:"],
        [
            "rzeczywiste koszty zakupu lub usługi (najlepiej na podstawie ofert);",
            "prowizję platformy i opłaty za płatności;",
            "koszt nagród i ich wysyłki, jeśli je oferujesz;",
            "ewentualne podatki i koszty księgowe.",
        ],
        [
            "Lepiej zebrać skromniejszą kwotę i ją przekroczyć, niż utknąć w połowie ambitnego celu. Większe "
            "przedsięwzięcie można podzielić na etapy, a z góry warto napisać, co zrobicie z nadwyżką albo gdy "
            "zabraknie części kwoty.",
        ],
    ),
    (
        "Opowiedz historię",
        "historia",
        ["Ludzie wspierają ludzi, nie numery kont. Dobry opis zbiórki odpowiada na proste pytania:"],
        [
            "kim jesteście i od kiedy działacie w powiecie;",
            "jaki problem rozwiązujecie i kogo on dotyczy;",
            "co dokładnie kupią zebrane pieniądze (np. „200 zł to miesiąc zajęć dla jednego dziecka”);",
            "jakie są kolejne kroki i kiedy zobaczymy efekty.",
        ],
        [
            "Dodaj zdjęcia i krótkie wideo z prawdziwych działań, z opisami alternatywnymi i napisami. Pisz "
            "prostym językiem, krótkimi akapitami.",
        ],
    ),
    (
        "Wypromuj zbiórkę",
        "promocja",
        [
            "Pierwsze 48 godzin decyduje o tym, czy zbiórka nabierze tempa. Obcy chętniej wpłacają na zbiórkę, "
            "która już ma wsparcie.",
        ],
        [
            "zacznij od własnej społeczności: członków, wolontariuszy, podopiecznych i ich rodzin;",
            "poproś kilka osób o wpłatę i udostępnienie w pierwszym dniu;",
            "napisz do lokalnych mediów, parafii, szkół i domów kultury;",
            "skorzystaj z sieci organizacji pozarządowych powiatu pruszkowskiego: wzajemne udostępnienia działają;",
            "publikuj aktualizacje: postęp, zakupy, podziękowania.",
        ],
        [
            "Zaplanuj kilka wpisów z wyprzedzeniem, także na środek zbiórki, gdy zainteresowanie zwykle słabnie. "
            "Przypominaj o zbiórce przy każdym wydarzeniu organizacji, także na spotkaniach na żywo.",
        ],
    ),
    (
        "Podziękuj i rozlicz się",
        "rozliczenie",
        [
            "Podziękuj każdemu, najlepiej osobiście. Po zakończeniu opublikuj krótkie sprawozdanie: ile zebrano, "
            "ile pobrała platforma, na co wydano pieniądze i co dzięki temu się udało. Pokaż zdjęcia, faktury w "
            "formie zestawienia, efekty. Jeśli coś poszło inaczej niż w planie, napisz o tym otwarcie. Rzetelne "
            "rozliczenie to najlepsza reklama kolejnej zbiórki.",
        ],
        [],
        [],
    ),
    (
        "Przepisy: zbiórki publiczne",
        "przepisy",
        [
            "Zbieranie pieniędzy „w miejscu publicznym”, np. do puszek na ulicy, podlega ustawie z 14 marca 2014 r. "
            "o zasadach prowadzenia zbiórek publicznych. Taką zbiórkę trzeba przed rozpoczęciem zgłosić na portalu "
            "zbiorki.gov.pl, a po zakończeniu złożyć tam sprawozdanie.",
            "Zbiórki w internecie, prowadzone przez platformę na jej zasadach, są zwykle traktowane inaczej, ale "
            "przepisy i ich interpretacje się zmieniają. Ta strona nie jest poradą prawną: sprawdź aktualne "
            "przepisy, regulamin platformy, a w razie wątpliwości zapytaj w Starostwie Powiatowym w Pruszkowie.",
        ],
        [],
        [],
    ),
    (
        "Podatki i księgowość",
        "podatki",
        ["W ogólnym zarysie warto pamiętać, że:"],
        [
            "wpływy ze zbiórki to przychód organizacji, który trzeba ująć w jej księgach;",
            "darczyńcy mogą w określonych przypadkach odliczyć darowizny na cele pożytku publicznego;",
            "nagrody za wsparcie mogą zostać uznane za sprzedaż, z konsekwencjami podatkowymi.",
        ],
        [
            "Przed startem zbiórki z nagrodami porozmawiaj z osobą prowadzącą księgowość organizacji lub z biurem rachunkowym."
        ],
    ),
    (
        "Dane osobowe wspierających",
        "rodo",
        [
            "Dane wpłacających zwykle przetwarza platforma. Jeśli zbierasz je samodzielnie, np. do podziękowań albo "
            "newslettera, stosuj RODO: poinformuj, kto i po co przetwarza dane, zbieraj tylko niezbędne, na "
            "newsletter poproś o zgodę i nie publikuj nazwisk darczyńców bez ich zgody.",
        ],
        [],
        [],
    ),
]


def _section(title: str, anchor: str, before: list[str], items: list[str], after: list[str]) -> rx.Component:
    children: list[rx.Component] = [rx.text(p, as_="p", margin_top="2") for p in before]
    if items:
        children.append(rx.el.ul(*[rx.el.li(item) for item in items], class_name="plain-bullets"))
    children.extend(rx.text(p, as_="p", margin_top="2") for p in after)
    return rx.el.section(
        rx.heading(title, as_="h2", size="6", margin_top="6", id=anchor),
        *children,
        aria_labelledby=anchor,
    )


def crowdfunding_guide() -> rx.Component:
    return page(
        rx.heading("Jak zacząć zbiórkę dla organizacji", as_="h1", size="8"),
        rx.text(INTRO, as_="p", size="4", margin_top="3"),
        *[_section(*section) for section in SECTIONS],
        rx.el.section(
            rx.heading("Zainspiruj się", as_="h2", size="6", margin_top="6", id="zobacz-zbiorki"),
            rx.text(
                "Sprawdź, jak zbierają inni, i wesprzyj sąsiadów. ",
                rx.link("Zobacz zbiórki organizacji z powiatu", href=routes.CROWDFUNDING, underline="always"),
                ".",
                as_="p",
                margin_top="2",
            ),
            aria_labelledby="zobacz-zbiorki",
        ),
        active=routes.CROWDFUNDING,
    )
