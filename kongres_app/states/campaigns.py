"""/zbiorki and /zbiorki/<id>: the public crowdfunding showcase."""

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.first_screen import Section, Values
from kongres_app.services.campaigns import (
    DEFAULT_SORT,
    CampaignCard,
    CampaignDetail,
    CampaignFilters,
    CampaignTotals,
    campaign_detail,
    list_campaigns,
)
from kongres_app.services.ids import parse_id
from kongres_app.states.events import event

FILTERS = ("category", "gmina", "platform", "status", "query", "sort")


def listing_values(session: Session, filters: CampaignFilters | None = None, sort: str = DEFAULT_SORT) -> Values:
    listing = list_campaigns(session=session, filters=filters or CampaignFilters(), sort=sort)
    return {"cards": listing.cards, "totals": listing.totals, "loaded": True}


SHOWCASE = Section("campaigns", listing_values)  # the showcase as it opens: no filters, the default order


class CampaignsState(rx.State):
    cards: rx.Field[list[CampaignCard]] = rx.field(SHOWCASE.initial("cards", list[CampaignCard], []))
    totals: CampaignTotals = SHOWCASE.initial("totals", CampaignTotals, CampaignTotals())
    category: str = ""
    gmina: str = ""
    platform: str = ""
    status: str = ""
    query: str = ""
    sort: str = DEFAULT_SORT
    loaded: bool = SHOWCASE.initial("loaded", bool, False)

    def _reload(self) -> None:
        filters = CampaignFilters(self.category, self.gmina, self.platform, self.status, self.query)
        with session_scope() as session:
            values = listing_values(session, filters, self.sort)
        self.cards, self.totals, self.loaded = values["cards"], values["totals"], values["loaded"]

    @event
    def load(self):
        self._reload()

    @event
    def set_filter(self, name: str, value: str):
        if name in FILTERS:
            setattr(self, name, str(value)[:100])
            self._reload()

    @event
    def clear_filters(self):
        self.category = self.gmina = self.platform = self.status = self.query = ""
        self.sort = DEFAULT_SORT
        self._reload()


def _detail_first_screens(session: Session) -> Values:
    """Each published campaign's page as of the start (its own prerendered route: ``/zbiorki/<id>``)."""
    cards = list_campaigns(session=session, filters=CampaignFilters(), sort=DEFAULT_SORT).cards
    views = ((card.id, campaign_detail(session=session, campaign_id=card.id)) for card in cards)
    return {str(campaign_id): view for campaign_id, view in views if view is not None}


CAMPAIGN_PAGES = Section("campaign_pages", _detail_first_screens)


def campaign_first_screens() -> list[CampaignDetail]:
    found = (CAMPAIGN_PAGES.get(key, CampaignDetail) for key in CAMPAIGN_PAGES.names())
    return [detail for detail in found if detail is not None and detail.card.id > 0]


class CampaignDetailState(rx.State):
    detail: rx.Field[CampaignDetail] = rx.field(default_factory=CampaignDetail)
    found: bool = False
    loaded: bool = False

    @event
    def load(self):
        last = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        view = None
        if campaign_id := parse_id(last):
            with session_scope() as session:
                view = campaign_detail(session=session, campaign_id=campaign_id)
        self.found, self.detail, self.loaded = view is not None, view or CampaignDetail(), True

    @rx.var
    def chart(self) -> list[dict]:
        key = "Zebrano (zł)" if self.detail.card.show_amounts else "Procent celu"
        return [
            {"dzień": p.date_label, key: p.raised_pln if self.detail.card.show_amounts else p.percent}
            for p in self.detail.points
        ]

    @rx.var
    def chart_key(self) -> str:
        return "Zebrano (zł)" if self.detail.card.show_amounts else "Procent celu"
