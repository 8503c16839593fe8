"""Organisers' live announcements ("Sesja plenarna zaczyna się za 10 minut w sali A")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from kongres_app.db import require_id
from kongres_app.models import Announcement
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.errors import UserError
from kongres_app.services.polish import chars
from kongres_app.services.validators import clean_text

MAX_TEXT = 200
MAX_MINUTES = 24 * 60


class AnnouncementError(UserError):
    """An announcement that cannot be published or withdrawn."""


@dataclass
class AnnouncementView:
    id: int = 0
    text: str = ""
    time: str = ""
    until: str = ""


def publish(
    *, session: Session, actor: Staff | None, text: str, minutes: int, now: datetime | None = None
) -> Announcement:
    actor = require_organiser(session, actor, "publish_announcement")
    now = now or utcnow()
    cleaned = clean_text(text)
    if not cleaned:
        raise AnnouncementError("Wpisz treść ogłoszenia.", "text")
    if len(cleaned) > MAX_TEXT:
        raise AnnouncementError(f"Ogłoszenie może mieć najwyżej {chars(MAX_TEXT)} (teraz: {len(cleaned)}).", "text")
    if not 1 <= minutes <= MAX_MINUTES:
        raise AnnouncementError("Czas wyświetlania: od 1 minuty do 24 godzin.", "minutes")
    edition = current_edition(session)
    if edition is None:
        raise AnnouncementError("Nie ma danych kongresu.")
    item = Announcement(
        edition_id=require_id(edition),
        text=cleaned,
        created_at=now,
        expires_at=now + timedelta(minutes=minutes),
        author_id=actor.id,
    )
    session.add(item)
    session.flush()
    audit(session, actor, "publish_announcement", {"id": item.id, "minutes": minutes})
    return item


def withdraw(*, session: Session, actor: Staff | None, announcement_id: int, now: datetime | None = None) -> None:
    require_organiser(session, actor, "withdraw_announcement", f"id={announcement_id}")
    item = session.get(Announcement, announcement_id)
    if item is None or item.withdrawn_at is not None:
        raise AnnouncementError("Tego ogłoszenia już nie ma.")
    item.withdrawn_at = now or utcnow()
    session.add(item)
    audit(session, actor, "withdraw_announcement", {"id": announcement_id})


def active(session: Session, now: datetime | None = None) -> list[AnnouncementView]:
    """What every page shows now: live announcements, newest first (public: no author)."""
    now = now or utcnow()
    rows = session.exec(
        select(Announcement)
        .where(col(Announcement.withdrawn_at).is_(None), Announcement.expires_at > now)
        .order_by(col(Announcement.created_at).desc())
        .limit(3)
    ).all()
    return [
        AnnouncementView(
            a.id or 0, a.text, f"{utc_to_local(a.created_at):%H:%M}", f"{utc_to_local(a.expires_at):%H:%M}"
        )
        for a in rows
    ]
