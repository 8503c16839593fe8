"""/moj-kongres: what the signed-in delegate decides about their own data (photos, accessibility needs)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import boards, delegate_privacy
from kongres_app.services.delegate_privacy import MyData
from kongres_app.settings import load_settings
from kongres_app.states.board_participant import BoardParticipantState
from kongres_app.states.events import event


def _retention():
    return delegate_privacy.needs_retention(load_settings().needs_retention_days)


def _load(token: str) -> MyData | None:
    with session_scope() as session:
        participant = boards.identify(session, token)
        return delegate_privacy.my_data(session, participant.delegate_id, _retention()) if participant else None


def _set_image_consent(token: str, consent: bool) -> MyData | None:
    with session_scope() as session:
        participant = boards.identify(session, token)
        if participant is None:
            return None
        delegate_privacy.set_image_consent(session, participant.delegate_id, consent)
    return _load(token)


def _erase_needs(token: str) -> MyData | None:
    with session_scope() as session:
        participant = boards.identify(session, token)
        if participant is None:
            return None
        delegate_privacy.erase_needs(session, participant.delegate_id)
    return _load(token)


class MyDataState(rx.State):
    data: MyData = MyData()
    loaded: bool = False
    notice: str = ""

    async def _token(self) -> str:
        participant = await self.get_state(BoardParticipantState)
        return participant.participant_token

    def _show(self, data: MyData | None, notice: str = "") -> None:
        self.data = data or MyData()
        self.loaded = data is not None
        self.notice = notice if data is not None else "Wpisz ponownie swój kod wejścia."

    @event
    async def load(self):
        self._show(await in_thread(_load, await self._token()))
        if not self.loaded:
            self.notice = ""

    @event
    async def set_image_consent(self, checked: bool):
        consent = checked is True
        data = await in_thread(_set_image_consent, await self._token(), consent)
        self._show(
            data,
            "Zapisano: zgadzasz się na publikowanie zdjęć, na których Cię widać."
            if consent
            else "Zapisano: nie publikujemy zdjęć, na których Cię widać.",
        )

    @event
    async def erase_needs(self):
        self._show(
            await in_thread(_erase_needs, await self._token()),
            "Usunęliśmy informacje o Twoich potrzebach. Jeśli zechcesz je podać ponownie, poproś osobę, "
            "która zgłosiła Twoją organizację.",
        )
