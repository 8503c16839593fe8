"""Checking a campaign as typed in the form; the cleaned values that may be stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kongres_app.services.campaigns.catalog import CATEGORIES, MAX_YEARS_AHEAD, PLATFORMS
from kongres_app.services.dictionaries import GMINAS
from kongres_app.services.polish import chars
from kongres_app.services.progress import local_host_problem, url_problem
from kongres_app.services.validators import (
    amount,
    clean_multiline,
    clean_text,
    collect,
    day,
    text,
)

# ----------------------------------------------------------------------------- validation

LIMITS = {"title": 150, "org_name": 200, "blurb": 200, "description": 5000, "image_path": 300, "image_alt": 250}
IMAGE_PATH_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.(jpg|jpeg|png|webp)$")


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
    collect(errors, text, cleaned, field=key, max_length=LIMITS[key], required=missing, min_length=minimum, default="")
    return cleaned


def _description(errors: dict[str, str], value: str) -> str:
    cleaned = re.sub(r"\n{3,}", "\n\n", clean_multiline(value))
    too_short = f"Opisz zbiórkę: na co są pieniądze i komu pomogą (co najmniej {chars(30)})."
    collect(
        errors,
        text,
        cleaned,
        field="description",
        max_length=LIMITS["description"],
        required=too_short,
        min_length=30,
        multiline=True,
        too_short=too_short,
        too_long=f"Opis może mieć najwyżej {chars(LIMITS['description'])} (teraz: {len(cleaned)}).",
        default="",
    )
    return cleaned


def _whole_number(errors: dict[str, str], key: str, value: str, what: str, money: bool = True) -> int:
    """Whole złoty (or people); empty is 0."""
    number = collect(errors, amount, value, field=key, what=what, required=False, decimals=0, money=money, default=None)
    return int(number or 0)


def _dates(errors: dict[str, str], data: CampaignInput, today: date, editing: bool) -> tuple[date, date]:
    starts_on = collect(
        errors,
        day,
        data.starts_on,
        field="starts_on",
        message="Podaj datę rozpoczęcia zbiórki, np. 1.03.2026.",
        default=None,
    )
    ends_on = collect(
        errors,
        day,
        data.ends_on,
        field="ends_on",
        message="Podaj datę zakończenia zbiórki, np. 31.03.2026.",
        default=None,
    )
    if ends_on is None:
        pass
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
    supporters = _whole_number(errors, "supporters", data.supporters, "liczbę osób wspierających", money=False)
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
