"""/zbiorki (the showcase) and /zbiorki/<id> (one campaign)."""

from collections.abc import Callable

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.components.campaigns import badges, campaign_card, figures, picture, progress
from kongres_app.components.layout import loading, page
from kongres_app.services.campaigns import CATEGORIES, PLATFORMS, SORTS, STATUS_FILTERS, CampaignCard, CampaignDetail
from kongres_app.services.dictionaries import GMINAS
from kongres_app.states.campaigns import CampaignDetailState, CampaignsState


def _select(label: str, target: str, name: str, value, options: dict, empty: str | None) -> rx.Component:
    first = [rx.el.option(empty, value="")] if empty else []
    return rx.box(
        rx.el.label(label, html_for=target, class_name="field-label"),
        rx.el.select(
            *first,
            *[rx.el.option(text, value=code) for code, text in options.items() if code or not empty],
            id=target,
            value=value,
            on_change=lambda v: CampaignsState.set_filter(name, v),
            class_name="native-select",
        ),
    )


def filters() -> rx.Component:
    s = CampaignsState
    return rx.el.div(
        rx.box(
            rx.el.label("Szukaj", html_for="zbiorki-szukaj", class_name="field-label"),
            rx.input(
                id="zbiorki-szukaj",
                value=s.query,
                on_change=lambda v: s.set_filter("query", v),
                placeholder="tytuł, organizacja…",
                size="3",
                type="search",
            ),
        ),
        _select("Kategoria", "zbiorki-kategoria", "category", s.category, CATEGORIES, "wszystkie"),
        _select("Gmina", "zbiorki-gmina", "gmina", s.gmina, GMINAS, "wszystkie"),
        _select("Platforma", "zbiorki-platforma", "platform", s.platform, PLATFORMS, "wszystkie"),
        _select("Stan", "zbiorki-stan", "status", s.status, STATUS_FILTERS, None),
        _select("Kolejność", "zbiorki-sort", "sort", s.sort, SORTS, None),
        class_name="filter-grid",
        role="search",
        aria_label="Filtry zbiórek",
    )


def totals() -> rx.Component:
    t = CampaignsState.totals
    return rx.el.div(
        rx.card(rx.text("Zbiórki", size="2", as_="p"), rx.text(t.campaigns_label, size="6", weight="bold", as_="p")),
        rx.card(
            rx.text("Zebrano łącznie", size="2", as_="p"), rx.text(t.raised_label, size="6", weight="bold", as_="p")
        ),
        rx.card(
            rx.text("Wspierający", size="2", as_="p"), rx.text(t.supporters_label, size="6", weight="bold", as_="p")
        ),
        class_name="tile-grid",
        aria_live="polite",
    )


def campaigns() -> rx.Component:
    return page(
        rx.heading("Zbiórki organizacji z powiatu", as_="h1", size="8"),
        rx.text(
            "Zbiórki społecznościowe, którymi organizacje z powiatu pruszkowskiego finansują swoje działania. "
            "Wesprzyj je na platformie, na której trwają. ",
            rx.link("Jak zacząć własną zbiórkę?", href=routes.CROWDFUNDING_GUIDE, underline="always"),
            as_="p",
            margin_y="3",
        ),
        rx.text(
            "Zbiórki prowadzą same organizacje: powiat ich nie rekomenduje, nie poręcza i nie odpowiada za nie. "
            "Oznaczenie „Sprawdzona przez organizatorów” znaczy tylko, że zbiórkę zgłosiła zarejestrowana "
            "organizacja, a link prowadzi do jej zbiórki we wskazanym serwisie. ",
            rx.link("Regulamin", href=routes.RULES, underline="always"),
            as_="p",
            size="2",
            margin_bottom="3",
        ),
        filters(),
        rx.box(totals(), margin_y="4"),
        rx.cond(
            CampaignsState.loaded,
            rx.cond(
                CampaignsState.cards.length() > 0,
                rx.el.ul(rx.foreach(CampaignsState.cards, campaign_card), class_name="card-grid"),
                rx.flex(
                    rx.text("Żadna zbiórka nie pasuje do wybranych filtrów.", as_="p"),
                    rx.button("Pokaż wszystkie", variant="soft", on_click=CampaignsState.clear_filters),
                    spacing="3",
                    align="center",
                    role="status",
                ),
            ),
            loading(),
        ),
        active=routes.CROWDFUNDING,
    )


