"""The showcase's dictionaries (categories, platforms, statuses, sorts) and figures as people read them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from babel.dates import format_date

from kongres_app.models import CampaignStatus
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.errors import UserError
from kongres_app.services.polish import LOCALE, count, days

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
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
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
