"""Organisers' edits of people and places: each checks the role, calls the registration service, audits."""

from __future__ import annotations

from sqlmodel import Session

from kongres_app.models import Delegate
from kongres_app.services import registration as reg
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.congress import roman
from kongres_app.services.polish import count, places, plural


def move_delegate(session: Session, actor: Staff | None, delegate_id: int, group_number: int) -> list[Delegate]:
    require_organiser(session, actor, "move_delegate", f"delegate={delegate_id} group={group_number}")
    promoted = reg.move_delegate(session=session, delegate_id=delegate_id, group_number=group_number)
    audit(session, actor, "move_delegate", {"delegate": delegate_id, "group": group_number})
    return promoted


def cancel_delegate(session: Session, actor: Staff | None, delegate_id: int) -> list[Delegate]:
    require_organiser(session, actor, "cancel_delegate", f"delegate={delegate_id}")
    promoted = reg.cancel_delegate_by_id(session=session, delegate_id=delegate_id)
    audit(session, actor, "cancel_delegate", {"delegate": delegate_id})
    return promoted


def set_needs_handled(session: Session, actor: Staff | None, delegate_id: int, handled: bool) -> None:
    require_organiser(session, actor, "needs_handled", f"delegate={delegate_id}")
    delegate = session.get(Delegate, delegate_id)
    if delegate is None:
        raise reg.RegistrationError("Nie ma takiej osoby.")
    delegate.needs_handled = bool(handled)
    session.add(delegate)
    audit(session, actor, "needs_handled", {"delegate": delegate_id, "handled": bool(handled)})


def set_group_capacity(session: Session, actor: Staff | None, group_number: int, capacity: int) -> list[Delegate]:
    require_organiser(session, actor, "set_group_capacity", f"group={group_number} capacity={capacity}")
    promoted = reg.set_group_capacity(session=session, group_number=group_number, capacity=capacity)
    audit(
        session, actor, "set_group_capacity", {"group": group_number, "capacity": capacity, "promoted": len(promoted)}
    )
    return promoted


def capacity_message(group_number: int, capacity: int, promoted: int) -> str:
    """What a capacity change did, said truthfully: nobody is promoted when nobody was waiting."""
    text = f"Grupa {roman(group_number)} ma teraz {places(capacity)}."
    if promoted:
        verb = plural(promoted, "dostała", "dostały", "dostało")
        text += f" Z listy rezerwowej miejsce {verb} {count(promoted, 'osoba', 'osoby', 'osób')}."
    return text
