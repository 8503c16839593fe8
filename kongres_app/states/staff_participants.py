"""/organizator/uczestnicy: search, filter, sort and page the delegates; needs, capacities.

Moving, cancelling and new links go through a confirm dialog: see ``states.staff_people``.
"""

from collections.abc import Callable
from typing import TypeVar, cast

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import organiser, registration_review
from kongres_app.services.auth import PermissionDenied, Staff
from kongres_app.services.ids import parse_count, parse_id
from kongres_app.services.organiser import ParticipantFilter, ParticipantRow
from kongres_app.services.registration_review import ConflictRow
from kongres_app.states.actions import Outcome, attempt
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus

T = TypeVar("T")
FILTER_FIELDS = ("search", "group", "gmina", "status", "checked_in", "sort", "review")


class StaffParticipantsState(rx.State):
    rows: list[ParticipantRow] = []  # noqa: RUF012
    total: int = 0
    page: int = 1
    search: str = ""
    group: str = ""
    gmina: str = ""
    status: str = ""
    checked_in: str = ""
    review: str = ""
    conflicts: list[ConflictRow] = []  # noqa: RUF012
    sort: str = "organizacja"
    descending: bool = False
    notice: str = ""
    capacity_group: str = "1"
    capacity_value: str = ""

    @rx.var
    def has_conflicts(self) -> bool:
        return bool(self.conflicts)

    @rx.var
    def pages(self) -> int:
        return max(1, -(-self.total // organiser.PAGE_SIZE))

    async def _reload(self) -> None:
        staff = await current_staff(self)
        f = ParticipantFilter(
            self.search,
            self.group,
            self.gmina,
            self.status,
            self.checked_in,
            self.sort,
            self.descending,
            self.page,
            review=self.review,
        )
        try:
            self.rows, self.total, self.conflicts = await in_thread(_read, staff, f)
        except PermissionDenied:
            self.rows, self.total, self.conflicts, self.notice = [], 0, [], "Brak uprawnień."

    @event
    async def load(self):
        self.page = 1
        await self._reload()

    @event
    async def set_filter(self, name: str, value: str):
        if name in FILTER_FIELDS:
            setattr(self, name, str(value)[:100])
            self.page = 1
            await self._reload()

    @event
    async def toggle_order(self):
        self.descending = not self.descending
        await self._reload()

    @event
    async def go_to_page(self, page: int):
        self.page = min(max(1, (parse_id(page) or 0)), self.pages)
        await self._reload()

    async def show_outcome(self, notice: str) -> None:
        """The confirm dialogs (``states.staff_people``) report here, under the page's heading."""
        self.notice = notice
        await self._reload()

    async def _act(self, action: Callable[[Session, Staff | None], T], success: str | Callable[[T], str]):
        """``success`` is the notice, or a function of the action's result that says what happened."""
        staff = await current_staff(self)
        outcome: Outcome[T] = await attempt(lambda session: action(session, staff))
        if not outcome.ok:
            self.notice = outcome.message
        else:
            self.notice = success(cast(T, outcome.value)) if callable(success) else success
        await self._reload()
        return [LiveState.registrations_changed, focus("komunikat-uczestnicy")]

    @event
    async def set_handled(self, delegate_id: int, handled: bool):
        return await self._act(
            lambda s, staff: organiser.set_needs_handled(s, staff, (parse_id(delegate_id) or 0), bool(handled)),
            "Zapisano: potrzeby zapewnione." if handled else "Zapisano: potrzeby do zapewnienia.",
        )

    @event
    def set_capacity_field(self, name: str, value: str):
        if name in ("capacity_group", "capacity_value"):
            setattr(self, name, str(value)[:6])

    @event
    async def save_capacity(self, _form_data: dict):
        group, places = parse_id(self.capacity_group), parse_count(self.capacity_value, 100_000)
        if group is None or places is None:
            self.notice = "Podaj liczbę miejsc jako liczbę całkowitą, np. 35."
            return focus("komunikat-uczestnicy")
        return await self._act(
            lambda s, staff: organiser.set_group_capacity(s, staff, group, places),
            lambda promoted: organiser.capacity_message(group, places, len(promoted)),
        )

    @event
    async def mark_reviewed(self, registration_id: int):
        rid = parse_id(registration_id) or 0
        return await self._act(
            lambda s, staff: registration_review.mark_reviewed(s, staff, rid), "Zapisano: rejestracja sprawdzona."
        )

    @event
    async def resolve_conflict(self, conflict_id: int, cancel_holder: bool):
        cid, cancel = parse_id(conflict_id) or 0, cancel_holder is True
        return await self._act(
            lambda s, staff: registration_review.resolve_conflict(s, staff, cid, cancel_holder=cancel),
            "Rozstrzygnięto: rejestrację zajmującą ten numer KRS anulowano."
            if cancel
            else "Rozstrzygnięto: rejestracja z tym numerem KRS zostaje.",
        )


def _read(staff, f: ParticipantFilter) -> tuple[list[ParticipantRow], int, list[ConflictRow]]:
    with session_scope() as session:
        rows, total = organiser.participants(session, staff, f)
        return rows, total, registration_review.open_conflicts(session, staff)
