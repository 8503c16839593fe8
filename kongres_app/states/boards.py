"""/grupy, /grupy/<n> (a live board) and /plenarna.

The board's notes (``notes_by_id``, ``newest_ids``, ``top_ids``) are set by ``load`` from the database
and afterwards only by the hub's broadcasts (``rooms.publish``); handlers write the database and
publish, never these vars, so no tab ever sends another a stale copy. What a person is typing lives
in their own tab's vars and is never touched by a broadcast.
"""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.live import rooms
from kongres_app.offload import in_thread
from kongres_app.services import board_limits, boards, live
from kongres_app.services.auth import PermissionDenied, Staff
from kongres_app.services.boards import BoardError, GroupSummary, NoteView, Participant, PlenaryGroup
from kongres_app.services.ids import parse_id
from kongres_app.services.staff_http import token_from_cookie_header
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus

KIND_FILTERS = ("", "trudnosc", "propozycja", "pytanie")
TOO_MANY_VOTES = "Za dużo kliknięć naraz. Poczekaj chwilę i spróbuj ponownie."


def _id(value: object) -> int:
    """A note id from the client, or 0 (which no note has: the service then says it is gone)."""
    return parse_id(value) or 0


def _join(code: str) -> tuple[str, Participant]:
    with session_scope() as session:
        return boards.join(session=session, code=code)


def _record_throttled(limit: str, address: str, wait_s: int) -> None:
    with session_scope() as session:
        boards.record_join_throttled(session, limit=limit, address=address, wait_s=wait_s)


def board_number_from_path(path: str) -> int:
    parts = [p for p in path.split("/") if p]
    number = parse_id(parts[1]) if len(parts) >= 2 and parts[0] == "grupy" else None
    return number or 0


def _identify(token: str) -> Participant | None:
    with session_scope() as session:
        return boards.identify(session, token)


def _toggle_vote(participant: Participant | None, note_id: int) -> bool:
    with session_scope() as session:
        return boards.toggle_vote(session=session, participant=participant, note_id=note_id)


