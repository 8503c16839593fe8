"""The page frame: skip link, header with navigation (desktop bar, phone menu), main, footer."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import live_link
from kongres_app.components.links import file_link

BRAND_COUNTY = "Powiat Pruszkowski"
BRAND_NAME = "Kongres Organizacji Pozarządowych"


def skip_link() -> rx.Component:
    return rx.el.a(
        "Przejdź do treści",
        href=f"#{routes.MAIN_CONTENT_ID}",
        # The router would rebuild the address from the path alone (dropping ``?klucz=…``): move focus ourselves
        # (WCAG 2.4.1); before the page is live the plain ``#tresc`` link does it.
        on_click=rx.call_script(f"document.getElementById('{routes.MAIN_CONTENT_ID}').focus()").prevent_default,
        class_name="skip-link",
    )


def _nav_links(active: str, css_class: str) -> rx.Component:
    return rx.el.ul(
        *[
            rx.el.li(
                rx.link(
                    label,
                    href=path,
                    aria_current="page" if path == active else None,
                    class_name="nav-link",
                )
            )
            for path, label in routes.NAVIGATION
        ],
        class_name=css_class,
    )


def brand() -> rx.Component:
    return rx.link(
        rx.el.span(BRAND_COUNTY, class_name="brand-county"),
        rx.el.span(BRAND_NAME, class_name="brand-name"),
        href=routes.HOME,
        class_name="brand",
        underline="none",
    )


# (visible label, words added for screen readers, script). The accessible name starts with the
# visible label (WCAG 2.5.3), so voice control users can say what they see.
A11Y_ACTIONS = [
    ("A−", "zmniejsz tekst", "window.kongresDostepnosc.size(-1)"),
    ("A", "tekst w rozmiarze podstawowym", "window.kongresDostepnosc.size(0)"),
    ("A+", "powiększ tekst", "window.kongresDostepnosc.size(1)"),
    ("Kontrast", "przełącz wysoki kontrast", "window.kongresDostepnosc.contrast()"),
    ("Odsłuchaj", "zaznaczony tekst albo treść strony", "window.kongresDostepnosc.speak()"),
    ("Zatrzymaj", "czytanie", "window.kongresDostepnosc.stop()"),
]


def accessibility_bar() -> rx.Component:
    """Text size, contrast and read-aloud: plain buttons running client-side code, no server round trip."""
    return rx.el.div(
        rx.el.div(
            rx.el.span("Dostępność:", class_name="sr-only"),
            *[
                rx.el.button(
                    label,
                    rx.el.span(f" {extra}", class_name="sr-only"),
                    type="button",
                    title=f"{label}: {extra}",
                    on_click=rx.call_script(script),
                    class_name="a11y-button",
                )
                for label, extra, script in A11Y_ACTIONS
            ],
            rx.link("Deklaracja dostępności", href=routes.ACCESSIBILITY, underline="always", size="2"),
            rx.el.span(id="komunikat-dostepnosc", role="status", aria_live="polite", class_name="sr-only"),
            class_name="a11y-inner",
        ),
        role="region",
        aria_label="Ułatwienia dostępu",
        class_name="a11y-bar",
    )


def site_header(active: str) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            brand(),
            rx.el.nav(
                _nav_links(active, "nav-list"),
                aria_label="Menu główne",
                class_name="nav-desktop",
            ),
            rx.el.details(
                rx.el.summary(
                    rx.icon("menu", size=20, aria_hidden="true"),
                    rx.el.span("Menu"),
                    class_name="nav-toggle",
                ),
                rx.el.nav(
                    _nav_links(active, "nav-list-mobile"),
                    aria_label="Menu główne (telefon)",
                ),
                class_name="nav-mobile",
            ),
            class_name="header-inner",
        ),
        class_name="site-header",
    )


def site_footer() -> rx.Component:
    return rx.el.footer(
        rx.el.div(
            rx.el.p(
                rx.el.strong("Starostwo Powiatowe w Pruszkowie"),
                " · program „Powiat Społecznie Aktywny”",
            ),
            rx.el.p(
                "Dane kongresu dla innych serwisów: ",
                file_link("JSON", routes.API_CONGRESS),
            ),
            class_name="footer-inner",
        ),
        class_name="site-footer",
    )


def announcement_banner() -> rx.Component:
    """Organisers' live messages; a polite live region, so screen readers read them without a jump.

    Loaded by every page's on_load (see kongres_app.py), which also runs after a reconnect."""
    from kongres_app.states.announcements import AnnouncementState

    return rx.box(
        rx.foreach(
            AnnouncementState.items,
            lambda a: rx.el.p(
                rx.icon("megaphone", size=18, aria_hidden="true"),
                rx.el.strong("Ogłoszenie organizatorów (", a.time, "): "),
                a.text,
                class_name="announcement",
            ),
        ),
        aria_live="polite",
        role="status",
        class_name="announcements",
    )


def page(*children: rx.Component, active: str) -> rx.Component:
    """Wrap a page's content in the common frame."""
    return rx.fragment(
        skip_link(),
        accessibility_bar(),
        site_header(active),
        announcement_banner(),
        rx.el.main(
            *children,
            id=routes.MAIN_CONTENT_ID,
            tab_index=-1,
            class_name="site-main",
        ),
        site_footer(),
    )


def loading(label: str = "Wczytywanie…") -> rx.Component:
    return rx.flex(
        rx.spinner(size="3"),
        rx.text(label),
        role="status",
        spacing="3",
        align="center",
        padding_y="6",
    )


CONNECTION_LOST = (
    "Brak połączenia na żywo – ponawiamy… Strona pokazuje ostatnio wczytane dane, a to, co wpiszesz, zostaje "
    "w polach; wyślesz to, gdy połączenie wróci."
)
CONNECTION_BACK = "Połączenie wróciło. Strona znów aktualizuje się na żywo."


def connection_notice(stateful: bool = True) -> rx.Component | None:
    """Reflex's own notice of a lost link is an English toast; this one is Polish and polite (a live region that
    exists from the start, so screen readers announce it when the text appears)."""
    if not stateful:
        return None
    # An app wrap gets the page as its children: the fragment holds them, the notice sits beside them.
    return rx.fragment(
        rx.box(
            rx.match(
                live_link.PHASE,
                ("down", rx.text(CONNECTION_LOST, as_="p", class_name="connection-notice")),
                ("back", rx.text(CONNECTION_BACK, as_="p", class_name="connection-notice connection-back")),
                rx.fragment(),
            ),
            role="status",
            aria_live="polite",
        )
    )
