"""/organizator: live tiles of registrations and check-ins."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services import live
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.organiser import Dashboard, dashboard
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff


class DashboardState(rx.State):
    data: rx.Field[Dashboard] = rx.field(default_factory=Dashboard)
    loaded: bool = False
    denied: bool = False

    async def _refresh_live(self):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                self.data = dashboard(session, staff)
            self.denied = False
        except PermissionDenied:
            self.data, self.denied = Dashboard(), True
        self.loaded = True

    @event
    async def load(self):
        await self._refresh_live()
        if not self.denied:
            with session_scope() as session:
                live.subscribe(session=session, topic=live.REGISTRATIONS, client_token=self.router.session.client_token)

    @rx.var
    def chart(self) -> list[dict]:
        return [{"dzień": p.day, "Zarejestrowane organizacje": p.total} for p in self.data.timeline]

    @rx.var
    def chart_total(self) -> int:
        """Where the chart's line ends: said in words under it."""
        return self.data.timeline[-1].total if self.data.timeline else 0
