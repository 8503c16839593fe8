"""Closed lists the forms offer: legal forms, the county's gminas, delegate statuses."""

from kongres_app.models import DelegateStatus

LEGAL_FORMS: dict[str, str] = {
    "stowarzyszenie": "Stowarzyszenie",
    "fundacja": "Fundacja",
    "klub_sportowy": "Klub sportowy",
    "kgw": "Koło gospodyń wiejskich",
    "uks": "Uczniowski klub sportowy",
    "grupa_nieformalna": "Grupa nieformalna / ruch społeczny",
    "inna": "Inna forma",
}
INFORMAL_GROUP = "grupa_nieformalna"

GMINAS: dict[str, str] = {
    "pruszkow": "Pruszków (miasto)",
    "piastow": "Piastów (miasto)",
    "brwinow": "Brwinów",
    "michalowice": "Michałowice",
    "nadarzyn": "Nadarzyn",
    "raszyn": "Raszyn",
    "spoza": "Spoza powiatu",
}

# The statuses are DelegateStatus (next to the Delegate table); these names stay for older imports.
CONFIRMED = DelegateStatus.CONFIRMED
WAITING = DelegateStatus.WAITING
CANCELLED = DelegateStatus.CANCELLED
PENDING = DelegateStatus.PENDING

STATUS_LABELS: dict[str, str] = {
    DelegateStatus.PENDING: "Czeka na potwierdzenie adresu e-mail",
    DelegateStatus.CONFIRMED: "Miejsce potwierdzone",
    DelegateStatus.WAITING: "Lista rezerwowa",
    DelegateStatus.CANCELLED: "Anulowano",
}

MAX_DELEGATES = 5