class BoardState(rx.State):
    # Only an opaque random token, exchanged for the registration code once per browser.
    participant_token: str = rx.LocalStorage("", name="kongres_tablica", sync=True)

    number: rx.Field[int] = rx.field(0)
    roman: str = ""
    name: str = ""
    description: str = ""
    found: bool = False
    loaded: bool = False

    notes_by_id: rx.Field[dict[str, NoteView]] = rx.field(default_factory=dict)
    newest_ids: rx.Field[list[str]] = rx.field(default_factory=list)
    top_ids: list[str] = []  # noqa: RUF012
    mod_notes_by_id: dict[str, NoteView] = {}  # noqa: RUF012
    mod_newest_ids: list[str] = []  # noqa: RUF012
    mod_top_ids: list[str] = []  # noqa: RUF012
    live_message: str = ""

    sort: str = "newest"
    kind_filter: str = ""

    me_name: str = ""
    me_org: str = ""
    me_group: int = 0
    my_votes: rx.Field[list[str]] = rx.field(default_factory=list)
    my_notes: rx.Field[list[str]] = rx.field(default_factory=list)
    is_moderator: bool = False

    code: str = ""
    code_error: str = ""
    draft: rx.Field[str] = rx.field("")
    draft_kind: str = "trudnosc"
    draft_anonymous: bool = False
    draft_error: str = ""
    notice: str = ""
    editing_id: str = ""
    edit_text: str = ""
    hiding_id: str = ""
    hide_reason: str = ""
    merging_id: str = ""
    merge_target: str = ""
    paused: bool = False
    _rooms: list[str] = []  # noqa: RUF012
    frozen_by_id: dict[str, NoteView] = {}  # noqa: RUF012
    frozen_ids: list[str] = []  # noqa: RUF012

    # ------------------------------------------------------------------ who is here

    def _participant(self) -> Participant | None:
        with session_scope() as session:
            return boards.identify(session, self.participant_token)

    def _show_me(self, participant: Participant | None) -> None:
        self.me_name = participant.full_name if participant else ""
        self.me_org = participant.org_name if participant else ""
        self.me_group = participant.group_number if participant else 0
        if not self.found:
            self.my_votes, self.my_notes = [], []
            return
        with session_scope() as session:
            self.my_votes = [str(i) for i in boards.my_votes(session, participant, self.number)]
            self.my_notes = [str(i) for i in boards.my_notes(session, participant, self.number)]

    async def _moderator(self) -> Staff | None:
        staff = await current_staff(self)
        return staff if staff and staff.may_moderate(self.number) else None

    @rx.var
    def can_post(self) -> bool:
        return self.me_group != 0 and self.me_group == self.number

    # ------------------------------------------------------------------ loading

    @event
    async def load(self):
        await self._load_board(board_number_from_path(self.router.url.path))

    @event
    async def load_mine(self):
        """/moj-kongres: the board of the delegate's own group, live, for their notes and votes."""
        participant = self._participant()
        if participant is None:
            self._show_me(None)
            self.found, self.loaded = False, True
            return
        await self._load_board(participant.group_number)

    async def _load_board(self, number: int):
        self.paused, self.editing_id, self.hiding_id, self.merging_id, self.notice = False, "", "", "", ""
        try:
            with session_scope() as session:
                view, moderated = boards.board_views(session, number)  # one query for both
        except BoardError:
            self.found, self.loaded = False, True
            return
        # Leave the rooms of a board this tab showed before (client-side navigation keeps the socket).
        await rooms.leave(self.router.session.session_id, *self._rooms)
        self._rooms = []
        self.number, self.roman, self.name, self.description = view.number, view.roman, view.name, view.description
        for key, value in rooms.board_vars(view).items():
            setattr(self, key, value)
        self.found, self.loaded = True, True
        self._show_me(self._participant())
        self.is_moderator = await self._moderator() is not None
        joined = [rooms.board_room(number)]
        moderated_vars = rooms.board_vars(moderated if self.is_moderator else boards.BoardView(), "mod_")
        for key, value in moderated_vars.items():
            setattr(self, key, value)  # emptied for anyone who is not (or no longer) a moderator
        await rooms.enter(self.router.session.session_id, *joined)
        if self.is_moderator:
            staff_token = token_from_cookie_header(self.router.headers.cookie)
            await rooms.enter_as_moderator(self.router.session.session_id, staff_token, number)
            joined.append(rooms.moderator_room(number))
        self._rooms = joined

    # ------------------------------------------------------------------ joining

    @event
    def set_code(self, value: str):
        self.code = str(value)[:40]

    @event
    async def join(self, _form_data: dict):
        tab, address = self.router.session.client_token, self.router.session.client_ip
        throttled = await board_limits.join_throttled(tab=tab, address=address)
        if throttled is not None:
            if throttled.audit:
                await in_thread(_record_throttled, throttled.key, address, throttled.wait_s)
            self.code_error = f"Zbyt wiele prób — spróbuj za {throttled.wait_s} s."
            return focus("pole-kod-tablica")
        try:
            token, participant = await in_thread(_join, self.code)
        except BoardError as exc:
            if exc.unknown_code:
                await board_limits.wrong_code(tab=tab, address=address)
            self.code_error = exc.message
            return focus("pole-kod-tablica")
        self.participant_token, self.code, self.code_error = token, "", ""
        self._show_me(participant)
        if self.router.url.path.rstrip("/") == routes.MY_CONGRESS:
            return BoardState.load_mine
        return focus("pole-notatka" if participant.group_number == self.number else "komunikat-tablica")

    @event
    def not_me(self):
        if self.participant_token:
            with session_scope() as session:
                boards.leave(session=session, token=self.participant_token)
        self.participant_token = ""
        self._show_me(None)
        return focus("pole-kod-tablica")

    # ------------------------------------------------------------------ posting

    @event
    def set_draft(self, value: str):
        self.draft = str(value)[:2000]

    @event
    def set_draft_kind(self, value: str):
        if value in boards.KINDS:
            self.draft_kind = value

    @event
    def set_draft_anonymous(self, value: bool):
        self.draft_anonymous = bool(value)

    async def _publish(self, message: str = "") -> None:
        rooms.publish_soon(self.number, message)
        # The organisers' dashboard counts notes per board: refresh it, coalesced with other changes.
        from kongres_app.live.push import push_soon
        from kongres_app.states.dashboard import DashboardState

        push_soon(live.REGISTRATIONS, DashboardState)

    @event
    async def post(self, _form_data: dict):
        try:
            with session_scope() as session:
                note = boards.post_note(
                    session=session,
                    participant=self._participant(),
                    board=self.number,
                    kind=self.draft_kind,
                    text=self.draft,
                    anonymous=self.draft_anonymous,
                )
                label = boards.KINDS[note.kind]
        except BoardError as exc:
            self.draft_error = exc.message  # the text stays in the field
            return focus("pole-notatka")
        self.draft, self.draft_error = "", ""
        self.my_notes = [*self.my_notes, str(note.id)]
        await self._publish(f"Nowa notatka ({label}): {note.text[:120]}")
        return focus("pole-notatka")

    async def _participant_action(self, action, message: str = ""):
        try:
            with session_scope() as session:
                action(session, self._participant())
        except BoardError as exc:
            self.notice = exc.message
            return focus("komunikat-tablica")
        await self._publish(message)
        return None

    @event
    async def toggle_vote(self, note_id: str):
        participant = await in_thread(_identify, self.participant_token)
        if participant is not None and not await board_limits.vote_allowed(participant.delegate_id):
            self.notice = TOO_MANY_VOTES
            yield focus("komunikat-tablica")
            return
        try:
            given = await in_thread(_toggle_vote, participant, _id(note_id))
        except BoardError as exc:
            self.notice = exc.message
            yield focus("komunikat-tablica")
            return
        voted = str(_id(note_id))
        self.my_votes = [*[v for v in self.my_votes if v != voted], *([voted] if given else [])]
        yield  # the voter sees their vote now; the new count reaches every tab with the broadcast
        await self._publish()

    @event
    async def report(self, note_id: str):
        result = await self._participant_action(
            lambda s, p: boards.report_note(session=s, participant=p, note_id=_id(note_id))
        )
        if result is None:
            self.notice = "Dziękujemy, zgłoszenie trafiło do moderatorów."
            return focus("komunikat-tablica")
        return result

    @event
    def start_edit(self, note_id: str):
        try:
            with session_scope() as session:
                text = boards.own_note_text(session, self._participant(), _id(note_id))
        except (BoardError, ValueError):
            return None
        self.editing_id, self.edit_text = str(note_id), text
        return focus("pole-edycja")

    @event
    def set_edit_text(self, value: str):
        self.edit_text = str(value)[:2000]

    @event
    def stop_edit(self):
        self.editing_id = ""

    @event
    async def save_edit(self, _form_data: dict):
        note_id, text = _id(self.editing_id), self.edit_text
        result = await self._participant_action(
            lambda s, p: boards.edit_note(session=s, participant=p, note_id=note_id, text=text)
        )
        if result is None:
            self.editing_id = ""
        return result

    @event
    async def delete(self, note_id: str):
        result = await self._participant_action(
            lambda s, p: boards.delete_note(session=s, participant=p, note_id=_id(note_id))
        )
        self._show_me(self._participant())
        return result

    # ------------------------------------------------------------------ reading

    @event
    def set_sort(self, value: str):
        self.sort = "top" if value == "top" else "newest"

    @event
    def set_kind_filter(self, value: str):
        self.kind_filter = value if value in KIND_FILTERS else ""

    @event
    def toggle_pause(self):
        """Projector: freeze what the screen shows (WCAG 2.2.2); live updates resume on release."""
        if not self.paused:
            with session_scope() as session:
                view = boards.board_view(session, self.number)
            self.frozen_by_id = {str(n.id): n for n in view.notes}
            self.frozen_ids = [str(n.id) for n in (view.top if self.sort == "top" else view.notes)]
        self.paused = not self.paused

    # ------------------------------------------------------------------ moderation

    async def _moderate(self, action, success: str):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                action(session, staff)
        except PermissionDenied:
            self.notice = "Brak uprawnień do moderowania tej tablicy."
            return focus("komunikat-tablica")
        except BoardError as exc:
            self.notice = exc.message
            return focus("komunikat-tablica")
        self.notice, self.hiding_id, self.merging_id = success, "", ""
        await self._publish()
        return focus("komunikat-tablica")

    @event
    def ask_hide(self, note_id: str):
        self.hiding_id, self.hide_reason = str(note_id), ""
        return focus("pole-powod")

    @event
    def set_hide_reason(self, value: str):
        self.hide_reason = str(value)[:300]

    @event
    def cancel_moderation(self):
        self.hiding_id = self.merging_id = ""

    @event
    async def hide(self, _form_data: dict):
        note_id, reason = _id(self.hiding_id), self.hide_reason
        return await self._moderate(
            lambda s, a: boards.hide_note(session=s, actor=a, note_id=note_id, reason=reason), "Notatka ukryta."
        )

    @event
    async def unhide(self, note_id: str):
        return await self._moderate(
            lambda s, a: boards.unhide_note(session=s, actor=a, note_id=_id(note_id)), "Notatka znów jest widoczna."
        )

    @event
    async def set_flag(self, note_id: str, flag: str, value: bool):
        labels = {
            "pinned": ("Przypięto.", "Odpięto."),
            "plenary": ("Oznaczono na sesję plenarną.", "Zdjęto z sesji plenarnej."),
        }
        if flag not in labels:
            return None
        return await self._moderate(
            lambda s, a: boards.set_flag(session=s, actor=a, note_id=_id(note_id), flag=flag, value=bool(value)),
            labels[flag][0 if value else 1],
        )

    @event
    def ask_merge(self, note_id: str):
        self.merging_id, self.merge_target = str(note_id), ""
        return focus("pole-polacz")

    @event
    def set_merge_target(self, value: str):
        self.merge_target = str(value)[:12]

    @event
    async def merge(self, _form_data: dict):
        source, target = _id(self.merging_id), _id(self.merge_target)
        return await self._moderate(
            lambda s, a: boards.merge_notes(session=s, actor=a, source_id=source, target_id=target),
            "Połączono notatki; głosy zsumowano.",
        )


class GroupsState(rx.State):
    groups: list[GroupSummary] = []  # noqa: RUF012

    @event
    async def load(self):
        with session_scope() as session:
            self.groups = boards.groups_overview(session)
        await rooms.enter(self.router.session.session_id, rooms.GROUPS_ROOM)


class PlenaryState(rx.State):
    groups: list[PlenaryGroup] = []  # noqa: RUF012
    loaded: bool = False
    paused: bool = False
    frozen: list[PlenaryGroup] = []  # noqa: RUF012

    @event
    async def load(self):
        with session_scope() as session:
            self.groups = boards.plenary_view(session)
        self.loaded, self.paused = True, False
        await rooms.enter(self.router.session.session_id, rooms.PLENARY_ROOM)

    @event
    def toggle_pause(self):
        if not self.paused:
            with session_scope() as session:
                self.frozen = boards.plenary_view(session)
        self.paused = not self.paused
