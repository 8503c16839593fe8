"""/konkursy (public) and /organizator/konkursy (announce and publish competitions)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services import grants
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.grants import GrantError, GrantInput, GrantView
from kongres_app.services.ids import parse_id
from kongres_app.states.events import event
from kongres_app.states.registration_form import ErrorItem, field_id, focus
from kongres_app.states.staff import current_staff

FIELDS = tuple(GrantInput.__dataclass_fields__)


class GrantsState(rx.State):
    items: rx.Field[list[GrantView]] = rx.field(default_factory=list)
    loaded: bool = False

    @event
    def load(self):
        with session_scope() as session:
            self.items = grants.public_list(session)
        self.loaded = True


class GrantAdminState(rx.State):
    items: list[GrantView] = []  # noqa: RUF012
    values: dict[str, str] = {}  # noqa: RUF012
    errors: dict[str, str] = {}  # noqa: RUF012
    error_items: list[ErrorItem] = []  # noqa: RUF012
    form_error: str = ""
    notice: str = ""

    async def _reload(self):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                self.items = grants.all_for_organisers(session, staff)
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
                grants.create(session=session, actor=staff, data=data)
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
    async def publish(self, grant_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                grant = grants.publish(session=session, actor=staff, grant_id=(parse_id(grant_id) or 0))
                warn = grants.short_notice(grant)
        except (PermissionDenied, GrantError):
            self.notice = "Nie można opublikować tego konkursu."
            return focus("komunikat-konkursy")
        self.notice = "Konkurs opublikowany na stronie /konkursy." + (
            " Uwaga: termin składania ofert przypada wcześniej niż 21 dni od publikacji, a ustawa wymaga co najmniej 21 dni."
            if warn
            else ""
        )
        await self._reload()
        return focus("komunikat-konkursy")
