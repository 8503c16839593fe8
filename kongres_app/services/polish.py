"""Polish text helpers in one place: counted words (babel's CLDR plural rules), money, non-breaking spaces.

Every message with a number goes through ``count`` (or a named helper built on it): hand-written plurals said
"254 znaków" and "2 znaków" where Polish says "254 znaki" and "2 znaki". A unit test runs every counted
message through 0, 1, 2, 5, 12, 22, 25 and fails on a counted word written without these helpers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from kongres_app.services.clock import DEFAULT_TZ, utc_to_local

LOCALE = "pl_PL"
NBSP = "\u00a0"
_PL = Locale.parse(LOCALE)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a word for ``n``: 1 znak, 2–4 (and 22–24, not 12–14) znaki, otherwise znaków.

    CLDR's Polish rules also have "other" for fractions; counts here are whole numbers."""
    form = _PL.plural_form(abs(n))
    return one if form == "one" else few if form == "few" else many


def count(n: int, one: str, few: str, many: str) -> str:
    """``n`` with its word: "254 znaki"."""
    return f"{n} {plural(n, one, few, many)}"


def of_places(n: int) -> str:
    """After "z" the number is in the genitive: "z 1 miejsca", "z 2 miejsc", "z 22 miejsc"."""
    return f"{n} {'miejsca' if n == 1 else 'miejsc'}"


def chars(n: int) -> str:
    return count(n, "znak", "znaki", "znaków")


def people_up_to(n: int) -> str:
    """After "do" (genitive): "do 1 osoby", "do 5 osób"."""
    return f"{n} {'osoby' if n == 1 else 'osób'}"


def people_at_most(n: int) -> str:
    """After "najwyżej" (accusative): "najwyżej 1 osobę", "2 osoby", "5 osób"."""
    return count(n, "osobę", "osoby", "osób")


def days(n: int) -> str:
    return count(n, "dzień", "dni", "dni")


def hours(n: int) -> str:
    """After "w ciągu"/"masz": "1 godzinę", "48 godzin", "24 godziny"."""
    return count(n, "godzinę", "godziny", "godzin")


def places(n: int) -> str:
    return count(n, "miejsce", "miejsca", "miejsc")


def notes(n: int) -> str:
    return count(n, "notatka", "notatki", "notatek")


def days_left(n: int) -> str:
    """The verb agrees with the number: "został 1 dzień", "zostały 2 dni", "zostało 5 dni"."""
    return f"{plural(n, 'został', 'zostały', 'zostało')} {days(n)}"


def money(amount: int) -> str:
    """``12 345 zł``, the spaces non-breaking, so an amount never wraps."""
    digits = format_decimal(amount, locale=LOCALE).replace("\u202f", NBSP).replace(" ", NBSP)
    return f"{digits}{NBSP}zł"


# ----------------------------------------------------------------------------- typography

_ORPHAN = re.compile(r"(?<![\w.\-/@])([aiouwzAIOUWZ]) ")  # a single-letter word must not end a line
_BEFORE_UNIT = re.compile(r"(\d) (r\.|zł|godz\.|min|proc\.)")  # "2017 r.", "50 zł": kept with their number
_AFTER_ABBREV = re.compile(r"\b(godz\.|ul\.|art\.|ust\.|pkt|nr|lit\.) (?=\w)")
_DASH = re.compile(r" [-—] ")


def typeset(text: str) -> str:
    """Polish typography for text a person reads: a spaced en dash for a dash, and non-breaking spaces after
    one-letter words ("w domu"), between a number and "r."/"zł" and after "art."/"ust."/"godz.", so that
    none of them is left alone at the end or start of a line. Idempotent; leaves addresses and codes alone."""
    text = _DASH.sub(" – ", text)
    text = _ORPHAN.sub(rf"\1{NBSP}", text)
    text = _BEFORE_UNIT.sub(rf"\1{NBSP}\2", text)
    return _AFTER_ABBREV.sub(rf"\1{NBSP}", text)


# ----------------------------------------------------------------------------- dates and search


# The one date style of every text a person reads: "2 marca 2017 r., godz. 23:59", with non-breaking spaces
# before "r." and after "godz." so that neither is left alone at the start of a line.
def polish_date(value: date) -> str:
    """``sobota, 4 marca 2017 r.``."""
    return format_date(value, "EEEE, d MMMM y", locale=LOCALE) + f"{NBSP}r."


def polish_day(value: date) -> str:
    """``4 marca 2017 r.`` (no weekday: reads well after "najwcześniej" or "przy publikacji")."""
    return format_date(value, "d MMMM y", locale=LOCALE) + f"{NBSP}r."


def polish_datetime(stored_utc: datetime, tz: str = DEFAULT_TZ) -> str:
    """``2 marca 2017 r., godz. 23:59`` in local time."""
    local = utc_to_local(stored_utc, tz)
    return f"{polish_day(local.date())}, godz.{NBSP}{local:%H:%M}"


def fold(text: str) -> str:
    """Search key: case and Polish diacritics ignored (``Łąka`` matches ``laka``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
