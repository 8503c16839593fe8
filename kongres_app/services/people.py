"""Organisers' changes to one person or one registration, each described before it is confirmed.

A preview changes nothing: it says what the change would do (a free place, or which place on which
waiting list; who gets a freed place; whether the whole registration ends). The confirmed change goes
through the audited ``organiser`` functions and is described again as it actually turned out, since
places may have changed between the preview and the confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from kongres_app.db import require_id
from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Edition, ManageToken, Registration
from kongres_app.services import organiser
from kongres_app.services import registration as reg
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.congress import current_edition, roman
from kongres_app.services.dictionaries import STATUS_LABELS
from kongres_app.services.polish import of_places
from kongres_app.services.registration_views import waitlist_position

NO_SUCH_PERSON = "Nie ma takiej osoby albo jej udział anulowano."


@dataclass
class Person:
    delegate_id: int = 0
    registration_id: int = 0
    full_name: str = ""
    org_name: str = ""
    group_number: int = 0
    status: str = ""
    summary: str = ""  # "Fundacja X · Grupa IV · miejsce potwierdzone"


@dataclass
class Preview:
    outcome: str = ""  # same | confirmed | waiting | cancel
    waitlist_position: int = 0
    message: str = ""


@dataclass
class LinkPreview:
    registration_id: int = 0
    org_name: str = ""
    email: str = ""
    active_links: int = 0


@dataclass
class IssuedLink:
    registration_id: int = 0
    org_name: str = ""
    email: str = ""
    token: str = ""
    revoked: int = 0


def _group_label(number: int) -> str:
    return f"Grupa {roman(number)}"


def _load(session: Session, delegate_id: int) -> tuple[Edition, Delegate, Registration, DiscussionGroup]:
    edition = current_edition(session)
    row = session.exec(
        select(Delegate, Registration, DiscussionGroup)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(Delegate.id == delegate_id)
    ).first()
    if edition is None or row is None or row[0].status == DelegateStatus.CANCELLED or row[0].edition_id != edition.id:
        raise reg.RegistrationError(NO_SUCH_PERSON)
    return edition, *row


def _waiting_in(session: Session, group_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(Delegate)
        .where(Delegate.group_id == group_id, Delegate.status == DelegateStatus.WAITING)
    ).one()


def person(session: Session, actor: Staff | None, delegate_id: int) -> Person:
    require_organiser(session, actor, "read_person", f"delegate={delegate_id}")
    _edition, delegate, registration, group = _load(session, delegate_id)
    return Person(
        delegate_id=require_id(delegate),
        registration_id=require_id(registration),
        full_name=delegate.full_name,
        org_name=registration.org_name,
        group_number=group.number,
        status=delegate.status,
        summary=f"{registration.org_name} · {_group_label(group.number)} · {STATUS_LABELS[delegate.status].lower()}",
    )


# ----------------------------------------------------------------------------- move


def move_preview(session: Session, actor: Staff | None, delegate_id: int, group_number: int) -> Preview:
    """What moving this person into that group would do, computed as ``registration.move_delegate`` would."""
    require_organiser(session, actor, "preview_move", f"delegate={delegate_id} group={group_number}")
    edition, delegate, _registration, current = _load(session, delegate_id)
    target = session.exec(
        select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id, DiscussionGroup.number == group_number)
    ).first()
    if target is None:
        raise reg.RegistrationError("Nie ma takiej grupy.", "group_number")
    name, here, there = delegate.full_name, roman(current.number), roman(target.number)
    if target.id == current.id:
        return Preview("same", 0, f"{name} już jest w grupie {here}: wybierz inną grupę.")
    places = reg.Places(session, edition)
    if delegate.status == DelegateStatus.CONFIRMED:
        places.release(require_id(current))
    if places.fits(require_id(target)):
        message = f"{name} przejdzie z grupy {here} do grupy {there} i dostanie w niej potwierdzone miejsce."
        if delegate.status == DelegateStatus.CONFIRMED and _waiting_in(session, require_id(current)):
            message += f" Zwolnione miejsce w grupie {here} dostanie pierwsza osoba z listy rezerwowej tej grupy."
        return Preview("confirmed", 0, message)
    position = _waiting_in(session, require_id(target)) + 1
    if places.by_group[require_id(target)] >= places.capacity.get(require_id(target), 0):
        why = (
            f"Grupa {there} jest pełna ({places.by_group[require_id(target)]} z {of_places(target.capacity)} zajętych)"
        )
    else:
        why = f"Na sali nie ma już wolnych miejsc ({edition.venue_capacity})"
    message = f"{why}: {name} trafi na listę rezerwową grupy {there}, na miejsce {position} w kolejce."
    if delegate.status == DelegateStatus.CONFIRMED:
        message += f" Straci potwierdzone miejsce w grupie {here}."
    return Preview("waiting", position, message)


def _promoted_names(promoted: list[Delegate]) -> str:
    if not promoted:
        return ""
    return " Miejsce z listy rezerwowej dostali: " + ", ".join(d.full_name for d in promoted) + "."


def confirm_move(session: Session, actor: Staff | None, delegate_id: int, group_number: int) -> str:
    """Move (audited by ``organiser.move_delegate``) and say where the person ended up."""
    promoted = organiser.move_delegate(session, actor, delegate_id, group_number)
    delegate = session.get(Delegate, delegate_id)
    if delegate is None:  # move_delegate has just found it
        raise reg.RegistrationError(NO_SUCH_PERSON)
    there = roman(group_number)
    if delegate.status == DelegateStatus.CONFIRMED:
        message = f"Przeniesiono: {delegate.full_name} jest teraz w grupie {there}, z potwierdzonym miejscem."
    else:
        position = waitlist_position(session, delegate)
        message = (
            f"Przeniesiono: {delegate.full_name} jest teraz na liście rezerwowej grupy {there}, "
            f"na miejscu {position} w kolejce."
        )
    return message + _promoted_names([d for d in promoted if d.id != delegate_id])


# ----------------------------------------------------------------------------- cancel


def cancel_preview(session: Session, actor: Staff | None, delegate_id: int) -> Preview:
    require_organiser(session, actor, "preview_cancel", f"delegate={delegate_id}")
    _edition, delegate, registration, group = _load(session, delegate_id)
    message = (
        f"Udział osoby {delegate.full_name} ({registration.org_name}, {_group_label(group.number)}) zostanie "
        "anulowany, a jej kod wejścia przestanie działać."
    )
    if delegate.status == DelegateStatus.CONFIRMED and _waiting_in(session, require_id(group)):
        message += f" Jej miejsce dostanie pierwsza osoba z listy rezerwowej grupy {roman(group.number)}."
    others = session.exec(
        select(func.count())
        .select_from(Delegate)
        .where(
            Delegate.registration_id == registration.id,
            Delegate.status != DelegateStatus.CANCELLED,
            Delegate.id != delegate.id,
        )
    ).one()
    if not others:
        message += " To ostatnia zgłoszona osoba tej organizacji, więc anulowana zostanie cała rejestracja."
    return Preview("cancel", 0, message + " Tej zmiany nie można cofnąć w aplikacji.")


def confirm_cancel(session: Session, actor: Staff | None, delegate_id: int) -> str:
    # The audited change first: it takes the write lock, which must open the transaction.
    promoted = organiser.cancel_delegate(session, actor, delegate_id)
    delegate = session.get(Delegate, delegate_id)
    name = delegate.full_name if delegate else ""
    return f"Anulowano udział: {name}." + _promoted_names(promoted)


# ----------------------------------------------------------------------------- management links


def _active_registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise reg.RegistrationError("Nie ma takiej rejestracji.")
    if registration.cancelled_at is not None:
        raise reg.RegistrationError("Ta rejestracja została anulowana: nowy link nic by nie zmienił.")
    return registration


def link_preview(session: Session, actor: Staff | None, registration_id: int) -> LinkPreview:
    require_organiser(session, actor, "preview_manage_link", f"registration={registration_id}")
    registration = _active_registration(session, registration_id)
    active = session.exec(
        select(func.count())
        .select_from(ManageToken)
        .where(ManageToken.registration_id == registration_id, col(ManageToken.revoked_at).is_(None))
    ).one()
    return LinkPreview(registration_id, registration.org_name, registration.email, active)


def issue_link(
    session: Session, actor: Staff | None, registration_id: int, *, revoke_old: bool, mailed: bool = False
) -> IssuedLink:
    """A new management link for the organisers to hand over; the secret is returned once and stored hashed.

    ``mailed`` only goes into the audit entry: the caller sends the mail once the link is committed.
    """
    require_organiser(session, actor, "issue_manage_link", f"registration={registration_id}")
    registration, token, revoked = reg.issue_link_for_registration(
        session=session, registration_id=registration_id, revoke_old=revoke_old
    )
    audit(
        session,
        actor,
        "issue_manage_link",
        {"registration": registration_id, "revoke_old": revoke_old, "revoked": revoked, "mailed": mailed},
    )
    return IssuedLink(registration_id, registration.org_name, registration.email, token, revoked)
