"""The crowdfunding showcase: dictionaries, figures as people read them, lists, submission, moderation.

Statuses: ``zgloszona`` (submitted, waits for the organisers) -> ``opublikowana`` or ``odrzucona``
(with a reason); ``opublikowana`` -> ``zakonczona`` after its end date (``close_ended_campaigns``).
A published campaign whose end date has passed already counts as ended everywhere it is shown.

Hidden amounts: a campaign with ``hide_amounts`` never shows złoty figures in public (card, detail,
chart, JSON, totals), its goal included (with the percent it would reveal the sum); its percent of
the goal and its number of supporters are shown. Private views (organisers, the submitting
organisation) show everything and say that the amounts are hidden from the public. Money reads "12 345 zł" with non-breaking spaces (U+00A0) inside, so it never wraps.

Listing filters in SQL and then searches and sorts in Python: a county has tens of campaigns, and
Python's case folding handles Polish letters (SQLite's ``lower`` does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date
from sqlmodel import Session, col, func, select

from kongres_app.campaign_models import Campaign, CampaignSnapshot, CampaignStatus
from kongres_app.db import lock_for_writing, require_id
from kongres_app.services.clock import local_to_utc, utc_to_local, utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.dictionaries import GMINAS
from kongres_app.services.errors import UserError
from kongres_app.services.polish import LOCALE, chars, count, days, fold, money, polish_datetime
from kongres_app.services.progress import MAX_AMOUNT, local_host_problem, parse_number, url_problem
from kongres_app.services.registration import registration_for_token
from kongres_app.services.validation import clean_multiline, clean_text

CATEGORIES: dict[str, str] = {
    "pomoc_spoleczna": "Pomoc społeczna",
    "zdrowie": "Zdrowie",
    "kultura": "Kultura",
    "edukacja": "Edukacja",
    "sport_turystyka": "Sport i turystyka",
    "ekologia": "Ekologia",
    "patriotyzm_historia": "Patriotyzm i historia",
    "inne": "Inne",
}
PLATFORMS: dict[str, str] = {
    "zrzutka": "zrzutka.pl",
    "pomagam": "pomagam.pl",
    "siepomaga": "siepomaga.pl",
    "patronite": "Patronite",
    "kickstarter": "Kickstarter",
    "inna": "Inna platforma",
}

SUBMITTED, PUBLISHED, ENDED, REJECTED = (
    CampaignStatus.SUBMITTED,
    CampaignStatus.PUBLISHED,
    CampaignStatus.ENDED,
    CampaignStatus.REJECTED,
)
STATUS_LABELS: dict[str, str] = {
    SUBMITTED: "Zgłoszona – czeka na sprawdzenie",
    PUBLISHED: "Opublikowana",
    ENDED: "Zakończona",
    REJECTED: "Odrzucona",
}
PUBLIC_STATUSES = (PUBLISHED, ENDED)
RUNNING = "trwa"  # a status filter: published and not yet ended
STATUS_FILTERS: dict[str, str] = {"": "Wszystkie", RUNNING: "Trwające", ENDED: "Zakończone"}

SORTS: dict[str, str] = {
    "konczace": "Najbliżej końca",
    "procent": "Najwyższy procent celu",
    "najnowsze": "Najnowsze",
    "wspierajacy": "Najwięcej wspierających",
}
DEFAULT_SORT = "konczace"

MAX_PER_REGISTRATION = 3  # campaigns one registration may have submitted or published at once
MAX_YEARS_AHEAD = 3
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
EXAMPLES_FILE = DATA_DIR / "kampanie-przyklady.yaml"


class CampaignError(UserError):
    """A campaign request that cannot be carried out."""


# ----------------------------------------------------------------------------- figures as read


def local_today(now: datetime | None = None) -> date:
    return utc_to_local(now or utcnow()).date()


def percent_funded(raised: int, goal: int) -> int | None:
    """Whole percent of the goal, rounded down and not capped (134 when overfunded); None without a goal."""
    if goal <= 0:
        return None
    return max(0, raised) * 100 // goal


def days_left(ends_on: date, today: date) -> int:
    """Days after today until the end date, the end day itself included; negative once it has passed."""
    return (ends_on - today).days


def is_ended(status: str, ends_on: date, today: date) -> bool:
    return status == ENDED or days_left(ends_on, today) < 0


def time_label(status: str, starts_on: date, ends_on: date, today: date) -> str:
    if is_ended(status, ends_on, today):
        return "Zakończona"
    if starts_on > today:
        return f"Rusza {format_date(starts_on, 'd MMMM', locale=LOCALE)}"
    left = days_left(ends_on, today)
    if left == 0:
        return "Ostatni dzień"
    return f"Jeszcze {days(left)}"


def supporters_label(n: int) -> str:
    return count(n, "osoba wspierająca", "osoby wspierające", "osób wspierających")


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


# ----------------------------------------------------------------------------- validation

LIMITS = {"title": 150, "org_name": 200, "blurb": 200, "description": 5000, "image_path": 300, "image_alt": 250}
IMAGE_PATH_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.(jpg|jpeg|png|webp)$")
DATE_PL_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass
class CampaignInput:
    """What the submission form sends, as typed."""

    title: str = ""
    org_name: str = ""
    category: str = ""
    gmina: str = ""
    blurb: str = ""
    description: str = ""
    goal_pln: str = ""
    raised_pln: str = ""
    supporters: str = ""
    starts_on: str = ""
    ends_on: str = ""
    platform: str = ""
    external_url: str = ""
    progress_source_url: str = ""
    hide_amounts: bool = False
    image_path: str = ""
    image_alt: str = ""


@dataclass(frozen=True)
class CleanCampaign:
    title: str
    org_name: str
    category: str
    gmina: str
    blurb: str
    description: str
    goal_pln: int
    raised_pln: int
    supporters: int
    starts_on: date
    ends_on: date
    platform: str
    external_url: str
    progress_source_url: str | None
    hide_amounts: bool
    image_path: str | None
    image_alt: str


def _text(errors: dict[str, str], key: str, value: str, minimum: int, missing: str) -> str:
    cleaned = clean_text(value)
    if not cleaned:
        errors[key] = missing
    elif len(cleaned) < minimum:
        errors[key] = f"Za krótko: wpisz co najmniej {chars(minimum)}."
    elif len(cleaned) > LIMITS[key]:
        errors[key] = f"Wpisz najwyżej {chars(LIMITS[key])} (teraz: {len(cleaned)})."
    return cleaned


def _description(errors: dict[str, str], value: str) -> str:
    cleaned = re.sub(r"\n{3,}", "\n\n", clean_multiline(value))
    if len(cleaned) < 30:
        errors["description"] = f"Opisz zbiórkę: na co są pieniądze i komu pomogą (co najmniej {chars(30)})."
    elif len(cleaned) > LIMITS["description"]:
        errors["description"] = f"Opis może mieć najwyżej {chars(LIMITS['description'])} (teraz: {len(cleaned)})."
    return cleaned


def _whole_number(errors: dict[str, str], key: str, value: str, what: str) -> int:
    if not clean_text(value):
        return 0
    try:
        number = parse_number(value)
    except ValueError:
        errors[key] = f"Wpisz {what} cyframi, np. 12 500."
        return 0
    if number != int(number):
        errors[key] = f"Wpisz {what} w pełnych liczbach, bez groszy."
    elif not 0 <= number <= MAX_AMOUNT:
        errors[key] = f"Sprawdź {what}: to nie wygląda na prawdziwą liczbę."
    return int(number)


def parse_day(value: str) -> date | None:
    """``2026-03-04`` (a date field) or ``4.03.2026`` (typed by hand)."""
    value = clean_text(value)
    try:
        if match := DATE_PL_RE.match(value):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        return None


def _dates(errors: dict[str, str], data: CampaignInput, today: date, editing: bool) -> tuple[date, date]:
    starts_on, ends_on = parse_day(data.starts_on), parse_day(data.ends_on)
    if starts_on is None:
        errors["starts_on"] = "Podaj datę rozpoczęcia zbiórki, np. 1.03.2026."
    if ends_on is None:
        errors["ends_on"] = "Podaj datę zakończenia zbiórki, np. 31.03.2026."
    elif starts_on is not None and ends_on < starts_on:
        errors["ends_on"] = "Zbiórka nie może skończyć się przed rozpoczęciem."
    elif not editing and ends_on < today:
        errors["ends_on"] = "Ta zbiórka już się zakończyła: w witrynie pokazujemy zbiórki, które trwają."
    elif ends_on.year > today.year + MAX_YEARS_AHEAD:
        errors["ends_on"] = f"Sprawdź datę zakończenia: może przypadać najpóźniej za {MAX_YEARS_AHEAD} lata."
    return starts_on or today, ends_on or today


def _urls(errors: dict[str, str], data: CampaignInput) -> tuple[str, str | None]:
    external = clean_text(data.external_url)
    if not external:
        errors["external_url"] = "Podaj adres zbiórki, np. https://zrzutka.pl/…"
    elif problem := url_problem(external):
        errors["external_url"] = problem
    source = clean_text(data.progress_source_url)
    if source and (problem := url_problem(source) or local_host_problem(source)):
        errors["progress_source_url"] = problem
    return external, source or None


def validate_campaign(
    data: CampaignInput, *, today: date, editing: bool = False
) -> tuple[CleanCampaign | None, dict[str, str]]:
    """Check every field; return the cleaned campaign, or None and Polish errors by field name.

    ``editing`` (organisers correcting a campaign) allows an end date in the past.
    """
    errors: dict[str, str] = {}
    title = _text(errors, "title", data.title, 5, "Podaj tytuł zbiórki.")
    org_name = _text(errors, "org_name", data.org_name, 2, "Podaj nazwę organizacji.")
    if data.category not in CATEGORIES:
        errors["category"] = "Wybierz kategorię zbiórki."
    if data.gmina not in GMINAS:
        errors["gmina"] = "Wybierz gminę, w której działa organizacja."
    blurb = _text(errors, "blurb", data.blurb, 10, "Opisz zbiórkę jednym zdaniem.")
    description = _description(errors, data.description)
    goal = _whole_number(errors, "goal_pln", data.goal_pln, "cel zbiórki")
    raised = _whole_number(errors, "raised_pln", data.raised_pln, "zebraną kwotę")
    supporters = _whole_number(errors, "supporters", data.supporters, "liczbę osób wspierających")
    starts_on, ends_on = _dates(errors, data, today, editing)
    if data.platform not in PLATFORMS:
        errors["platform"] = "Wybierz serwis, w którym trwa zbiórka."
    external_url, source_url = _urls(errors, data)
    image_path = clean_text(data.image_path)
    if image_path and (len(image_path) > LIMITS["image_path"] or not IMAGE_PATH_RE.match(image_path)):
        errors["image_path"] = "Nieprawidłowy plik zdjęcia: dodaj zdjęcie JPG, PNG albo WebP jeszcze raz."
    image_alt = clean_text(data.image_alt) if image_path else ""
    if image_path and len(image_alt) < 5:
        errors["image_alt"] = "Opisz, co widać na zdjęciu: ten opis przeczyta czytnik ekranu osobie niewidomej."
    elif len(image_alt) > LIMITS["image_alt"]:
        errors["image_alt"] = f"Opis zdjęcia może mieć najwyżej {chars(LIMITS['image_alt'])}."
    if errors:
        return None, errors
    clean = CleanCampaign(
        title=title,
        org_name=org_name,
        category=data.category,
        gmina=data.gmina,
        blurb=blurb,
        description=description,
        goal_pln=goal,
        raised_pln=raised,
        supporters=supporters,
        starts_on=starts_on,
        ends_on=ends_on,
        platform=data.platform,
        external_url=external_url,
        progress_source_url=source_url,
        hide_amounts=bool(data.hide_amounts),
        image_path=image_path or None,
        image_alt=image_alt,
    )
    return clean, {}


# ----------------------------------------------------------------------------- writes

EDITABLE = tuple(f.name for f in fields(CleanCampaign))


def _manual_snapshot(campaign: Campaign, now: datetime) -> CampaignSnapshot:
    return CampaignSnapshot(
        campaign_id=require_id(campaign),
        taken_at=now,
        raised_pln=campaign.raised_pln,
        goal_pln=campaign.goal_pln,
        supporters=campaign.supporters,
        source="manual",
    )


def submit_campaign(*, session: Session, token: str, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """A registered organisation submits a campaign (through its management link) for review."""
    now = now or utcnow()
    lock_for_writing(session)
    registration = registration_for_token(session, token)
    if registration is None:
        raise CampaignError("Ten link do zarządzania rejestracją jest nieprawidłowy.")
    if registration.cancelled_at is not None:
        raise CampaignError("Ta rejestracja została anulowana: nie można zgłosić zbiórki.")
    active = select(func.count()).where(
        Campaign.registration_id == registration.id, col(Campaign.status).in_((SUBMITTED, PUBLISHED))
    )
    if session.exec(active).one() >= MAX_PER_REGISTRATION:
        raise CampaignError(f"Organizacja może mieć jednocześnie najwyżej {MAX_PER_REGISTRATION} zgłoszone zbiórki.")
    duplicate = select(Campaign.id).where(
        Campaign.edition_id == registration.edition_id,
        Campaign.external_url == data.external_url,
        Campaign.status != REJECTED,
    )
    if session.exec(duplicate).first() is not None:
        raise CampaignError("Zbiórka pod tym adresem jest już zgłoszona.", "external_url")
    campaign = Campaign(
        edition_id=registration.edition_id,
        registration_id=registration.id,
        **{name: getattr(data, name) for name in EDITABLE},
        status=SUBMITTED,
        created_at=now,
        updated_at=now,
    )
    return _insert(session, campaign, now)


def create_published(*, session: Session, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """Organisers add a campaign directly: published and verified, not tied to a registration."""
    now = now or utcnow()
    lock_for_writing(session)
    edition = current_edition(session)
    if edition is None:
        raise CampaignError("Nie ma danych kongresu.")
    campaign = Campaign(
        edition_id=require_id(edition),
        **{name: getattr(data, name) for name in EDITABLE},
        status=PUBLISHED,
        verified=True,
        created_at=now,
        updated_at=now,
    )
    return _insert(session, campaign, now)


def _insert(session: Session, campaign: Campaign, now: datetime) -> Campaign:
    """Store a new campaign with its first figures as a manual snapshot (the start of its chart)."""
    session.add(campaign)
    session.flush()
    session.add(_manual_snapshot(campaign, now))
    session.flush()
    return campaign


def _locked_campaign(session: Session, campaign_id: int) -> Campaign:
    lock_for_writing(session)
    campaign = session.exec(select(Campaign).where(Campaign.id == campaign_id).with_for_update()).first()
    if campaign is None:
        raise CampaignError("Nie ma takiej zbiórki.")
    return campaign


def approve_campaign(
    *, session: Session, campaign_id: int, verified: bool = True, now: datetime | None = None
) -> Campaign:
    """Organisers publish a submitted (or earlier rejected) campaign; ``verified``: they checked it is real."""
    campaign = _locked_campaign(session, campaign_id)
    if campaign.status not in (SUBMITTED, REJECTED):
        raise CampaignError("Tę zbiórkę już opublikowano albo się zakończyła.")
    campaign.status, campaign.rejection_reason, campaign.verified = PUBLISHED, "", verified
    campaign.updated_at = now or utcnow()
    session.add(campaign)
    session.flush()
    return campaign


def reject_campaign(*, session: Session, campaign_id: int, reason: str, now: datetime | None = None) -> Campaign:
    """Organisers turn a submission down (or take a published campaign off) and say why."""
    reason = clean_text(reason)
    if len(reason) < 5:
        raise CampaignError("Napisz organizacji, dlaczego zbiórka nie może być pokazana.", "rejection_reason")
    if len(reason) > 500:
        raise CampaignError(f"Uzasadnienie może mieć najwyżej {chars(500)} (teraz: {len(reason)}).", "rejection_reason")
    campaign = _locked_campaign(session, campaign_id)
    if campaign.status not in (SUBMITTED, PUBLISHED):
        raise CampaignError("Tej zbiórki nie można już odrzucić.")
    campaign.status, campaign.rejection_reason = REJECTED, reason
    campaign.updated_at = now or utcnow()
    session.add(campaign)
    session.flush()
    return campaign


def edit_campaign(*, session: Session, campaign_id: int, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """Organisers correct a campaign; changed figures are stored as a manual snapshot."""
    now = now or utcnow()
    campaign = _locked_campaign(session, campaign_id)
    before = (campaign.raised_pln, campaign.goal_pln, campaign.supporters)
    for name in EDITABLE:
        setattr(campaign, name, getattr(data, name))
    campaign.updated_at = now
    session.add(campaign)
    if (campaign.raised_pln, campaign.goal_pln, campaign.supporters) != before:
        session.add(_manual_snapshot(campaign, now))
    session.flush()
    return campaign


def close_ended_campaigns(*, session: Session, today: date | None = None, now: datetime | None = None) -> int:
    """Mark published campaigns past their end date as ended; returns how many."""
    today = today or local_today(now)
    lock_for_writing(session)
    rows = session.exec(select(Campaign).where(Campaign.status == PUBLISHED, Campaign.ends_on < today)).all()
    for campaign in rows:
        campaign.status, campaign.updated_at = ENDED, now or utcnow()
        session.add(campaign)
    session.flush()
    return len(rows)


# ----------------------------------------------------------------------------- example data


def _example(raw: dict[str, Any], edition_id: int, today: date, now: datetime) -> Campaign:
    raw = {"status": PUBLISHED} | raw
    for key, allowed in (
        ("category", CATEGORIES),
        ("gmina", GMINAS),
        ("platform", PLATFORMS),
        ("status", PUBLIC_STATUSES),
    ):
        if raw.get(key) not in allowed:
            raise CampaignError(f"Przykład „{raw.get('title')}”: nieznana wartość {key}={raw.get(key)!r}.")
    return Campaign(
        edition_id=edition_id,
        title=raw["title"],
        org_name=raw["org_name"],
        category=raw["category"],
        gmina=raw["gmina"],
        blurb=raw["blurb"],
        description=str(raw.get("description", "")).strip(),
        goal_pln=int(raw.get("goal_pln", 0)),
        raised_pln=int(raw.get("raised_pln", 0)),
        supporters=int(raw.get("supporters", 0)),
        starts_on=today + timedelta(days=int(raw["starts_in_days"])),
        ends_on=today + timedelta(days=int(raw["ends_in_days"])),
        platform=raw["platform"],
        external_url=raw["external_url"],
        hide_amounts=bool(raw.get("hide_amounts", False)),
        status=raw["status"],
        verified=False,
        is_example=True,
        created_at=now + timedelta(days=int(raw["starts_in_days"])),
        updated_at=now,
    )


def _example_snapshots(raw: dict[str, Any], campaign: Campaign, today: date, now: datetime) -> list[CampaignSnapshot]:
    def at(day: date) -> datetime:
        return local_to_utc(datetime.combine(day, time(12, 0)))

    history = [
        CampaignSnapshot(
            campaign_id=require_id(campaign),
            taken_at=at(today - timedelta(days=int(point["days_ago"]))),
            raised_pln=int(point["raised_pln"]),
            goal_pln=campaign.goal_pln,
            supporters=int(point["supporters"]),
            source="manual",
        )
        for point in raw.get("snapshots", [])
    ]
    last_day = min(today, campaign.ends_on)
    history.append(_manual_snapshot(campaign, min(now, at(last_day))))
    return history


def load_example_campaigns(
    *, session: Session, path: Path = EXAMPLES_FILE, today: date | None = None, now: datetime | None = None
) -> int:
    """Add the example campaigns missing from the current edition (matched by title); returns how many.

    Dates in the file are days relative to ``today``, so a fresh demo always has running campaigns.
    """
    now = now or utcnow()
    today = today or local_today(now)
    edition = current_edition(session)
    if edition is None or edition.id is None:
        return 0
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CampaignError(f"Nie można wczytać pliku {path}: {exc}") from exc
    existing = set(session.exec(select(Campaign.title).where(Campaign.edition_id == edition.id)).all())
    added = 0
    for raw in data.get("campaigns", []):
        if raw["title"] in existing:
            continue
        campaign = _example(raw, edition.id, today, now)
        session.add(campaign)
        session.flush()
        session.add_all(_example_snapshots(raw, campaign, today, now))
        existing.add(campaign.title)
        added += 1
    session.flush()
    return added
