"""One rule each for what people type into forms: text, amounts (and whole numbers), dates and moments.

Each rule is a pure function that returns the cleaned value or raises ``UserError(message, field)`` with a
Polish message meant to be shown next to the field. A form that reports every field at once collects them
with ``collect``. Messages name the thing asked for (``what``, in the accusative: "kwotę", "cel zbiórki").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from kongres_app.services.errors import UserError
from kongres_app.services.polish import chars

T = TypeVar("T")

MAX_AMOUNT = 1_000_000_000  # złoty: nothing in a county's congress comes near it
DATE_PL_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# What a person types as an amount: digits with spaces, dots or commas, a sign, "zł"/"PLN" (not "1e3", "nan").
TYPED_AMOUNT_RE = re.compile(r"^[+-]?\d[\d\s.,'_]*(zł|pln)?$")


def collect(errors: dict[str, str], rule: Callable[..., T], *args: Any, default: T, **kwargs: Any) -> T:
    """Apply a rule; on a refusal note its message under its field in ``errors`` and return ``default``."""
    try:
        return rule(*args, **kwargs)
    except UserError as exc:
        errors[exc.field or ""] = exc.message
        return default


# ----------------------------------------------------------------------------- text


def clean_text(value: str) -> str:
    """Trim, fold runs of white space, drop control characters; the text is otherwise kept as typed."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return " ".join(value.split())


def clean_multiline(value: str) -> str:
    """As ``clean_text``, but keeps the line breaks (each line trimmed)."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(ch for ch in value if ch == "\n" or unicodedata.category(ch)[0] != "C")
    return "\n".join(line.strip() for line in value.strip().splitlines())


def text(
    value: str,
    *,
    field: str,
    max_length: int,
    required: str | None = None,
    min_length: int = 0,
    multiline: bool = False,
    too_short: str | None = None,
    too_long: str | None = None,
) -> str:
    """Cleaned text of at most ``max_length`` characters.

    ``required`` is the message for an empty field (None: it may stay empty); a non-empty text shorter
    than ``min_length`` or longer than ``max_length`` is refused with ``too_short``/``too_long`` or the
    general messages.
    """
    cleaned = clean_multiline(value) if multiline else clean_text(value)
    if not cleaned:
        if required is not None:
            raise UserError(required, field)
        return cleaned
    if len(cleaned) < min_length:
        raise UserError(too_short or f"Za krótko: wpisz co najmniej {chars(min_length)}.", field)
    if len(cleaned) > max_length:
        raise UserError(too_long or f"Wpisz najwyżej {chars(max_length)} (teraz: {len(cleaned)}).", field)
    return cleaned


# ----------------------------------------------------------------------------- amounts


def parse_number(value: Any) -> Decimal:
    """A JSON number or a string like "1 234,50", "1,234.50", "1.234" or "1234 zł"."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("not a number")
    text = str(value).casefold().replace("zł", "").replace("pln", "")
    if isinstance(value, str):
        text = _plain_decimal("".join(ch for ch in text if not ch.isspace() and ch not in "'_"))
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite():
        raise ValueError("not a number")
    return number


def _plain_decimal(text: str) -> str:
    """Drop thousands separators and make the decimal mark a dot.

    The last mark is the decimal one, unless it also appears earlier ("1,234,567") or it alone
    is followed by exactly three digits ("1.234", "12,345"): amounts never have three decimals.
    """
    last = max(text.rfind(","), text.rfind("."))
    if last < 0:
        return text
    whole, fraction = text[:last], text[last + 1 :]
    earlier = {ch for ch in whole if ch in ",."}
    digits = whole.replace(",", "").replace(".", "")
    if text[last] in earlier or (not earlier and len(fraction) == 3 and digits.lstrip("+-") not in ("", "0")):
        return digits + fraction
    return f"{digits}.{fraction}"


def amount(
    value: str,
    *,
    field: str,
    what: str = "kwotę",
    required: bool = True,
    minimum: int = 0,
    maximum: int = MAX_AMOUNT,
    decimals: int = 2,
    money: bool = True,
) -> Decimal | None:
    """An amount as typed ("1 500,50", "1500.5", "1 500 zł", spaces non-breaking or not), or None when
    it may stay empty. ``decimals`` is 2 for grosze, 0 for whole złoty (or, with ``money=False``, people)."""
    if not clean_text(value):
        if required:
            raise UserError(f"Podaj {what}.", field)
        return None
    try:
        if not TYPED_AMOUNT_RE.match(clean_text(value).casefold()):
            raise ValueError("not an amount")
        number = parse_number(value)
    except ValueError:
        raise UserError(f"Wpisz {what} cyframi, np. 12 500.", field) from None
    if number != round(number, decimals):
        if decimals == 0:
            message = f"Wpisz {what} w pełnych liczbach, bez groszy." if money else f"Wpisz {what} w pełnych liczbach."
        else:
            message = f"Wpisz {what} z dokładnością do groszy, np. 1 500,50."
        raise UserError(message, field)
    if not minimum <= number <= maximum:
        raise UserError(f"Sprawdź {what}: to nie wygląda na prawdziwą liczbę.", field)
    return number


def whole_number(value: str, *, field: str, what: str, minimum: int = 0, maximum: int = MAX_AMOUNT) -> int | None:
    """A whole count ("12", "1 200"): people, places; None when left empty."""
    number = amount(
        value, field=field, what=what, required=False, minimum=minimum, maximum=maximum, decimals=0, money=False
    )
    return None if number is None else int(number)


# ----------------------------------------------------------------------------- dates


def parse_day(value: str) -> date | None:
    """``2026-03-04`` (a date field) or ``4.03.2026`` (typed by hand); None for anything else."""
    value = clean_text(value)
    try:
        if match := DATE_PL_RE.match(value):
            day_, month, year = (int(part) for part in match.groups())
            return date(year, month, day_)
        return date.fromisoformat(value)
    except ValueError:
        return None


def day(value: str, *, field: str, message: str, required: bool = True) -> date | None:
    """A calendar date in one of the forms' formats; ``message`` (with an example) when it is not one."""
    if not clean_text(value) and not required:
        return None
    parsed = parse_day(value)
    if parsed is None:
        raise UserError(message, field)
    return parsed


def moment(value: str, *, field: str, message: str, day_only_at: time = time(0, 0)) -> datetime:
    """A local date and time: ``2026-12-20T15:00`` (a datetime field), ``2026-12-20 15:00``, ``20.12.2026 15:00``;
    a date alone means ``day_only_at`` on that day. Naive: the caller knows the edition's time zone."""
    cleaned = clean_text(value)
    date_part, _, time_part = cleaned.replace("T", " ", 1).partition(" ")
    parsed_day = parse_day(date_part)
    try:
        at = time.fromisoformat(time_part) if time_part else day_only_at
    except ValueError:
        at = None
    if parsed_day is None or at is None or at.tzinfo is not None:
        raise UserError(message, field)
    return datetime.combine(parsed_day, at)
