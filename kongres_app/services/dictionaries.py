"""Closed lists the forms offer: legal forms, the county's gminas, delegate statuses."""

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

CONFIRMED = "confirmed"
WAITING = "waiting"
CANCELLED = "cancelled"
PENDING = "pending"  # the contact person has not yet confirmed the e-mail address: no place held

STATUS_LABELS: dict[str, str] = {
    PENDING: "Czeka na potwierdzenie adresu e-mail",
    CONFIRMED: "Miejsce potwierdzone",
    WAITING: "Lista rezerwowa",
    CANCELLED: "Anulowano",
}

MAX_DELEGATES = 5
