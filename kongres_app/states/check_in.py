"""/organizator/rejestracja-wejsc: a typed, scanner-typed or camera-scanned code marks a delegate present."""

import json
import time
from typing import Any

import reflex as rx
from reflex.event import EventSpec

from kongres_app.db import session_scope
from kongres_app.services import organiser
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.organiser import MAX_TYPED_CODE, CheckInResult
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus

DENIED = CheckInResult("denied", "Brak uprawnień: zaloguj się jako organizator.")
CAMERA_ERRORS = {
    "permission-denied": "Przeglądarka nie pozwoliła użyć kamery. Zezwól na dostęp do kamery dla tej strony "
    "(ikona kłódki lub kamery przy adresie) i włącz ją jeszcze raz albo wpisz kod ręcznie.",
    "no-camera": "Nie znaleziono kamery w tym urządzeniu. Wpisz kod ręcznie lub użyj czytnika.",
    "in-use": "Kamerę zajmuje inny program lub karta przeglądarki. Zamknij go i włącz kamerę jeszcze raz.",
    "insecure-context": "Kamera działa tylko na stronie otwartej przez https. Wpisz kod ręcznie lub użyj czytnika.",
    "overconstrained": "Kamera nie daje obrazu, o który prosi strona. Spróbuj innej kamery lub wpisz kod ręcznie.",
    "unsupported": "Ta przeglądarka nie obsługuje kamery na stronach. Wpisz kod ręcznie lub użyj czytnika.",
}
CAMERA_ERROR_OTHER = "Nie udało się uruchomić kamery. Wpisz kod ręcznie lub użyj czytnika."

# Where the browser allows it: one short high beep and buzz for a welcome, two low ones for anything else.
# Browsers only allow sound and vibration after the person has used the page (pressed a button) — the
# organiser has, to turn the camera on or to submit a code.
_FEEDBACK_JS = """(() => {
  const good = %s;
  try { navigator.vibrate?.(good ? 120 : [90, 60, 90]); } catch (e) {}
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    const audio = (window.__kongresAudio ??= new Context());
    audio.resume?.();
    const beeps = good ? [0] : [0, 0.2];
    for (const offset of beeps) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = good ? 880 : 330;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + offset);
      tone.stop(audio.currentTime + offset + 0.15);
    }
  } catch (e) {}
})()"""


# On a phone the menu and the form fill the first screen: bring the button, the preview and the result up.
SCROLL_TO_CAMERA_ON_A_PHONE = rx.call_script(
    'if (window.matchMedia("(max-width: 30rem)").matches) '
    'document.getElementById("przycisk-kamera")?.scrollIntoView({block: "start"})'
)


def feedback(outcome: str) -> EventSpec:
    return rx.call_script(_FEEDBACK_JS % json.dumps(outcome == "ok"))


def _bounded(value: Any) -> str:
    """What a client sent as a code: text only, at most ``MAX_TYPED_CODE`` characters."""
    return value[:MAX_TYPED_CODE] if isinstance(value, str) else ""


class CheckInState(rx.State):
    result: CheckInResult = CheckInResult()
    history: list[CheckInResult] = []  # noqa: RUF012
    camera_on: bool = False
    camera_error: str = ""
    _last_scan_code: str = ""
    _last_scan_at: float = 0.0

    async def _is_organiser(self) -> bool:
        staff = await current_staff(self)
        return staff is not None and staff.is_organiser

    async def _check(self, code: str) -> bool:
        """Check the code in; False if the caller may not."""
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                self.result = organiser.check_in(session, staff, code)
        except PermissionDenied:
            self.result = DENIED
            return False
        if self.result.full_name:
            self.history = [self.result, *self.history][:8]
        return True

    def _after_check(self) -> list[EventSpec | Any]:
        """Sound and buzz; the dashboards' figures change only when someone was let in."""
        if self.result.outcome == "ok":
            return [feedback("ok"), LiveState.registrations_changed]
        return [feedback(self.result.outcome)]

    @event
    async def submit(self, form_data: dict):
        allowed = await self._check(_bounded(form_data.get("kod", "")))
        # The form clears itself; keep focus in the field for the next code.
        if not allowed:
            return focus("pole-kod")
        return [focus("pole-kod"), *self._after_check()]

    @event
    async def scanned(self, code: str):
        """A code decoded by the camera (reported again about once a second while it stays in view)."""
        code, now = _bounded(code), time.monotonic()
        repeat = organiser.is_repeat_scan(self._last_scan_code, self._last_scan_at, code, now)
        self._last_scan_code, self._last_scan_at = code, now
        if repeat:
            return None
        if not await self._check(code):
            self.camera_on = False
            return None
        # Focus stays where it is: moving it to the text field would open a phone's keyboard over the camera.
        return self._after_check()

    @event
    def camera_starts_off(self):
        """on_load: coming back to the page (same tab) must not switch the camera on by itself."""
        self.camera_on = False
        self.camera_error = ""

    @event
    async def toggle_camera(self):
        if not await self._is_organiser():
            self.camera_on, self.result = False, DENIED
            return None
        self.camera_on = not self.camera_on
        self.camera_error = ""
        self._last_scan_code = ""
        if self.camera_on:
            return SCROLL_TO_CAMERA_ON_A_PHONE
        return None

    @event
    def camera_failed(self, kind: str):
        """The browser refused the camera or has none; the typed code still works."""
        self.camera_on = False
        self.camera_error = CAMERA_ERRORS.get(kind, CAMERA_ERROR_OTHER) if isinstance(kind, str) else CAMERA_ERROR_OTHER
