"""Whether this installation mails management links, and what the pages therefore say (services.link_delivery)."""

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.first_screen import Section, Values
from kongres_app.services.link_delivery import LinkDelivery, link_delivery
from kongres_app.settings import load_settings
from kongres_app.states.events import event


def delivery_values(session: Session) -> Values:
    settings = load_settings()
    delivery = link_delivery(session, mail_on=bool(settings.smtp_url), confirm_hours=settings.confirm_hours)
    return {"delivery": delivery, "loaded": True}


DELIVERY = Section("link_delivery", delivery_values)  # the installation's facts, the same for everyone


class LinkDeliveryState(rx.State):
    delivery: LinkDelivery = DELIVERY.initial("delivery", LinkDelivery, LinkDelivery())
    loaded: bool = DELIVERY.initial("loaded", bool, False)

    @event
    def load(self):
        with session_scope() as session:
            DELIVERY.load_into(self, session)
