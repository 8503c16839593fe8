"""Submitting a campaign through the registration's management link (the secret comes from the URL only)."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services.campaigns import (
    CampaignCard,
    CampaignError,
    CampaignInput,
    campaigns_for_token,
    local_today,
    submit_campaign,
    validate_campaign,
)
from kongres_app.services.registration import registration_for_token
from kongres_app.states.registration_form import ErrorItem, field_id, focus

FIELDS = (
    "title",
    "category",
    "blurb",
    "description",
    "goal_pln",
    "raised_pln",
    "supporters",
    "starts_on",
    "ends_on",
    "platform",
    "external_url",
    "progress_source_url",
)


class CampaignSubmitState(rx.State):
    mine: list[CampaignCard] = []  # noqa: RUF012
    values: dict[str, str] = {}  # noqa: RUF012
    hide_amounts: bool = False
    errors: dict[str, str] = {}  # noqa: RUF012
    error_items: list[ErrorItem] = []  # noqa: RUF012
    form_error: str = ""
    notice: str = ""
    open: bool = False
    _token: str = ""

    def _refresh(self) -> None:
        with session_scope() as session:
            self.mine = campaigns_for_token(session=session, token=self._token) if self._token else []

    @rx.event
    def load(self):
        self._token = self.router.url.query_parameters.get(routes.MANAGE_TOKEN_PARAM, "")
        self.open, self.notice, self.errors, self.error_items, self.form_error = False, "", {}, [], ""
        self._refresh()

    @rx.event
    def toggle(self):
        self.open = not self.open
        return focus(field_id("campaign.title")) if self.open else None

    @rx.event
    def set_value(self, name: str, value: str):
        if name in FIELDS:
            self.values = {**self.values, name: str(value)[:6000]}

    @rx.event
    def set_hide_amounts(self, checked: bool):
        self.hide_amounts = bool(checked)

    @rx.event
    def submit(self, _form_data: dict):
        self.form_error = ""
        with session_scope() as session:
            registration = registration_for_token(session, self._token) if self._token else None
        if registration is None:
            self.form_error = "Ten link do zarządzania rejestracją jest nieprawidłowy."
            return focus("podsumowanie-bledow-zbiorki")
        data = CampaignInput(
            **{name: self.values.get(name, "") for name in FIELDS},
            org_name=registration.org_name,
            gmina=registration.gmina,
            hide_amounts=self.hide_amounts,
        )
        clean, errors = validate_campaign(data, today=local_today())
        if clean is not None:
            try:
                with session_scope() as session:
                    submit_campaign(session=session, token=self._token, data=clean)
            except CampaignError as exc:
                errors = {exc.field: exc.message} if exc.field else {}
                self.form_error = exc.message
        if clean is None or errors or self.form_error:
            self.errors = {k: v for k, v in errors.items() if k}
            self.error_items = [ErrorItem(field_id(f"campaign.{k}"), v) for k, v in self.errors.items()]
            self.form_error = self.form_error or "Formularz zawiera błędy. Popraw pola wymienione poniżej."
            return focus("podsumowanie-bledow-zbiorki")
        self.values, self.hide_amounts, self.open = {}, False, False
        self.errors, self.error_items, self.form_error = {}, [], ""
        self.notice = "Zbiórka zgłoszona. Organizatorzy ją sprawdzą; status zobaczysz na tej stronie."
        self._refresh()
        return focus("komunikat-zbiorki-org")
