"""What a delegate decides about their own data, and what they are told about it.

Delegates do not register themselves: the contact person of their organisation gives their data, so the
information duty is that of RODO art. 14 (data not obtained from the person), met on /moj-kongres, next to
the board's join box and, when mail is configured and the person has an address, by an e-mail. Each person
gives or refuses their own consent to photos (art. 6 ust. 1 lit. a); until they say yes, the answer is no.
Accessibility needs are health data (art. 9): stored only with an explicit consent, seen by organisers only,
erased by the person at any time and by the app a set time after the congress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from kongres_app.models import Delegate, DelegateStatus, Edition, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.polish import days as days_word
from kongres_app.services.polish import polish_day

DEFAULT_NEEDS_RETENTION_DAYS = 30
MAIL_BATCH = 50


@dataclass
class MyData:
    org_name: str = ""
    contact_name: str = ""  # who gave the data (art. 14 ust. 2 lit. f: the source)
    full_name: str = ""
    email: str = ""
    group_number: int = 0
    has_needs: bool = False
    accessibility_needs: str = ""
    image_consent: bool = False
    needs_erased_on: str = ""  # the day the app erases the needs by itself


def needs_retention(days: int | None = None) -> timedelta:
    return timedelta(days=DEFAULT_NEEDS_RETENTION_DAYS if days is None else max(0, days))


def needs_erase_day(edition: Edition, retention: timedelta) -> str:
    return polish_day(edition.event_date + retention)


def my_data(session: Session, delegate_id: int, retention: timedelta | None = None) -> MyData | None:
    row = session.exec(
        select(Delegate, Registration)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .where(Delegate.id == delegate_id)
    ).first()
    if row is None:
        return None
    delegate, registration = row
    edition = session.get(Edition, delegate.edition_id)
    return MyData(
        org_name=registration.org_name,
        contact_name=registration.contact_name,
        full_name=delegate.full_name,
        email=delegate.email,
        has_needs=bool(delegate.accessibility_needs),
        accessibility_needs=delegate.accessibility_needs,
        image_consent=delegate.image_consent,
        needs_erased_on=needs_erase_day(edition, retention or needs_retention()) if edition else "",
    )


def set_image_consent(session: Session, delegate_id: int, consent: bool, now: datetime | None = None) -> bool:
    delegate = session.get(Delegate, delegate_id)
    if delegate is None:
        return False
    delegate.image_consent = bool(consent)
    delegate.image_consent_at = now or utcnow()
    session.add(delegate)
    return True


def erase_needs(session: Session, delegate_id: int) -> bool:
    """The person withdraws the consent to their accessibility needs: the text goes at once."""
    delegate = session.get(Delegate, delegate_id)
    if delegate is None:
        return False
    delegate.accessibility_needs, delegate.needs_consent_at, delegate.needs_handled = "", None, False
    session.add(delegate)
    return True


def erase_needs_after_congress(
    session: Session, now: datetime | None = None, retention: timedelta | None = None
) -> int:
    """Erase the accessibility needs of every edition whose day was longer ago than the retention time."""
    today = (now or utcnow()).date()
    cutoff = today - (retention or needs_retention())
    editions = session.exec(select(Edition.id).where(col(Edition.event_date) < cutoff)).all()
    if not editions:
        return 0
    rows = session.exec(
        select(Delegate).where(col(Delegate.edition_id).in_(editions), col(Delegate.accessibility_needs) != "")
    ).all()
    for delegate in rows:
        delegate.accessibility_needs, delegate.needs_consent_at = "", None
        session.add(delegate)
    return len(rows)


# ----------------------------------------------------------------------------- art. 14 by mail


@dataclass(frozen=True)
class InfoMail:
    delegate_id: int
    to: str
    subject: str
    body: str


def information_message(
    *, edition_name: str, full_name: str, org_name: str, contact_name: str, controller: str, privacy_url: str
) -> tuple[str, str]:
    subject = f"{edition_name}: skąd mamy Twoje dane"
    body = (
        f"Dzień dobry, {full_name},\n\n"
        f"organizacja {org_name} zgłosiła Cię na {edition_name}. Osoba do kontaktu z organizacji, {contact_name}, "
        "przekazała nam Twoje dane: "
        "imię i nazwisko, adres e-mail, wybraną grupę tematyczną i – jeśli je opisano – potrzeby związane "
        "z dostępnością.\n\n"
        f"Administrator danych: {controller}.\n"
        "Przetwarzamy je, aby zorganizować kongres (art. 6 ust. 1 lit. e RODO); informacje o potrzebach – tylko "
        "za Twoją zgodą i tylko po to, by je zapewnić (art. 9 ust. 2 lit. a RODO). Widzą je wyłącznie "
        "organizatorzy.\n\n"
        "O zgodzie na zdjęcia decydujesz Ty: dopóki jej nie wyrazisz, nie publikujemy zdjęć, na których "
        "Cię widać. Zgodę wyrazisz lub cofniesz, a informacje o potrzebach usuniesz na stronie „Mój kongres” "
        "po wpisaniu kodu wejścia, który ma osoba zgłaszająca.\n\n"
        f"Pełna informacja o ochronie danych i Twoich prawach: {privacy_url}\n"
    )
    return subject, body


def information_mails(session: Session, *, controller: str, privacy_url: str) -> list[InfoMail]:
    """Who has an address of their own and has not been told yet (confirmed or waiting, this edition)."""
    edition = current_edition(session)
    if edition is None:
        return []
    rows = session.exec(
        select(Delegate, Registration)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .where(
            Delegate.edition_id == edition.id,
            col(Delegate.status).in_((DelegateStatus.CONFIRMED, DelegateStatus.WAITING)),
            col(Delegate.email) != "",
            col(Delegate.informed_at).is_(None),
            col(Registration.cancelled_at).is_(None),
        )
        .order_by(col(Delegate.id))
        .limit(MAIL_BATCH)
    ).all()
    mails = []
    for delegate, registration in rows:
        subject, body = information_message(
            edition_name=edition.name,
            full_name=delegate.full_name,
            org_name=registration.org_name,
            contact_name=registration.contact_name,
            controller=controller,
            privacy_url=privacy_url,
        )
        mails.append(InfoMail(delegate.id or 0, delegate.email, subject, body))
    return mails


def claim_information_mail(session: Session, delegate_id: int, now: datetime | None = None) -> bool:
    """Mark the mail as sent before sending it, so that two workers never both send it."""
    result = session.exec(
        update(Delegate)
        .where(col(Delegate.id) == delegate_id, col(Delegate.informed_at).is_(None))
        .values(informed_at=now or utcnow())
    )
    return bool(result.rowcount)


def release_information_mail(session: Session, delegate_id: int) -> None:
    """The mail could not be sent: try again next round."""
    session.exec(update(Delegate).where(col(Delegate.id) == delegate_id).values(informed_at=None))


def retention_sentence(retention: timedelta) -> str:
    return (
        f"Informacje o potrzebach związanych z dostępnością usuwamy {days_word(retention.days)} po kongresie "
        "albo wcześniej, gdy cofniesz zgodę."
    )
