"""/organizator/dziennik: the audit log, actions and refusals apart, filtered and paged by the service."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services import audit_log
from kongres_app.services.audit_labels import OUTCOMES
from kongres_app.services.audit_log import AuditFilterError, AuditRow
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.ids import parse_id
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus

FILTER_FIELDS = ("who", "action", "date_from", "date_to", "text")
EMPTY_FILTERS = dict.fromkeys(FILTER_FIELDS, "")
MESSAGE_ID = "komunikat-dziennik"


class AuditLogState(rx.State):
    outcome: str = "ok"
    rows: list[AuditRow] = []  # noqa: RUF012
    total: int = 0
    page: int = 1
    pages: int = 1
    actions_count: int = 0
    refusals_count: int = 0
    filters: dict[str, str] = EMPTY_FILTERS  # what the form shows
    _applied: dict[str, str] = EMPTY_FILTERS  # what the list was filtered by
    errors: dict[str, str] = {}  # noqa: RUF012
    notice: str = ""

    async def _reload(self) -> None:
        staff = await current_staff(self)
        try:
            filters = audit_log.parse_filter(self._applied)
            with session_scope() as session:
                result = audit_log.audit_page(session, staff, outcome=self.outcome, filters=filters, page=self.page)
        except (PermissionDenied, AuditFilterError) as exc:
            self.rows, self.total, self.page, self.pages = [], 0, 1, 1
            self.actions_count = self.refusals_count = 0
            self.notice = (
                "Brak uprawnień." if isinstance(exc, PermissionDenied) else "Nie udało się zastosować filtrów."
            )
            return
        self.rows, self.total, self.page, self.pages = result.rows, result.total, result.page, result.pages
        self.actions_count, self.refusals_count = result.counts["ok"], result.counts["denied"]

    @event
    async def load(self):
        self.outcome, self.page, self.notice, self.errors = "ok", 1, "", {}
        self.filters, self._applied = dict(EMPTY_FILTERS), dict(EMPTY_FILTERS)
        await self._reload()

    @event
    def set_filter(self, name: str, value: str):
        if name in FILTER_FIELDS:
            self.filters = {**self.filters, name: str(value)[:200]}  # the service refuses what is over its limits

    @event
    async def apply_filters(self, _form_data: dict):
        try:
            audit_log.parse_filter(self.filters)
        except AuditFilterError as exc:
            self.errors, self.notice = exc.errors, "Nie zastosowano filtrów: popraw zaznaczone pola."
            return focus(MESSAGE_ID)
        self.errors, self.notice = {}, ""
        self._applied, self.page = dict(self.filters), 1
        await self._reload()
        return None

    @event
    async def clear_filters(self):
        self.filters, self._applied, self.errors, self.notice, self.page = (
            dict(EMPTY_FILTERS),
            dict(EMPTY_FILTERS),
            {},
            "",
            1,
        )
        await self._reload()

    @event
    async def show(self, outcome: str):
        if outcome in OUTCOMES:
            self.outcome, self.page = outcome, 1
            await self._reload()

    @event
    async def go_to_page(self, page: int):
        self.page = parse_id(page) or 1  # the service keeps it within the pages there are
        await self._reload()