def chart() -> rx.Component:
    return rx.recharts.line_chart(
        rx.recharts.line(data_key=CampaignDetailState.chart_key, stroke="#0b3d91", stroke_width=3),
        # Room on the right and end labels kept inside, so the last date is not cut off.
        rx.recharts.x_axis(data_key="dzień", padding={"left": 12, "right": 24}, interval="preserveStartEnd"),
        rx.recharts.y_axis(),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3"),
        rx.recharts.graphing_tooltip(),
        data=CampaignDetailState.chart,
        width="100%",
        height=260,
        margin={"top": 10, "right": 24, "left": 0, "bottom": 0},
    )


def detail_content(first: CampaignDetail | None = None) -> rx.Component:
    """The campaign's page from the live state, or (``first``) as of the app's start for the first HTML."""
    # mypy reads a dataclass field on its state as an ArrayVar (Field.__get__'s overloads) and a dataclass
    # attribute as an untyped Var: .to(ObjectVar, ...) names the real type and renders the same JavaScript.
    source = CampaignDetailState.detail if first is None else rx.Var.create(first)
    d = source.to(ObjectVar, CampaignDetail)
    card = d.card.to(ObjectVar, CampaignCard)
    here = rx.State.router.url.origin + routes.CROWDFUNDING + "/" + card.id.to_string()
    share = "https://www.facebook.com/sharer/sharer.php?u=" + here
    return rx.fragment(
        rx.box(picture(card, "320px"), max_width="48rem"),
        badges(card),
        rx.heading(card.title, as_="h1", size="8", margin_top="2"),
        rx.text(card.org_name, " · ", card.gmina_label, " · ", card.platform_label, as_="p", margin_y="2"),
        rx.box(progress(card), figures(card), max_width="32rem", margin_y="3"),
        rx.text(d.updated_label, size="2", as_="p"),
        rx.flex(
            rx.link(
                rx.button("Wesprzyj na stronie zbiórki", size="3"),
                href=card.external_url,
                is_external=True,
            ),
            rx.link("Udostępnij na Facebooku", href=share, is_external=True, underline="always"),
            rx.link(
                "Wyślij e-mailem",
                href="mailto:?subject=" + card.title.to(str) + "&body=" + here,
                underline="always",
            ),
            spacing="4",
            align="center",
            wrap="wrap",
            margin_y="4",
        ),
        rx.heading("O zbiórce", as_="h2", size="6", margin_top="4"),
        rx.foreach(d.paragraphs, lambda p: rx.text(p, as_="p", margin_bottom="3")),
        rx.heading("Postęp w czasie", as_="h2", size="6", margin_top="4"),
        rx.cond(
            d.points.length() > 1,
            # The chart is drawn from the live state only: before that, the figures above say where it stands.
            rx.box(chart(), role="img", aria_label="Wykres postępu zbiórki dzień po dniu")
            if first is None
            else rx.text("Wykres pojawi się po wczytaniu strony.", as_="p"),
            rx.text("Wykres pojawi się, gdy zbierzemy dane z co najmniej dwóch dni.", as_="p"),
        ),
        rx.link(
            "← Wszystkie zbiórki", href=routes.CROWDFUNDING, underline="always", margin_top="5", display="inline-block"
        ),
    )


def campaign_page(first: CampaignDetail | None = None) -> rx.Component:
    return page(
        rx.cond(
            CampaignDetailState.loaded,
            rx.cond(
                CampaignDetailState.found,
                detail_content(),
                rx.fragment(
                    rx.heading("Nie ma takiej zbiórki", as_="h1", size="8"),
                    rx.text(
                        "Zbiórka nie istnieje albo nie została jeszcze opublikowana. ",
                        rx.link("Zobacz wszystkie zbiórki", href=routes.CROWDFUNDING, underline="always"),
                        as_="p",
                        margin_top="3",
                    ),
                ),
            ),
            loading() if first is None else detail_content(first),
        ),
        active=routes.CROWDFUNDING,
    )


def campaign_as_of_start(first: CampaignDetail) -> Callable[[], rx.Component]:
    """``/zbiorki/<id>`` as its own static route, so the build prerenders this campaign's page."""

    def campaign() -> rx.Component:
        return campaign_page(first)

    campaign.__name__ = f"campaign_{first.card.id}"
    return campaign
