"""The confirm dialogs of /organizator/uczestnicy: move a person, cancel a person, issue a new link.

Choosing a group only chooses it: the service says beforehand what would happen (a free place, or
which place on which waiting list), and nothing changes until the organiser presses the dialog's confirm
button. Ids from the browser are parsed, the person, group and registration are looked up again by the
services, and the organiser's rights come from the session on every call, never from arguments.
"""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.live import rooms
from kongres_app.services import boards, people
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.congress import current_edition
from kongres_app.services.ids import parse_id
from kongres_app.services.mailer import management_link_message, send_mail_in_background
from kongres_app.services.registration import RegistrationError
from kongres_app.settings import load_settings
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.staff import current_staff
from kongres_app.states.staff_participants import StaffParticipantsState
from kongres_app.states.ui import focus

DENIED = "Brak uprawnień: tylko organizator może to zrobić."
NOTICE_ID = "komunikat-uczestnicy"
NEW_LINK_ID = "nowy-link"
MAX_GROUP = 20  # DiscussionGroup.number's bound; the service checks that the group exists
CHOOSE_GROUP = "Wybierz grupę. Zanim cokolwiek się zmieni, zobaczysz tutaj, co się stanie."


class PersonActionsState(rx.State):
    dialog: rx.Field[str] = rx.field("")  # "" | move | cancel | link
    person_name: str = ""
    person_summary: str = ""
    move_group: str = ""
    preview: str = ""
    preview_outcome: rx.Field[str] = rx.field("")  # same | confirmed | waiting | cancel
    org_name: str = ""
    contact_email: str = ""
    active_links: int = 0
    revoke_old: rx.Field[bool] = rx.field(True)
    also_mail: bool = False
    mail_on: bool = False
    notes_choice: str = boards.KEEP_NOTES  # what happens to the notes of the person cancelled
    new_link: rx.Field[str] = rx.field("")
    focus_after: rx.Field[str] = rx.field(NOTICE_ID)  # where focus goes when the dialog closes
    _delegate_id: int = 0
    _registration_id: int = 0

    @rx.var
    def can_confirm_move(self) -> bool:
        return self.preview_outcome in ("confirmed", "waiting")

    def _close(self) -> None:
        self.dialog, self.person_name, self.person_summary = "", "", ""
        self.move_group, self.preview, self.preview_outcome = "", "", ""
        self.org_name, self.contact_email, self.active_links = "", "", 0
        self.revoke_old, self.also_mail, self.new_link = True, False, ""
        self.notes_choice = boards.KEEP_NOTES
        self._delegate_id, self._registration_id = 0, 0

    def _open(self, kind: str, found: people.Person, trigger: str) -> None:
        self._close()
        self.dialog, self.focus_after = kind, trigger
        self.person_name, self.person_summary = found.full_name, found.summary
        self._delegate_id, self._registration_id = found.delegate_id, found.registration_id

    async def _report(self, notice: str):
        """Close the dialog and say what happened under the page's heading, with focus there."""
        self._close()
        self.focus_after = NOTICE_ID
        participants = await self.get_state(StaffParticipantsState)
        await participants.show_outcome(notice)
        return [LiveState.registrations_changed, focus(NOTICE_ID)]

    async def _refused(self, exc: Exception):
        return await self._report(DENIED if isinstance(exc, PermissionDenied) else getattr(exc, "message", DENIED))

    @event
    def dialog_open_change(self, is_open: bool):
        """Escape and the dialogs' "no" buttons: nothing changes, focus returns to the row's button."""
        if not is_open:
            self._close()

    # ------------------------------------------------------------------------- move

    @event
    async def ask_move(self, delegate_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                found = people.person(session, staff, parse_id(delegate_id) or 0)
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        self._open("move", found, f"przenies-{found.delegate_id}")
        self.preview = CHOOSE_GROUP
        return None

    @event
    async def choose_group(self, group: str):
        if self.dialog != "move":
            return None
        self.move_group, self.preview_outcome = "", ""
        number = parse_id(group)
        if number is None or number > MAX_GROUP:
            self.preview = CHOOSE_GROUP
            return None
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                preview = people.move_preview(session, staff, self._delegate_id, number)
        except PermissionDenied as exc:
            return await self._refused(exc)
        except RegistrationError as exc:
            self.preview = exc.message
            return None
        self.move_group, self.preview, self.preview_outcome = str(number), preview.message, preview.outcome
        return None

    @event
    async def confirm_move(self):
        group = parse_id(self.move_group)
        if self.dialog != "move" or not self._delegate_id or group is None:
            return None
        if self.preview_outcome not in ("confirmed", "waiting"):
            return None
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                message = people.confirm_move(session, staff, self._delegate_id, group)
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        return await self._report(message)

    # ------------------------------------------------------------------------- cancel

    @event
    async def ask_cancel(self, delegate_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                found = people.person(session, staff, parse_id(delegate_id) or 0)
                preview = people.cancel_preview(session, staff, found.delegate_id)
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        self._open("cancel", found, f"anuluj-{found.delegate_id}")
        self.preview, self.preview_outcome = preview.message, preview.outcome
        return None

    @event
    def set_notes_choice(self, choice: str):
        if self.dialog == "cancel":
            self.notes_choice = boards.REMOVE_NOTES if choice == boards.REMOVE_NOTES else boards.KEEP_NOTES

    @event
    async def confirm_cancel(self):
        if self.dialog != "cancel" or not self._delegate_id:
            return None
        staff = await current_staff(self)
        delegate_id, choice = self._delegate_id, self.notes_choice
        try:
            with session_scope() as session:
                message = people.confirm_cancel(session, staff, delegate_id)  # refuses before anything changes
                changed = boards.withdraw_notes(session=session, delegate_ids=[delegate_id], choice=choice)
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        for number in changed:
            rooms.publish_soon(number)
        return await self._report(message)

    # ------------------------------------------------------------------------- new management link

    @event
    async def ask_new_link(self, delegate_id: int):
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                found = people.person(session, staff, parse_id(delegate_id) or 0)
                preview = people.link_preview(session, staff, found.registration_id)
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        self._open("link", found, f"nowy-link-{found.delegate_id}")
        self.org_name, self.contact_email, self.active_links = preview.org_name, preview.email, preview.active_links
        self.mail_on = bool(load_settings().smtp_url)
        return None

    @event
    def set_revoke_old(self, choice: str):
        if self.dialog == "link" and not self.new_link:
            self.revoke_old = choice != "zostaw"

    @event
    def set_also_mail(self, checked: bool):
        if self.dialog == "link" and not self.new_link:
            self.also_mail = bool(checked) and self.mail_on

    @event
    async def confirm_new_link(self):
        if self.dialog != "link" or not self._registration_id or self.new_link:
            return None
        settings = load_settings()
        mail = self.also_mail and bool(settings.smtp_url)
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                issued = people.issue_link(
                    session, staff, self._registration_id, revoke_old=self.revoke_old, mailed=mail
                )
                edition = current_edition(session)
                edition_name = edition.name if edition else ""
        except (PermissionDenied, RegistrationError) as exc:
            return await self._refused(exc)
        self.new_link = settings.public_url + routes.manage_url(issued.token)
        if mail:
            subject, body = management_link_message(
                edition_name=edition_name, org_name=issued.org_name, link=self.new_link
            )
            send_mail_in_background(
                settings.smtp_url, sender=settings.mail_from, to=issued.email, subject=subject, body=body
            )
        notice = f"Wydano nowy link do zarządzania rejestracją organizacji {issued.org_name}."
        if self.revoke_old:
            notice += f" Dotychczasowe linki unieważniono ({issued.revoked})."
        else:
            notice += " Dotychczasowe linki nadal działają."
        if mail:
            notice += f" Wysyłamy go też na adres {issued.email}."
        self.focus_after = NOTICE_ID
        participants = await self.get_state(StaffParticipantsState)
        await participants.show_outcome(notice)
        return focus(NEW_LINK_ID)
