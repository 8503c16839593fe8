"""Submitting a campaign through the registration's management link (the secret comes from the URL only)."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services.campaigns import (
    CampaignCard,
    CampaignError,
    campaigns_for_token,
    local_today,
    submit_campaign,
    validate_campaign,
)
from kongres_app.services.registration import registration_for_token
from kongres_app.states.campaign_form import CampaignFormMixin
from kongres_app.states.events import event
from kongres_app.states.ui import field_id, focus

SUMMARY = "podsumowanie-bledow-zbiorki"


class CampaignSubmitState(CampaignFormMixin, rx.State):
    mine: rx.Field[list[CampaignCard]] = rx.field(default_factory=list)
    notice: str = ""
    open: bool = False
    _token: str = ""

    def _registration(self):
        with session_scope() as session:
            return registration_for_token(session, self._token) if self._token else None

    async def _may_upload(self) -> bool:
        registration = await in_thread(self._registration)
        return registration is not None and registration.cancelled_at is None

    def _refresh(self) -> None:
        with session_scope() as session:
            self.mine = campaigns_for_token(session=session, token=self._token) if self._token else []

    @event
    def load(self):
        self._token = self.router.url.query_parameters.get(routes.MANAGE_TOKEN_PARAM, "")
        self.open, self.notice = False, ""
        self._clear()
        self._refresh()

    @event
    def toggle(self):
        self.open = not self.open
        return focus(field_id("campaign.title")) if self.open else None

    @event
    def submit(self, _form_data: dict):
        registration = self._registration()
        if registration is None:
            return self._show_errors({}, "Ten link do zarządzania rejestracją jest nieprawidłowy.", SUMMARY)
        data = self._input(org_name=registration.org_name, gmina=registration.gmina)
        clean, errors = validate_campaign(data, today=local_today())
        if clean is None:
            return self._show_errors(errors, "Formularz zawiera błędy. Popraw pola wymienione poniżej.", SUMMARY)
        try:
            with session_scope() as session:
                submit_campaign(session=session, token=self._token, data=clean)
        except CampaignError as exc:
            return self._show_errors({exc.field or "": exc.message}, exc.message, SUMMARY)
        self._clear()
        self.open = False
        self.notice = "Zbiórka zgłoszona. Organizatorzy ją sprawdzą; status zobaczysz na tej stronie."
        self._refresh()
        return focus("komunikat-zbiorki-org")
