"""Live announcements on every page: each tab enters one room; organisers' messages arrive at once."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.live import rooms
from kongres_app.services import announcements
from kongres_app.services.announcements import AnnouncementError, AnnouncementView
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.ids import parse_count, parse_id
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus


class AnnouncementState(rx.State):
    items: rx.Field[list[AnnouncementView]] = rx.field(default_factory=list)

    @event
    async def load(self):
        with session_scope() as session:
            self.items = announcements.active(session)
        await rooms.enter(self.router.session.session_id, rooms.ANNOUNCEMENTS_ROOM)


# What an announcements push writes into every open page (``rooms.publish_announcements``).
ANNOUNCEMENTS_PUSH = rooms.Pushed(AnnouncementState, ("items",))


class AnnouncementAdminState(rx.State):
    text: str = ""
    minutes: str = "15"
    error: str = ""
    notice: str = ""

    @event
    def set_text(self, value: str):
        self.text = str(value)[:400]

    @event
    def set_minutes(self, value: str):
        self.minutes = str(value)[:5]

    @event
    async def publish(self, _form_data: dict):
        staff = await current_staff(self)
        minutes = parse_count(self.minutes, 10_000) or 0
        try:
            with session_scope() as session:
                announcements.publish(session=session, actor=staff, text=self.text, minutes=minutes)
        except PermissionDenied:
            self.error = "Brak uprawnień."
            return focus("pole-ogloszenie")
        except AnnouncementError as exc:
            self.error = exc.message
            return focus("pole-ogloszenie")
        self.text, self.error, self.notice = "", "", "Ogłoszenie wyświetla się na wszystkich otwartych stronach."
        await rooms.publish_announcements()
        return focus("komunikat-ogloszenie")

    @event
    async def withdraw(self, announcement_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                announcements.withdraw(session=session, actor=staff, announcement_id=(parse_id(announcement_id) or 0))
        except (PermissionDenied, AnnouncementError):
            self.notice = "Nie można wycofać tego ogłoszenia."
            return focus("komunikat-ogloszenie")
        self.notice = "Ogłoszenie wycofane."
        await rooms.publish_announcements()
        return focus("komunikat-ogloszenie")
