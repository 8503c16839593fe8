"""What the showcase shows: cards, filters, totals, the list, one campaign's page, the public JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from babel.dates import format_date
from sqlmodel import Session, col, select

from kongres_app.db import require_id
from kongres_app.models import Campaign, CampaignSnapshot
from kongres_app.services.campaigns.catalog import (
    CATEGORIES,
    DEFAULT_SORT,
    ENDED,
    PLATFORMS,
    PUBLIC_STATUSES,
    PUBLISHED,
    RUNNING,
    SORTS,
    STATUS_LABELS,
    days_left,
    is_ended,
    local_today,
    percent_funded,
    supporters_label,
    time_label,
)
from kongres_app.services.clock import utc_to_local
from kongres_app.services.congress import current_edition
from kongres_app.services.dictionaries import GMINAS
from kongres_app.services.polish import LOCALE, count, fold, money, polish_datetime
from kongres_app.services.registration import registration_for_token
from kongres_app.services.validators import clean_text

# ----------------------------------------------------------------------------- views


@dataclass
class CampaignCard:
    id: int = 0
    title: str = ""
    org_name: str = ""
    blurb: str = ""
    category: str = ""
    category_label: str = ""
    gmina: str = ""
    gmina_label: str = ""
    platform: str = ""
    platform_label: str = ""
    external_url: str = ""
    image_path: str = ""
    image_alt: str = ""
    show_amounts: bool = True  # False in public views of a campaign that hides its amounts
    amounts_hidden: bool = False  # the campaign's own setting (private views mark it)
    raised_pln: int = 0  # 0 when amounts are hidden
    goal_pln: int = 0  # 0 when hidden or without a goal
    raised_label: str = ""  # "" when hidden
    goal_label: str = ""  # "" when hidden or without a goal
    has_goal: bool = False
    percent: int = 0  # of the goal, may exceed 100
    percent_label: str = ""  # "134%", "" without a goal
    bar_percent: int = 0  # 0–100, for the progress bar
    supporters: int = 0
    supporters_label: str = ""
    starts_on: str = ""
    ends_on: str = ""
    ends_label: str = ""
    days_left: int = 0  # never negative
    time_label: str = ""
    ended: bool = False
    status: str = ""
    status_label: str = ""
    verified: bool = False
    is_example: bool = False
    rejection_reason: str = ""  # organisers' and the submitter's views only
    last_error: str = ""  # organisers' and the submitter's views only


def campaign_card(c: Campaign, today: date, *, private: bool = False) -> CampaignCard:
    show = private or not c.hide_amounts
    percent = percent_funded(c.raised_pln, c.goal_pln)
    ended = is_ended(c.status, c.ends_on, today)
    return CampaignCard(
        id=c.id or 0,
        title=c.title,
        org_name=c.org_name,
        blurb=c.blurb,
        category=c.category,
        category_label=CATEGORIES.get(c.category, c.category),
        gmina=c.gmina,
        gmina_label=GMINAS.get(c.gmina, c.gmina),
        platform=c.platform,
        platform_label=PLATFORMS.get(c.platform, c.platform),
        external_url=c.external_url,
        image_path=c.image_path or "",
        image_alt=c.image_alt,
        show_amounts=show,
        amounts_hidden=c.hide_amounts,
        raised_pln=c.raised_pln if show else 0,
        goal_pln=c.goal_pln if show else 0,
        raised_label=money(c.raised_pln) if show else "",
        goal_label=money(c.goal_pln) if show and c.goal_pln > 0 else "",
        has_goal=percent is not None,
        percent=percent or 0,
        percent_label=f"{percent}%" if percent is not None else "",
        bar_percent=min(percent or 0, 100),
        supporters=c.supporters,
        supporters_label=supporters_label(c.supporters),
        starts_on=c.starts_on.isoformat(),
        ends_on=c.ends_on.isoformat(),
        ends_label=format_date(c.ends_on, "d MMMM y", locale=LOCALE),
        days_left=max(0, days_left(c.ends_on, today)),
        time_label=time_label(c.status, c.starts_on, c.ends_on, today),
        ended=ended,
        status=ENDED if ended and c.status == PUBLISHED else c.status,
        status_label=STATUS_LABELS[ENDED] if ended and c.status == PUBLISHED else STATUS_LABELS.get(c.status, ""),
        verified=c.verified and not c.is_example,  # a fictional example was never checked
        is_example=c.is_example,
        rejection_reason=c.rejection_reason if private else "",
        last_error=c.last_error if private else "",
    )


@dataclass
class CampaignFilters:
    category: str = ""
    gmina: str = ""
    platform: str = ""
    status: str = ""  # "" | "trwa" | "zakonczona"; organisers also "zgloszona" | "opublikowana" | "odrzucona"
    query: str = ""


@dataclass
class CampaignTotals:
    campaigns: int = 0
    raised_pln: int = 0  # without the campaigns that hide their amounts
    supporters: int = 0
    hidden: int = 0  # campaigns left out of raised_pln
    campaigns_label: str = ""
    raised_label: str = ""
    supporters_label: str = ""


@dataclass
class CampaignList:
    cards: list[CampaignCard] = field(default_factory=list)
    totals: CampaignTotals = field(default_factory=CampaignTotals)


def totals_of(cards: list[CampaignCard]) -> CampaignTotals:
    raised = sum(c.raised_pln for c in cards if c.show_amounts)
    supporters = sum(c.supporters for c in cards)
    return CampaignTotals(
        campaigns=len(cards),
        raised_pln=raised,
        supporters=supporters,
        hidden=sum(1 for c in cards if not c.show_amounts),
        campaigns_label=count(len(cards), "zbiórka", "zbiórki", "zbiórek"),
        raised_label=money(raised),
        supporters_label=supporters_label(supporters),
    )


# ----------------------------------------------------------------------------- queries


def _sort_key(sort: str, created: dict[int, datetime]):
    if sort == "procent":
        return lambda c: (not c.has_goal, -c.percent, -c.supporters, c.id)
    if sort == "najnowsze":
        return lambda c: (-created[c.id].timestamp(), -c.id)
    if sort == "wspierajacy":
        return lambda c: (-c.supporters, c.id)

    # ending soon: running ones by end date, then the ended ones, the most recently ended first
    def ending(c: CampaignCard) -> tuple[bool, int, int]:
        end = date.fromisoformat(c.ends_on).toordinal()
        return (c.ended, -end if c.ended else end, c.id)

    return ending


def _matches(card: CampaignCard, words: list[str]) -> bool:
    haystack = fold(f"{card.title} {card.org_name} {card.blurb}")
    return all(word in haystack for word in words)


def list_campaigns(
    *,
    session: Session,
    filters: CampaignFilters | None = None,
    sort: str = DEFAULT_SORT,
    today: date | None = None,
    edition_id: int | None = None,
    public: bool = True,
) -> CampaignList:
    """Campaigns of an edition (the current one by default), filtered and sorted, with totals."""
    filters, today = filters or CampaignFilters(), today or local_today()
    if edition_id is None:
        edition = current_edition(session)
        if edition is None:
            return CampaignList()
        edition_id = edition.id
    query = select(Campaign).where(Campaign.edition_id == edition_id)
    if public:
        query = query.where(col(Campaign.status).in_(PUBLIC_STATUSES))
    for name in ("category", "gmina", "platform"):
        if value := getattr(filters, name):
            query = query.where(getattr(Campaign, name) == value)
    if filters.status == RUNNING:
        query = query.where(Campaign.status == PUBLISHED, Campaign.ends_on >= today)
    elif filters.status == ENDED:
        query = query.where((Campaign.status == ENDED) | ((Campaign.status == PUBLISHED) & (Campaign.ends_on < today)))
    elif filters.status:
        query = query.where(Campaign.status == filters.status)
    rows = session.exec(query).all()
    created = {require_id(c): c.created_at for c in rows}
    cards = [campaign_card(c, today, private=not public) for c in rows]
    if words := fold(clean_text(filters.query)).split():
        cards = [card for card in cards if _matches(card, words)]
    cards.sort(key=_sort_key(sort if sort in SORTS else DEFAULT_SORT, created))
    return CampaignList(cards=cards, totals=totals_of(cards))


@dataclass
class SnapshotPoint:
    date_iso: str = ""
    date_label: str = ""
    raised_pln: int = 0  # 0 when amounts are hidden
    percent: int = 0
    supporters: int = 0


@dataclass
class CampaignDetail:
    card: CampaignCard = field(default_factory=CampaignCard)
    paragraphs: list[str] = field(default_factory=list)
    points: list[SnapshotPoint] = field(default_factory=list)  # one a day, the day's last figures
    auto_refresh: bool = False
    updated_label: str = ""


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text description, separated by blank lines; lines inside are joined."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def snapshot_points(snapshots: list[CampaignSnapshot], *, show_amounts: bool) -> list[SnapshotPoint]:
    by_day: dict[date, CampaignSnapshot] = {}
    for snap in sorted(snapshots, key=lambda s: (s.taken_at, s.id or 0)):
        by_day[utc_to_local(snap.taken_at).date()] = snap
    return [
        SnapshotPoint(
            date_iso=day.isoformat(),
            date_label=format_date(day, "d MMM", locale=LOCALE),
            raised_pln=snap.raised_pln if show_amounts else 0,
            percent=percent_funded(snap.raised_pln, snap.goal_pln) or 0,
            supporters=snap.supporters,
        )
        for day, snap in sorted(by_day.items())
    ]


def campaign_detail(
    *, session: Session, campaign_id: int, today: date | None = None, public: bool = True
) -> CampaignDetail | None:
    """A campaign's page: its card, description and chart points; None if not found (or not public)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or (public and campaign.status not in PUBLIC_STATUSES):
        return None
    snapshots = session.exec(select(CampaignSnapshot).where(CampaignSnapshot.campaign_id == campaign_id)).all()
    checked = campaign.last_checked_at if campaign.progress_source_url and campaign.last_checked_at else None
    return CampaignDetail(
        card=campaign_card(campaign, today or local_today(), private=not public),
        paragraphs=paragraphs(campaign.description),
        points=snapshot_points(list(snapshots), show_amounts=not (public and campaign.hide_amounts)),
        auto_refresh=bool(campaign.progress_source_url),
        updated_label=f"Stan na {polish_datetime(checked or campaign.updated_at)}",
    )


