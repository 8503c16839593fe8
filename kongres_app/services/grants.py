"""Open competitions of offers for NGO grants, announced as art. 13 of the Act on Public Benefit
Activity and Volunteerism requires (kind of task, funds, rules, dates and conditions, deadline,
procedure, criteria and date of choosing offers, tasks of the same kind this year and last with their costs:
art. 13 ust. 2 pkt 1-7), with a link to the announcement in the county's BIP (art. 13 ust. 3). Every one of
those is required, so the public page may say that every announcement holds them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event
from sqlmodel import Session, col, select

from kongres_app.db import require_id
from kongres_app.models import GrantCompetition
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.clock import DEFAULT_TZ, local_to_utc, utc_to_local, utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.errors import UserError
from kongres_app.services.polish import chars, days_left, money, polish_date, polish_datetime, polish_day
from kongres_app.services.polish import days as days_word
from kongres_app.services.validators import amount, clean_text, collect, day, moment, text

MIN_NOTICE_DAYS = 21  # art. 13 ust. 1 of the Act: the offer deadline at least 21 days from the announcement
MAX_REASON = 1000
UNKNOWN_AMOUNT = "brak danych"
DAY_END = time(23, 59)  # a deadline given as a day alone
TEXT_FIELDS = {
    "title": ("Tytuł konkursu", 200),
    "public_task": ("Rodzaj zadania publicznego", 1000),
    "award_rules": ("Zasady przyznawania dotacji", 3000),
    "execution_terms": ("Terminy i warunki realizacji zadania", 3000),
    "selection_procedure": ("Tryb i kryteria wyboru ofert", 3000),
    "same_kind_tasks": ("Zadania tego samego rodzaju zrealizowane w tym i w ubiegłym roku oraz ich koszty", 3000),
}


class GrantError(UserError):
    """A competition that cannot be saved or announced."""


@dataclass
class GrantInput:
    title: str = ""
    public_task: str = ""
    funds_pln: str = ""
    award_rules: str = ""
    execution_terms: str = ""
    offer_deadline: str = ""  # local "2026-12-20T15:00" or "2026-12-20"
    selection_procedure: str = ""
    selection_date: str = ""
    granted_this_year_pln: str = ""
    granted_last_year_pln: str = ""
    offers_url: str = ""
    same_kind_tasks: str = ""
    bip_url: str = ""


@dataclass
class GrantView:
    id: int = 0
    title: str = ""
    public_task: str = ""
    funds: str = ""
    award_rules: str = ""
    execution_terms: str = ""
    deadline: str = ""
    days_left: str = ""
    is_open: bool = False
    selection_procedure: str = ""
    selection_date: str = ""
    granted_this_year: str = ""
    granted_last_year: str = ""
    offers_url: str = ""
    same_kind_tasks: str = ""
    bip_url: str = ""
    published: bool = False
    published_on: str = ""
    short_notice: bool = False  # the deadline is under 21 days after publication (or after today, if unpublished)
    earliest_deadline: str = ""  # the first day the deadline may fall on, for that publication day
    short_notice_reason: str = ""  # the legal basis the organiser gave for a shorter term


def _amount(errors: dict[str, str], name: str, raw: str, required: bool) -> int | None:
    """Whole złoty; an empty optional amount stays None ("brak danych"), never 0."""
    number = collect(
        errors, amount, raw, field=name, what="kwotę w złotych", required=required, decimals=0, default=None
    )
    return None if number is None else int(number)


def shown_amount(amount: int | None) -> str:
    return UNKNOWN_AMOUNT if amount is None else money(amount)


def _deadline(errors: dict[str, str], raw: str, tz: str) -> datetime | None:
    """A local moment; a day alone means its end (23:59)."""
    message = "Podaj termin składania ofert, np. 2026-12-20 15:00."
    local = collect(errors, moment, raw, field="offer_deadline", message=message, day_only_at=DAY_END, default=None)
    return local_to_utc(local, tz) if local else None


def validate(data: GrantInput, tz: str = DEFAULT_TZ) -> tuple[dict, dict[str, str]]:
    errors: dict[str, str] = {}
    values: dict = {}
    for name, (label, limit) in TEXT_FIELDS.items():
        missing = f"Uzupełnij pole: {label.lower()}."
        values[name] = collect(
            errors,
            text,
            getattr(data, name),
            field=name,
            max_length=limit,
            required=missing,
            min_length=3,
            multiline=name != "title",
            too_short=missing,
            default="",
        )
    values["funds_pln"] = _amount(errors, "funds_pln", data.funds_pln, True)
    values["granted_this_year_pln"] = _amount(errors, "granted_this_year_pln", data.granted_this_year_pln, False)
    values["granted_last_year_pln"] = _amount(errors, "granted_last_year_pln", data.granted_last_year_pln, False)
    values["offer_deadline"] = _deadline(errors, data.offer_deadline, tz)
    values["selection_date"] = collect(
        errors,
        day,
        data.selection_date,
        field="selection_date",
        message="Podaj termin wyboru ofert (ustawa go wymaga), np. 2027-01-15.",
        default=None,
    )
    deadline = values["offer_deadline"]
    if values["selection_date"] is None:
        pass
    elif deadline is not None and values["selection_date"] < utc_to_local(deadline, tz).date():
        errors["selection_date"] = "Termin wyboru ofert nie może przypaść przed terminem składania ofert."
    for name, what in (
        ("offers_url", "strony, na której składa się oferty"),
        ("bip_url", "ogłoszenia w Biuletynie Informacji Publicznej"),
    ):
        url = clean_text(getattr(data, name))
        if not url.startswith(("https://", "http://")) or len(url) > 500:
            errors[name] = f"Podaj adres {what} (https://…)."
        values[name] = url
    return values, errors


def missing_statutory(grant: GrantCompetition) -> list[str]:
    """What a competition saved before every statutory item was required still lacks."""
    missing = []
    if grant.selection_date is None:
        missing.append("termin wyboru ofert")
    if len(grant.same_kind_tasks) < 3:
        missing.append("zadania tego samego rodzaju i ich koszty")
    if not grant.bip_url:
        missing.append("adres ogłoszenia w BIP")
    return missing


def create(
    *, session: Session, actor: Staff | None, data: GrantInput, now: datetime | None = None, tz: str = DEFAULT_TZ
) -> GrantCompetition:
    require_organiser(session, actor, "create_grant")
    values, errors = validate(data, tz)
    if errors:
        raise GrantError("Formularz zawiera błędy.", errors=errors)
    edition = current_edition(session)
    if edition is None:
        raise GrantError("Nie ma danych kongresu.")
    grant = GrantCompetition(edition_id=require_id(edition), created_at=now or utcnow(), **values)
    session.add(grant)
    session.flush()
    audit(session, actor, "create_grant", {"id": grant.id, "title": grant.title})
    return grant


def earliest_deadline(published_at: datetime, tz: str = DEFAULT_TZ) -> date:
    """The first day an offer deadline may fall on when the competition is announced at ``published_at``.

    Days are counted on the edition's calendar (``tz``), the day of the announcement not counted (art. 111
    of the Civil Code): announced on 1 March, the deadline may fall on 22 March at the earliest.
    """
    return utc_to_local(published_at, tz).date() + timedelta(days=MIN_NOTICE_DAYS)


def short_notice(grant: GrantCompetition, published_at: datetime | None = None, tz: str = DEFAULT_TZ) -> bool:
    published_at = published_at or grant.published_at or utcnow()
    return utc_to_local(grant.offer_deadline, tz).date() < earliest_deadline(published_at, tz)


def short_notice_message(published_at: datetime, tz: str = DEFAULT_TZ) -> str:
    return (
        f"Termin składania ofert jest za krótki: ustawa o działalności pożytku publicznego i o wolontariacie "
        f"(art. 13 ust. 1) wymaga co najmniej {days_word(MIN_NOTICE_DAYS)} od ogłoszenia konkursu, więc przy publikacji "
        f"{polish_day(utc_to_local(published_at, tz).date())} termin może przypaść "
        f"najwcześniej {polish_day(earliest_deadline(published_at, tz))} Podaj podstawę prawną krótszego terminu "
        f"albo zapisz konkurs ponownie z późniejszym terminem."
    )


def publish(
    *,
    session: Session,
    actor: Staff | None,
    grant_id: int,
    reason: str | None = None,
    now: datetime | None = None,
    tz: str = DEFAULT_TZ,
) -> GrantCompetition:
    """Announce a competition. A deadline under 21 days after today is refused unless the organiser gives
    the legal basis for the shorter term (``reason``, stored and shown with the deadline)."""
    require_organiser(session, actor, "publish_grant", f"id={grant_id}")
    grant = session.get(GrantCompetition, grant_id)
    if grant is None:
        raise GrantError("Nie ma takiego konkursu.")
    if grant.published_at is not None:
        return grant
    now = now or utcnow()
    if grant.offer_deadline <= now:
        raise GrantError("Termin składania ofert już minął: takiego konkursu nie można ogłosić.", "offer_deadline")
    if missing := missing_statutory(grant):
        raise GrantError(
            "Ogłoszenie nie ma wszystkich informacji wymaganych przez art. 13 ust. 2 ustawy: brakuje: "
            + ", ".join(missing)
            + ". Zapisz konkurs ponownie z kompletem danych."
        )
    cleaned = clean_text(reason) if reason is not None else grant.short_notice_reason
    if len(cleaned) > MAX_REASON:
        raise GrantError(f"Najwyżej {chars(MAX_REASON)} (teraz: {len(cleaned)}).", "short_notice_reason")
    if short_notice(grant, now, tz) and len(cleaned) < 3:
        raise GrantError(short_notice_message(now, tz), "short_notice_reason")
    grant.short_notice_reason = cleaned
    grant.published_at = now
    session.add(grant)
    audit(session, actor, "publish_grant", {"id": grant_id, "short_notice": short_notice(grant, now, tz)})
    return grant


def _days_left(deadline: datetime, now: datetime) -> str:
    if deadline <= now:
        return "nabór zakończony"
    days = (utc_to_local(deadline).date() - utc_to_local(now).date()).days
    return "ostatni dzień naboru" if days == 0 else days_left(days)


def view(grant: GrantCompetition, now: datetime | None = None, tz: str = DEFAULT_TZ) -> GrantView:
    now = now or utcnow()
    published_at = grant.published_at or now  # a draft: as if announced today
    return GrantView(
        id=grant.id or 0,
        title=grant.title,
        public_task=grant.public_task,
        funds=money(grant.funds_pln),
        award_rules=grant.award_rules,
        execution_terms=grant.execution_terms,
        deadline=polish_datetime(grant.offer_deadline, tz),
        days_left=_days_left(grant.offer_deadline, now),
        is_open=grant.offer_deadline > now,
        selection_procedure=grant.selection_procedure,
        selection_date=polish_date(grant.selection_date) if grant.selection_date else "",
        granted_this_year=shown_amount(grant.granted_this_year_pln),
        granted_last_year=shown_amount(grant.granted_last_year_pln),
        offers_url=grant.offers_url,
        same_kind_tasks=grant.same_kind_tasks,
        bip_url=grant.bip_url,
        published=grant.published_at is not None,
        published_on=polish_datetime(grant.published_at, tz) if grant.published_at else "",
        short_notice=short_notice(grant, published_at, tz),
        earliest_deadline=polish_day(earliest_deadline(published_at, tz)),
        short_notice_reason=grant.short_notice_reason,
    )


def public_list(session: Session, now: datetime | None = None, tz: str = DEFAULT_TZ) -> list[GrantView]:
    """Published competitions, open ones first (soonest deadline), then finished ones."""
    now = now or utcnow()
    rows = session.exec(select(GrantCompetition).where(col(GrantCompetition.published_at).is_not(None))).all()
    ordered = sorted(rows, key=lambda g: (g.offer_deadline <= now, abs((g.offer_deadline - now).total_seconds())))
    return [view(g, now, tz) for g in ordered]


def all_for_organisers(session: Session, actor: Staff | None, tz: str = DEFAULT_TZ) -> list[GrantView]:
    require_organiser(session, actor, "read_grants")
    rows = session.exec(select(GrantCompetition).order_by(col(GrantCompetition.created_at).desc())).all()
    return [view(g, tz=tz) for g in rows]


def reminder_ics(session: Session, grant_id: int) -> bytes | None:
    """An .ics event at the offer deadline, with alarms a week and a day before."""
    grant = session.get(GrantCompetition, grant_id)
    if grant is None or grant.published_at is None:
        return None
    calendar = Calendar()
    calendar.add("prodid", "-//Kongres NGO Powiatu Pruszkowskiego//konkursy//PL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"konkurs-{grant.id}@kongres")
    event.add("dtstamp", utcnow())
    event.add("summary", f"Termin składania ofert: {grant.title}")
    event.add("dtstart", grant.offer_deadline)
    event.add("dtend", grant.offer_deadline + timedelta(minutes=30))
    event.add("description", f"Oferty składa się tutaj: {grant.offers_url}")
    event.add("url", grant.offers_url)
    for days in (7, 1):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Za {days_word(days)} mija termin: {grant.title}")
        alarm.add("trigger", timedelta(days=-days))
        event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
