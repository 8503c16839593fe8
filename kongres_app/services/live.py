"""Who wants live pushes on which topic (stored in the database, shared by every worker)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from kongres_app.models import LiveSubscription
from kongres_app.services.clock import utcnow

REGISTRATIONS = "registrations"


def subscribe(*, session: Session, topic: str, client_token: str) -> None:
    exists = session.exec(
        select(LiveSubscription.id).where(
            LiveSubscription.topic == topic, LiveSubscription.client_token == client_token
        )
    ).first()
    if exists is None:
        try:
            with session.begin_nested():
                session.add(LiveSubscription(topic=topic, client_token=client_token, created_at=utcnow()))
        except IntegrityError:
            pass  # another worker subscribed the same tab at the same moment


def subscribers(*, session: Session, topic: str) -> list[str]:
    return list(session.exec(select(LiveSubscription.client_token).where(LiveSubscription.topic == topic)).all())


def unsubscribe(*, session: Session, topic: str, client_tokens: list[str]) -> None:
    if client_tokens:
        session.exec(
            delete(LiveSubscription).where(
                col(LiveSubscription.topic) == topic, col(LiveSubscription.client_token).in_(client_tokens)
            )
        )
