"""The tab-side end of the per-tab pushes (``kongres_app.live.push``)."""

import reflex as rx

from kongres_app.live.push import push_soon
from kongres_app.services import live
from kongres_app.states.events import event


class LiveState(rx.State):
    @event(background=True)
    async def registrations_changed(self):
        """Sent after any change to registrations; anyone may send it (it only re-reads figures),
        so pushes are coalesced (see ``push_soon``)."""
        from kongres_app.states.dashboard import DashboardState

        push_soon(live.REGISTRATIONS, DashboardState)