def campaigns_for_token(*, session: Session, token: str, today: date | None = None) -> list[CampaignCard]:
    """The campaigns a registration submitted, with their status and any rejection reason."""
    registration = registration_for_token(session, token)
    if registration is None:
        return []
    rows = session.exec(
        select(Campaign).where(Campaign.registration_id == registration.id).order_by(col(Campaign.id))
    ).all()
    return [campaign_card(c, today or local_today(), private=True) for c in rows]


def public_campaigns_json(session: Session, *, today: date | None = None) -> dict[str, Any]:
    """``/api/zbiorki``: published campaigns of the current edition, ending soonest first."""
    listing = list_campaigns(session=session, today=today)
    return {
        "totals": {
            "campaigns": listing.totals.campaigns,
            "raised_pln": listing.totals.raised_pln,
            "supporters": listing.totals.supporters,
            "hidden_amounts": listing.totals.hidden,
        },
        "campaigns": [
            {
                "id": c.id,
                "title": c.title,
                "organisation": c.org_name,
                "blurb": c.blurb,
                "category": {"code": c.category, "label": c.category_label},
                "gmina": {"code": c.gmina, "label": c.gmina_label},
                "platform": {"code": c.platform, "label": c.platform_label},
                "url": c.external_url,
                "raised_pln": c.raised_pln if c.show_amounts else None,
                "goal_pln": c.goal_pln if c.show_amounts and c.has_goal else None,
                "percent": c.percent if c.has_goal else None,
                "supporters": c.supporters,
                "starts_on": c.starts_on,
                "ends_on": c.ends_on,
                "days_left": c.days_left,
                "status": ENDED if c.ended else RUNNING,
                "verified": c.verified,
                "example": c.is_example,
            }
            for c in listing.cards
        ],
    }
