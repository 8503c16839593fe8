"""The congress as an iCalendar (.ics) event for "add to calendar"."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar, Event
from sqlmodel import Session

from kongres_app.services.clock import utcnow
from kongres_app.services.congress import current_edition


def edition_ics(session: Session, *, public_url: str) -> bytes | None:
    edition = current_edition(session)
    if edition is None:
        return None
    calendar = Calendar()
    calendar.add("prodid", "-//Kongres NGO Powiatu Pruszkowskiego//kongres//PL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{edition.slug}@kongres")
    event.add("dtstamp", utcnow())
    event.add("summary", edition.name)
    event.add("dtstart", edition.event_date)  # all-day: the agenda's hours are announced later
    event.add("dtend", edition.event_date + timedelta(days=1))
    event.add("location", ", ".join(p for p in (edition.venue_name, edition.venue_address) if p))
    event.add("description", f"„{edition.slogan}”. Program i rejestracja: {public_url}")
    event.add("url", public_url)
    calendar.add_component(event)
    return calendar.to_ical()
