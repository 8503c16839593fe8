"""/konkursy (public) and /organizator/konkursy (announce and publish competitions)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.first_screen import Section
from kongres_app.services import grants
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.grants import GrantError, GrantInput, GrantView
from kongres_app.services.ids import parse_id
from kongres_app.settings import load_settings
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import ErrorItem, field_id, focus

FIELDS = tuple(GrantInput.__dataclass_fields__)
REASON_FIELD = "pole-podstawa-prawna"


def _tz() -> str:
    return load_settings().timezone


GRANTS = Section("grants", lambda session: {"items": grants.public_list(session, tz=_tz()), "loaded": True})


class GrantsState(rx.State):
    items: rx.Field[list[GrantView]] = rx.field(GRANTS.initial("items", list[GrantView], []))
    loaded: bool = GRANTS.initial("loaded", bool, False)

    @event
    def load(self):
        with session_scope() as session:
            GRANTS.load_into(self, session)


class GrantAdminState(rx.State):
    items: list[GrantView] = []  # noqa: RUF012
    values: dict[str, str] = {}  # noqa: RUF012
    errors: dict[str, str] = {}  # noqa: RUF012
    error_items: list[ErrorItem] = []  # noqa: RUF012
    form_error: str = ""
    notice: str = ""
    reason_for: str = ""  # the competition whose publication waits for the legal basis of a short deadline
    reason: str = ""
    reason_error: str = ""

    async def _reload(self):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                self.items = grants.all_for_organisers(session, staff, tz=_tz())
        except PermissionDenied:
            self.items = []

    @event
    async def load(self):
        await self._reload()

    @event
    def set_value(self, name: str, value: str):
        if name in FIELDS:
            self.values = {**self.values, name: str(value)[:4000]}

    @event
    async def create(self, _form_data: dict):
        staff = await current_staff(self)
        data = GrantInput(**{name: self.values.get(name, "") for name in FIELDS})
        try:
            with session_scope() as session:
                grants.create(session=session, actor=staff, data=data, tz=_tz())
        except PermissionDenied:
            self.form_error = "Brak uprawnień."
            return focus("podsumowanie-bledow-konkurs")
        except GrantError as exc:
            self.errors = exc.errors
            self.error_items = [ErrorItem(field_id(f"grant.{k}"), v) for k, v in exc.errors.items()]
            self.form_error = "Formularz zawiera błędy. Popraw pola wymienione poniżej."
            return focus("podsumowanie-bledow-konkurs")
        self.values, self.errors, self.error_items, self.form_error = {}, {}, [], ""
        self.notice = "Zapisano konkurs. Sprawdź go i opublikuj."
        await self._reload()
        return focus("komunikat-konkursy")

    @event
    def set_reason(self, value: str):
        self.reason = str(value)[:2000]

    @event
    def cancel_reason(self):
        self.reason_for, self.reason, self.reason_error = "", "", ""

    @event
    async def publish(self, grant_id: int):
        return await self._publish(parse_id(grant_id) or 0, None)

    @event
    async def publish_with_reason(self, _form_data: dict):
        return await self._publish(parse_id(self.reason_for) or 0, self.reason)

    async def _publish(self, grant_id: int, reason: str | None):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                grants.publish(session=session, actor=staff, grant_id=grant_id, reason=reason, tz=_tz())
        except PermissionDenied:
            self.notice = "Brak uprawnień."
            return focus("komunikat-konkursy")
        except GrantError as exc:
            if exc.field != "short_notice_reason":
                self.notice = exc.message
                return focus("komunikat-konkursy")
            # Refused for a short deadline: the field for the legal basis opens under this competition,
            # with the reason and what was typed kept.
            if self.reason_for != str(grant_id):
                self.reason_for, self.reason = str(grant_id), ""
            self.reason_error, self.notice = exc.message, ""
            return focus(REASON_FIELD)
        self.reason_for, self.reason, self.reason_error = "", "", ""
        self.notice = "Konkurs opublikowany na stronie /konkursy."
        await self._reload()
        return focus("komunikat-konkursy")
