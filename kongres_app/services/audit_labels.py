"""Polish words for the audit log: what each action key means, and the keys of its details.

Every action name passed to ``audit``, ``require_organiser`` or ``require_moderator`` needs a label here
(a unit test reads the code and fails otherwise), so organisers never read an internal key.
"""

from __future__ import annotations

import json
import re

from kongres_app.models import AuditOutcome

AUDIT_ACTIONS: dict[str, str] = {
    "login": "Logowanie",
    "list_staff": "Wgląd w listę zespołu",
    "create_facilitator": "Dodanie konta moderatora",
    "reset_password": "Nowe hasło moderatora",
    "read_audit": "Wgląd w dziennik",
    "read_settings": "Wgląd w ustawienia",
    "save_settings": "Zapisanie ustawień",
    "read_dashboard": "Wgląd w pulpit",
    "read_participants": "Wgląd w listę uczestników",
    "export_participants": "Pobranie listy uczestników",
    "read_person": "Wgląd w dane uczestnika",
    "preview_move": "Podgląd przeniesienia uczestnika",
    "move_delegate": "Przeniesienie uczestnika do innej grupy",
    "preview_cancel": "Podgląd anulowania udziału",
    "cancel_delegate": "Anulowanie udziału uczestnika",
    "needs_handled": "Potrzeby dostępności: zmiana stanu",
    "set_group_capacity": "Zmiana liczby miejsc w grupie",
    "preview_manage_link": "Podgląd nowego linku do zgłoszenia",
    "issue_manage_link": "Wydanie nowego linku do zgłoszenia",
    "check_in": "Rejestracja wejścia",
    "read_campaigns": "Wgląd w zbiórki",
    "read_campaign": "Wgląd w zbiórkę",
    "create_campaign": "Dodanie zbiórki",
    "edit_campaign": "Edycja zbiórki",
    "approve_campaign": "Publikacja zbiórki",
    "reject_campaign": "Odrzucenie zbiórki",
    "refresh_campaign": "Odświeżenie danych zbiórki",
    "read_grants": "Wgląd w konkursy ofert",
    "create_grant": "Dodanie konkursu ofert",
    "publish_grant": "Publikacja konkursu ofert",
    "publish_announcement": "Ogłoszenie komunikatu",
    "withdraw_announcement": "Wycofanie komunikatu",
    "hide_note": "Ukrycie notatki",
    "unhide_note": "Przywrócenie notatki",
    "set_pinned": "Przypięcie lub odpięcie notatki",
    "set_plenary": "Notatka na sesję plenarną: zmiana",
    "merge_notes": "Połączenie notatek",
    "board_join_throttled": "Wejście na tablicę wstrzymane po błędnych kodach",
    "upload_refused": "Odmowa przyjęcia pliku",
    "registration_limited": "Odmowa rejestracji: zbyt wiele zgłoszeń",
    "registration_expired": "Anulowanie niepotwierdzonej rejestracji (minął czas na potwierdzenie)",
    "review_registration": "Sprawdzenie rejestracji bez potwierdzonego e-maila",
    "krs_conflict": "Próba rejestracji z numerem KRS użytym już w innej rejestracji",
    "resolve_krs_conflict": "Rozstrzygnięcie konfliktu numeru KRS",
}

OUTCOMES: dict[str, str] = {AuditOutcome.OK: "wykonano", AuditOutcome.DENIED: "odmowa"}

DETAIL_KEYS: dict[str, str] = {
    "user": "konto",
    "username": "login",
    "group": "grupa",
    "capacity": "miejsca",
    "capacities": "miejsca w grupach",
    "venue": "miejsca na sali",
    "promoted": "miejsca dla osób z listy rezerwowej",
    "delegate": "uczestnik nr",
    "handled": "zapewnione",
    "registration": "zgłoszenie nr",
    "revoke_old": "unieważnić poprzednie linki",
    "revoked": "unieważnione linki",
    "mailed": "wysłany e-mailem",
    "campaign": "zbiórka nr",
    "title": "tytuł",
    "reason": "powód",
    "ok": "udało się",
    "id": "nr",
    "minutes": "czas wyświetlania (min)",
    "short_notice": "skrócony termin",
    "note": "notatka nr",
    "value": "włączone",
    "source": "notatka łączona nr",
    "target": "połączona z notatką nr",
    "limit": "ograniczenie",
    "address": "adres sieciowy",
    "wait_s": "wstrzymane na (s)",
    "status": "kod odpowiedzi HTTP",
    "size": "rozmiar (bajty)",
    "handler": "obsługa zdarzenia",
    "krs": "KRS",
    "org": "organizacja",
    "resolution": "rozstrzygnięcie",
    "retry_after_s": "ponowna próba za (s)",
    "conflict": "konflikt nr",
    "cancel": "anulować obecną rejestrację",
}

_PAIRS = re.compile(r"^(\w+=\S*)(\s+\w+=\S*)*$")


def action_label(action: str) -> str:
    return AUDIT_ACTIONS.get(action) or f"Inne działanie ({action})"


def outcome_label(outcome: str) -> str:
    return OUTCOMES.get(outcome, outcome)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} – {_value(v)}" for k, v in value.items()) or "—"
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or "—"
    return str(value)


def _pairs(items: list[tuple[str, object]]) -> str:
    return "; ".join(f"{DETAIL_KEYS.get(key, key)}: {_value(value)}" for key, value in items)


def describe_details(details: str) -> str:
    """Stored details (JSON or ``key=value`` words) as Polish ``klucz: wartość`` text; other text unchanged."""
    text = details.strip()
    if text.startswith(("{", "[")):
        try:
            parsed = json.loads(text)
        except ValueError:
            return text
        if isinstance(parsed, dict):
            return _pairs(list(parsed.items()))
        return _value(parsed)
    if _PAIRS.match(text):
        return _pairs([(key, value) for key, _, value in (word.partition("=") for word in text.split())])
    return text
