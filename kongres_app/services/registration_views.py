"""What a registration's own page shows and what the public list shows (the stats API: ``services.stats``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import segno
from sqlmodel import Session, col, func, select

from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Registration
from kongres_app.services.codes import display_code
from kongres_app.services.congress import current_edition, registration_status, roman
from kongres_app.services.dictionaries import GMINAS, LEGAL_FORMS, STATUS_LABELS
from kongres_app.services.registration import registration_for_token


@dataclass
class DelegateView:
    id: int = 0
    full_name: str = ""
    email: str = ""
    group_number: int = 0
    group_label: str = ""
    accessibility_needs: str = ""
    status: str = ""
    status_label: str = ""
    waitlist_position: int = 0
    promoted: bool = False
    code: str = ""
    code_display: str = ""
    qr_svg_uri: str = ""
    image_consent: bool = False  # the person's own choice, made on /moj-kongres


@dataclass
class RegistrationView:
    org_name: str = ""
    legal_form: str = ""
    legal_form_label: str = ""
    krs: str = ""
    gmina: str = ""
    gmina_label: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    consent_publish_name: bool = False
    cancelled: bool = False
    editable: bool = False
    delegates: list[DelegateView] = field(default_factory=list)


def qr_svg_uri(code: str) -> str:
    """An SVG QR code of the registration code, as a data: URI for an <img>."""
    return segno.make(code, error="m", micro=False).svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


def waitlist_position(session: Session, delegate: Delegate) -> int:
    ahead = session.exec(
        select(func.count())
        .select_from(Delegate)
        .where(
            Delegate.group_id == delegate.group_id,
            Delegate.status == DelegateStatus.WAITING,
            (col(Delegate.queued_at) < delegate.queued_at)
            | ((col(Delegate.queued_at) == delegate.queued_at) & (col(Delegate.id) < delegate.id)),
        )
    ).one()
    return ahead + 1


def _delegate_view(session: Session, d: Delegate, group: DiscussionGroup) -> DelegateView:
    waiting = d.status == DelegateStatus.WAITING
    return DelegateView(
        id=d.id or 0,
        full_name=d.full_name,
        email=d.email,
        group_number=group.number,
        group_label=f"Grupa {roman(group.number)} – {group.name}",
        accessibility_needs=d.accessibility_needs,
        status=d.status,
        status_label=STATUS_LABELS[d.status],
        waitlist_position=waitlist_position(session, d) if waiting else 0,
        promoted=d.promoted_at is not None and d.status == DelegateStatus.CONFIRMED,
        code=d.code,
        code_display=display_code(d.code),
        qr_svg_uri=qr_svg_uri(d.code) if d.status != DelegateStatus.CANCELLED else "",
        image_consent=d.image_consent,
    )


def registration_view(session: Session, token: str) -> RegistrationView | None:
    registration = registration_for_token(session, token)
    if registration is None:
        return None
    edition = current_edition(session)
    rows = session.exec(
        select(Delegate, DiscussionGroup)
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(Delegate.registration_id == registration.id, Delegate.status != DelegateStatus.CANCELLED)
        .order_by(col(Delegate.id))
    ).all()
    is_open = edition is not None and registration_status(edition) == "open"
    return RegistrationView(
        org_name=registration.org_name,
        legal_form=registration.legal_form,
        legal_form_label=LEGAL_FORMS.get(registration.legal_form, registration.legal_form),
        krs=registration.krs or "",
        gmina=registration.gmina,
        gmina_label=GMINAS.get(registration.gmina, registration.gmina),
        contact_name=registration.contact_name,
        email=registration.email,
        phone=registration.phone,
        consent_publish_name=registration.consent_publish_name,
        cancelled=registration.cancelled_at is not None,
        editable=is_open and registration.cancelled_at is None,
        delegates=[_delegate_view(session, d, g) for d, g in rows],
    )


# ----------------------------------------------------------------------------- public


@dataclass
class GminaOrganisations:
    gmina: str = ""
    label: str = ""
    organisations: list[str] = field(default_factory=list)


def public_participants(session: Session) -> list[GminaOrganisations]:
    """Organisations that agreed to be listed, grouped by gmina in the county's order."""
    edition = current_edition(session)
    if edition is None:
        return []
    names = session.exec(
        select(Registration.gmina, Registration.org_name)
        .where(
            Registration.edition_id == edition.id,
            col(Registration.cancelled_at).is_(None),
            col(Registration.consent_publish_name).is_(True),
        )
        .order_by(col(Registration.org_name))
    ).all()
    by_gmina: dict[str, list[str]] = {}
    for gmina, name in names:
        by_gmina.setdefault(gmina, []).append(name)
    return [
        GminaOrganisations(code, label, sorted(by_gmina[code], key=str.casefold))
        for code, label in GMINAS.items()
        if code in by_gmina
    ]
