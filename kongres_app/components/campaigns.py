"""Campaign cards, progress bars and figures."""

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.services.campaigns import CampaignCard


def progress(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.cond(
        card.has_goal,
        rx.box(
            rx.progress(value=card.bar_percent, max=100, aria_label="Postęp zbiórki: " + card.percent_label.to(str)),
            rx.text(card.percent_label, " celu", weight="bold", size="2"),
        ),
        rx.text("Zbiórka bez określonego celu", size="2"),
    )


def figures(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.box(
        rx.cond(
            card.show_amounts,
            rx.text(
                rx.el.strong(card.raised_label),
                rx.cond(card.goal_label != "", rx.fragment(" z ", card.goal_label), ""),
                as_="p",
            ),
            rx.text("Organizacja nie pokazuje kwot tej zbiórki.", as_="p", size="2"),
        ),
        rx.text(card.supporters_label, " · ", card.time_label, as_="p", size="2"),
    )


def badges(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.flex(
        rx.badge(card.category_label, variant="soft", high_contrast=True),
        rx.cond(
            card.verified,
            rx.badge(
                rx.icon("badge-check", size=14, aria_hidden="true"),
                "Sprawdzona przez organizatorów",
                color_scheme="green",
                high_contrast=True,
            ),
        ),
        rx.cond(card.ended, rx.badge("Zakończona", color_scheme="gray", high_contrast=True)),
        spacing="2",
        wrap="wrap",
    )


def picture(card: ObjectVar[CampaignCard], height: str = "160px") -> rx.Component:
    # Described by its author (required with every picture): the photo may show what the title does not.
    return rx.cond(
        card.image_path != "",
        rx.image(
            src=rx.get_upload_url(card.image_path),
            alt=card.image_alt,
            width="100%",
            height=height,
            object_fit="cover",
            border_radius="6px",
        ),
    )


def campaign_card(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.el.li(
        rx.card(
            picture(card),
            badges(card),
            rx.heading(
                rx.link(card.title, href=routes.CROWDFUNDING + "/" + card.id.to_string(), underline="always"),
                as_="h2",
                size="4",
                margin_top="2",
            ),
            rx.text(card.org_name, " · ", card.gmina_label, as_="p", size="2"),
            rx.text(card.blurb, as_="p", margin_y="2"),
            progress(card),
            figures(card),
            height="100%",
        )
    )
