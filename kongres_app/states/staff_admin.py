"""Organisers' settings and team accounts (the audit log has its own page: ``states.audit_log``)."""

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx
from sqlmodel import Session

from kongres_app.services import auth, congress_settings
from kongres_app.services.congress import missing_facts
from kongres_app.services.ids import parse_id
from kongres_app.states.actions import attempt
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus


class SettingsState(rx.State):
    values: dict[str, str] = {}  # noqa: RUF012
    _loaded: dict[str, str] = {}  # noqa: RUF012
    errors: dict[str, str] = {}  # noqa: RUF012
    notice: str = ""

    @rx.var
    def missing(self) -> list[str]:
        return missing_facts(self.values)

    @event
    async def load(self):
        staff = await current_staff(self)
        outcome = await attempt(lambda session: congress_settings.current_values(session, staff))
        self.values = outcome.value or {}
        self._loaded = dict(self.values)
        self.errors, self.notice = {}, ""

    @event
    def set_value(self, name: str, value: str):
        if name in self.values:
            self.values = {**self.values, name: str(value)[:4000]}

    @event
    async def save(self, _form_data: dict):
        staff = await current_staff(self)
        values, previous = dict(self.values), self._loaded
        outcome = await attempt(
            lambda session: congress_settings.save(session=session, actor=staff, values=values, previous=previous)
        )
        if not outcome.ok:
            self.errors = outcome.errors
            self.notice = "Nie zapisano: popraw zaznaczone pola." if outcome.errors else outcome.message
            return focus("komunikat-ustawienia")
        promoted = outcome.value
        self.errors, self._loaded = {}, dict(self.values)
        self.notice = "Zapisano ustawienia." + (
            f" Miejsca dostały osoby z listy rezerwowej: {promoted}." if promoted else ""
        )
        return [focus("komunikat-ustawienia"), LiveState.registrations_changed]


@dataclass
class TeamMember:
    id: int = 0
    username: str = ""
    display_name: str = ""
    role: str = ""
    group: str = ""


class TeamState(rx.State):
    members: list[TeamMember] = []  # noqa: RUF012
    notice: str = ""
    error: str = ""
    reset_for: int = 0

    async def _reload(self):
        staff = await current_staff(self)
        outcome = await attempt(
            lambda session: [
                TeamMember(u.id or 0, u.username, u.display_name, auth.ROLES[u.role], str(u.group_number or ""))
                for u in auth.list_staff(session, staff)
            ]
        )
        self.members = outcome.value or []

    @event
    async def load(self):
        self.notice, self.error, self.reset_for = "", "", 0
        await self._reload()

    async def _team_action(self, action: Callable[[Session], object], notice: str) -> bool:
        """Run a team change (the service checks the caller's role); its outcome goes to the message area."""
        outcome = await attempt(action)  # hashing a new password must not stall the loop
        if not outcome.ok:
            self.error, self.notice = outcome.message, ""  # no earlier success message beside the error
            return False
        self.error, self.notice = "", notice
        await self._reload()
        return True

    @event
    async def add_facilitator(self, form_data: dict):
        staff = await current_staff(self)
        await self._team_action(
            lambda session: auth.create_facilitator(
                session=session,
                actor=staff,
                username=str(form_data.get("login", ""))[:60],
                display_name=str(form_data.get("nazwa", ""))[:120],
                password=str(form_data.get("haslo", ""))[:200],
                group_number=parse_id(str(form_data.get("grupa", ""))),
            ),
            "Dodano konto moderatora. Przekaż mu login i hasło osobiście.",
        )
        return focus("komunikat-zespol")

    @event
    def ask_reset(self, user_id: int):
        self.reset_for = parse_id(user_id) or 0
        return focus("pole-nowe-haslo")

    @event
    async def reset_password(self, form_data: dict):
        staff = await current_staff(self)
        user_id, password = self.reset_for, str(form_data.get("haslo", ""))[:200]
        if await self._team_action(
            lambda session: auth.reset_password(session=session, actor=staff, user_id=user_id, password=password),
            "Hasło zmienione; otwarte sesje tej osoby zostały zakończone.",
        ):
            self.reset_for = 0
        return focus("komunikat-zespol")
