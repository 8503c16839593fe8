"""Whether this installation mails management links, and what the pages therefore say (services.link_delivery)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services.link_delivery import LinkDelivery, link_delivery
from kongres_app.settings import load_settings
from kongres_app.states.events import event


class LinkDeliveryState(rx.State):
    delivery: LinkDelivery = LinkDelivery()
    loaded: bool = False

    @event
    def load(self):
        with session_scope() as session:
            settings = load_settings()
            self.delivery = link_delivery(
                session, mail_on=bool(settings.smtp_url), confirm_hours=settings.confirm_hours
            )
        self.loaded = True
