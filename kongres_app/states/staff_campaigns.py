"""/organizator/zbiorki: approve, reject (with a reason) and refresh campaigns."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services import campaign_admin
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.campaigns import CampaignCard, CampaignError
from kongres_app.services.ids import parse_id
from kongres_app.states.actions import attempt
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus


class StaffCampaignsState(rx.State):
    cards: rx.Field[list[CampaignCard]] = rx.field(default_factory=list)
    status: str = "zgloszona"
    notice: str = ""
    rejecting: int = 0
    reason: str = ""
    busy: int = 0

    async def _reload(self):
        staff, status = await current_staff(self), self.status
        outcome = await attempt(lambda session: campaign_admin.all_campaigns(session, staff, status))
        self.cards = outcome.value or []
        if not outcome.ok:
            self.notice = outcome.message

    @event
    async def load(self):
        self.rejecting, self.reason = 0, ""
        await self._reload()

    @event
    async def set_status(self, value: str):
        self.status = str(value)[:20]
        await self._reload()

    @event
    def set_reason(self, value: str):
        self.reason = str(value)[:600]

    @event
    def ask_reject(self, campaign_id: int):
        self.rejecting, self.reason = (parse_id(campaign_id) or 0), ""
        return focus(f"powod-{(parse_id(campaign_id) or 0)}")

    @event
    def keep(self):
        self.rejecting = 0

    async def _act(self, action, success: str):
        staff = await current_staff(self)
        outcome = await attempt(lambda session: action(session, staff))
        self.notice = outcome.message or success
        if outcome.ok:
            self.rejecting = 0
        await self._reload()
        return focus("komunikat-zbiorki")

    @event
    async def approve(self, campaign_id: int):
        return await self._act(
            lambda s, staff: campaign_admin.approve(s, staff, (parse_id(campaign_id) or 0)),
            "Zbiórka opublikowana w witrynie.",
        )

    @event
    async def reject(self):
        campaign_id, reason = self.rejecting, self.reason
        return await self._act(
            lambda s, staff: campaign_admin.reject(s, staff, campaign_id, reason),
            "Zbiórka odrzucona; organizacja zobaczy uzasadnienie pod swoim linkiem.",
        )

    @event(background=True)
    async def refresh(self, campaign_id: int):
        """Fetching a source can take up to a minute (retries and time-outs): it runs in the background, so the
        tab's other events (and its lock, which Redis holds for 10 s) are not held while it waits."""
        wanted = parse_id(campaign_id) or 0
        async with self:
            if self.busy:
                return
            staff = await current_staff(self)
            self.busy = wanted
            self.notice = "Pobieram dane zbiórki… To może potrwać do minuty; możesz w tym czasie pracować dalej."
        try:
            with session_scope() as session:
                result = await campaign_admin.refresh(session, staff, wanted)
            notice = "Pobrano aktualne dane zbiórki." if result.ok else f"Nie udało się pobrać danych: {result.error}"
        except PermissionDenied:
            notice = "Brak uprawnień."
        except CampaignError as exc:
            notice = exc.message
        async with self:
            self.busy, self.notice = 0, notice
            await self._reload()
        yield focus("komunikat-zbiorki")
