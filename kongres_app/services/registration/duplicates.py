"""One active registration per organisation (KRS, or name and gmina) and per e-mail address."""

from __future__ import annotations

from sqlmodel import Session, col, select

from kongres_app.models import DiscussionGroup, Registration
from kongres_app.services.registration.common import RegistrationError
from kongres_app.services.validation import CleanRegistration, name_key


def find_duplicate(
    session: Session, edition_id: int, data: CleanRegistration, exclude_id: int | None = None
) -> RegistrationError | None:
    """The refusal for the first thing another active registration already holds, or None."""
    active = select(Registration).where(Registration.edition_id == edition_id, col(Registration.cancelled_at).is_(None))
    if exclude_id is not None:
        active = active.where(Registration.id != exclude_id)
    if data.krs and (holder := session.exec(active.where(Registration.krs == data.krs)).first()):
        return RegistrationError(
            "Organizacja z tym numerem KRS jest już zarejestrowana.", "krs", duplicate=True, holder_id=holder.id
        )
    key = name_key(data.org_name)
    if holder := session.exec(active.where(Registration.org_name_key == key, Registration.gmina == data.gmina)).first():
        return RegistrationError(
            "Organizacja o tej nazwie z tej gminy jest już zarejestrowana.",
            "org_name",
            duplicate=True,
            holder_id=holder.id,
        )
    if holder := session.exec(active.where(Registration.email_key == data.email.casefold())).first():
        return RegistrationError(
            "Ten adres e-mail został już użyty do rejestracji.", "email", duplicate=True, holder_id=holder.id
        )
    return None


def require_groups(groups: dict[int, DiscussionGroup], data: CleanRegistration) -> None:
    for i, row in enumerate(data.delegates):
        if row.group_number not in groups:
            raise RegistrationError("Wybierz grupę tematyczną.", f"delegates.{i}.group_number")
