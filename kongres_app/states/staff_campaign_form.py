"""Organisers add a campaign directly or correct one (/organizator/zbiorki)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import campaign_admin
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.campaigns import CampaignError, local_today, validate_campaign
from kongres_app.services.ids import parse_id
from kongres_app.states.campaign_form import CampaignFormMixin
from kongres_app.states.events import event
from kongres_app.states.staff import StaffState, current_staff
from kongres_app.states.staff_campaigns import StaffCampaignsState
from kongres_app.states.ui import field_id, focus

SUMMARY = "podsumowanie-bledow-zbiorka-org"


class StaffCampaignFormState(CampaignFormMixin, rx.State):
    editing_id: int = 0
    open: bool = False
    notice: str = ""

    async def _may_upload(self) -> bool:
        staff = await in_thread((await self.get_state(StaffState))._staff)
        return staff is not None and staff.is_organiser

    @event
    def new(self):
        self._clear()
        self.editing_id, self.open, self.notice = 0, True, ""
        return focus(field_id("campaign.title"))

    @event
    async def edit(self, campaign_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                values, hide, image = campaign_admin.form_values(session, staff, (parse_id(campaign_id) or 0))
        except (PermissionDenied, CampaignError):
            self.notice = "Nie można edytować tej zbiórki."
            return None
        self._clear()
        self.values, self.hide_amounts, self.image_path = values, hide, image
        self.editing_id, self.open = (parse_id(campaign_id) or 0), True
        return focus(field_id("campaign.title"))

    @event
    def close(self):
        self.open = False

    @event
    async def save(self, _form_data: dict):
        staff = await current_staff(self)
        clean, errors = validate_campaign(self._input(), today=local_today(), editing=self.editing_id != 0)
        if clean is None:
            return self._show_errors(errors, "Formularz zawiera błędy. Popraw pola wymienione poniżej.", SUMMARY)
        try:
            with session_scope() as session:
                if self.editing_id:
                    campaign_admin.edit(session, staff, self.editing_id, clean)
                else:
                    campaign_admin.create_direct(session, staff, clean)
        except PermissionDenied:
            return self._show_errors({}, "Brak uprawnień.", SUMMARY)
        except CampaignError as exc:
            return self._show_errors({exc.field or "": exc.message}, exc.message, SUMMARY)
        self.notice = "Zapisano zmiany w zbiórce." if self.editing_id else "Dodano i opublikowano zbiórkę."
        self._clear()
        self.open, self.editing_id = False, 0
        return [StaffCampaignsState.load, focus("komunikat-zbiorka-org")]
