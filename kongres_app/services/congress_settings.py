"""Organisers' settings of the current edition: facts, places, registration window, texts, thresholds."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from kongres_app.db import require_id
from kongres_app.models import DiscussionGroup, SiteSetting
from kongres_app.services import registration as reg
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.clock import local_to_utc, utc_to_local
from kongres_app.services.congress import SETTING_TEXTS, current_edition
from kongres_app.services.errors import FormErrors
from kongres_app.services.validators import amount, clean_multiline, collect, day, moment, text

REQUIRED_TEXTS = ("name", "short_name", "venue_name")
EDITION_TEXTS = {"name": 200, "short_name": 80, "slogan": 200, "host": 200, "venue_name": 200, "venue_address": 300}
SETTING_NUMBERS = {
    "report_threshold": ("Zgłoszeń, po których notatka się ukrywa", 3),
    "notes_per_minute": ("Notatek na minutę na osobę", 5),
}


class SettingsError(FormErrors):
    """Settings refused, each field with its message."""


def current_values(session: Session, actor: Staff | None) -> dict[str, str]:
    """Every setting as the form shows it (strings; local times)."""
    require_organiser(session, actor, "read_settings")
    edition = current_edition(session)
    if edition is None:
        return {}
    values = {name: getattr(edition, name) for name in EDITION_TEXTS}
    values["event_date"] = edition.event_date.isoformat()
    values["venue_capacity"] = str(edition.venue_capacity)
    values["registration_opens_at"] = f"{utc_to_local(edition.registration_opens_at):%Y-%m-%dT%H:%M}"
    values["registration_closes_at"] = f"{utc_to_local(edition.registration_closes_at):%Y-%m-%dT%H:%M}"
    for group in session.exec(select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id)).all():
        values[f"capacity_{group.number}"] = str(group.capacity)
    stored = {s.key: s.value for s in session.exec(select(SiteSetting).where(SiteSetting.edition_id == edition.id))}
    for key in SETTING_TEXTS:
        values[key] = stored.get(key, "")
    for key, (_label, default) in SETTING_NUMBERS.items():
        values[key] = stored.get(key, str(default))
    return values


def _number(errors: dict[str, str], values: dict[str, str], key: str, low: int = 0) -> int:
    number = collect(errors, amount, values.get(key, ""), field=key, minimum=low, decimals=0, money=False, default=None)
    if key in errors:  # one message for every refusal, as the settings form always said
        errors[key] = f"Podaj liczbę całkowitą{' większą od zera' if low else ''}."
    return int(number or 0)


def _local(errors: dict[str, str], values: dict[str, str], key: str, tz: str) -> datetime | None:
    message = "Podaj datę i godzinę, np. 2027-02-01 09:00."
    local = collect(errors, moment, values.get(key, ""), field=key, message=message, default=None)
    return local_to_utc(local, tz) if local else None


def save(
    *,
    session: Session,
    actor: Staff | None,
    values: dict[str, str],
    previous: dict[str, str] | None = None,
    tz: str = "Europe/Warsaw",
) -> int:
    """Validate everything, then apply it; returns how many waiting delegates got a place.

    ``previous`` is what the form showed when loaded: places left unchanged there are not written,
    so a capacity another organiser changed in the meantime is not silently put back.
    """
    require_organiser(session, actor, "save_settings")
    errors: dict[str, str] = {}
    texts = {}
    for name, limit in EDITION_TEXTS.items():
        required = "To pole jest wymagane." if name in REQUIRED_TEXTS else None
        texts[name] = collect(
            errors,
            text,
            values.get(name, ""),
            field=name,
            max_length=limit,
            required=required,
            min_length=2 if required else 0,
            too_short=required,
            default="",
        )
    event_date = collect(
        errors,
        day,
        values.get("event_date", ""),
        field="event_date",
        message="Podaj datę kongresu, np. 2027-03-06.",
        default=None,
    )
    venue = _number(errors, values, "venue_capacity")
    capacities = {n: _number(errors, values, f"capacity_{n}") for n in range(1, 5) if f"capacity_{n}" in values}
    opens = _local(errors, values, "registration_opens_at", tz)
    closes = _local(errors, values, "registration_closes_at", tz)
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = "Zamknięcie rejestracji musi nastąpić po jej otwarciu."
    numbers = {key: _number(errors, values, key, 1) for key in SETTING_NUMBERS}
    if errors or opens is None or closes is None or event_date is None:
        raise SettingsError(errors)  # each of the three is None only with its error recorded

    # The registration service takes the write lock first; everything below runs under it.
    edition = reg.set_registration_window(session=session, opens_at=opens, closes_at=closes)
    promoted = 0
    for name, value in texts.items():
        setattr(edition, name, value)
    edition.event_date = event_date
    session.add(edition)
    previous = previous or {}

    def changed(key: str) -> bool:
        return values.get(key, "").strip() != previous.get(key, "").strip() or not previous

    if changed("venue_capacity"):
        promoted += len(reg.set_venue_capacity(session=session, capacity=venue))
    for number, capacity in capacities.items():
        if changed(f"capacity_{number}"):
            promoted += len(reg.set_group_capacity(session=session, group_number=number, capacity=capacity))
    stored = {s.key: s for s in session.exec(select(SiteSetting).where(SiteSetting.edition_id == edition.id))}
    updates = {key: clean_multiline(values.get(key, ""))[:4000] for key in SETTING_TEXTS} | {
        k: str(v) for k, v in numbers.items()
    }
    for key, value in updates.items():
        row = stored.get(key) or SiteSetting(edition_id=require_id(edition), key=key)
        row.value = value
        session.add(row)
    audit(session, actor, "save_settings", {"promoted": promoted, "capacities": capacities, "venue": venue})
    return promoted
