"""The one rule each for text, amounts and dates that every form uses."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from kongres_app.services import validators as v
from kongres_app.services.errors import UserError
from tests.factories import grant_input

NBSP, NNBSP = "\u00a0", "\u202f"


def refusal(rule, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as caught:
        rule(*args, **kwargs)
    return caught.value


# ----------------------------------------------------------------------------- text


def test_text_is_trimmed_and_its_spaces_folded():
    assert v.text("  Koło \t Gospodyń\u0007  ", field="f", max_length=50) == "Koło Gospodyń"
    assert v.text(" a \n\n  b ", field="f", max_length=50, multiline=True) == "a\n\nb"


def test_an_empty_required_text_gets_the_forms_message_next_to_its_field():
    error = refusal(v.text, "   ", field="org_name", max_length=200, required="Podaj nazwę organizacji.")
    assert (error.message, error.field) == ("Podaj nazwę organizacji.", "org_name")
    assert v.text("", field="phone", max_length=30) == ""  # optional


def test_too_short_and_too_long_say_how_many_characters():
    assert refusal(v.text, "x", field="f", max_length=9, min_length=2).message == (
        "Za krótko: wpisz co najmniej 2 znaki."
    )
    error = refusal(v.text, "x" * 201, field="f", max_length=200)
    assert error.message == "Wpisz najwyżej 200 znaków (teraz: 201)."
    assert v.text("x" * 200, field="f", max_length=200) == "x" * 200  # the limit itself is allowed
    assert refusal(v.text, "x" * 11, field="f", max_length=10, too_long="Za długi opis.").message == "Za długi opis."


def test_the_limit_counts_the_cleaned_text():
    assert v.text("  " + "x" * 10 + "   ", field="f", max_length=10) == "x" * 10


# ----------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 500,50", Decimal("1500.50")),
        ("1500.5", Decimal("1500.5")),
        ("1 500 zł", Decimal("1500")),
        (f"1{NBSP}500{NBSP}zł", Decimal("1500")),
        (f"12{NNBSP}345,00", Decimal("12345.00")),
        ("1.234", Decimal("1234")),  # a thousands separator: amounts never have three decimals
        ("12,505", Decimal("12505")),
        ("1 500 PLN", Decimal("1500")),
        ("0", Decimal("0")),
    ],
)
def test_amounts_as_people_type_them(typed, expected):
    assert v.amount(typed, field="a") == expected


def test_an_empty_amount_is_asked_for_or_left_empty():
    assert refusal(v.amount, " ", field="a", what="kwotę w złotych").message == "Podaj kwotę w złotych."
    assert v.amount(NBSP, field="a", required=False) is None


@pytest.mark.parametrize(
    ("typed", "kwargs", "fragment"),
    [
        ("sporo", {}, "cyframi"),
        ("12 zł 50", {}, "cyframi"),
        ("-5", {}, "Sprawdź"),
        ("1 000 000 001", {}, "Sprawdź"),
        ("5", {"minimum": 10}, "Sprawdź"),
        ("", {}, "Podaj"),
        ("12,5055", {}, "z dokładnością do groszy"),
        ("12,50", {"decimals": 0}, "bez groszy"),
        ("2,5", {"decimals": 0, "money": False}, "w pełnych liczbach"),
        ("nan", {}, "cyframi"),
        ("1e3", {}, "cyframi"),
    ],
)
def test_amounts_refused(typed, kwargs, fragment):
    error = refusal(v.amount, typed, field="goal_pln", what="cel zbiórki", **kwargs)
    assert fragment in error.message and error.field == "goal_pln", error.message


def test_whole_numbers():
    assert v.whole_number("1 200", field="n", what="liczbę") == 1200
    assert v.whole_number("", field="n", what="liczbę") is None
    assert "w pełnych liczbach" in refusal(v.whole_number, "1,5", field="n", what="liczbę").message


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026-03-04", date(2026, 3, 4)), ("4.03.2026", date(2026, 3, 4)), (" 04.3.2026 ", date(2026, 3, 4))],
)
def test_days_in_the_forms_formats(typed, expected):
    assert v.day(typed, field="d", message="Podaj datę.") == expected


@pytest.mark.parametrize("typed", ["", "31.02.2026", "2026-13-01", "4/3/2026", "jutro", "4.03.26"])
def test_bad_days_get_the_forms_message(typed):
    error = refusal(v.day, typed, field="ends_on", message="Podaj datę zakończenia zbiórki, np. 31.03.2026.")
    assert (error.message, error.field) == ("Podaj datę zakończenia zbiórki, np. 31.03.2026.", "ends_on")


def test_an_optional_day_may_stay_empty():
    assert v.day(" ", field="d", message="x", required=False) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-20T15:00", datetime(2026, 12, 20, 15, 0)),
        ("2026-12-20 15:00", datetime(2026, 12, 20, 15, 0)),
        ("20.12.2026 15:00", datetime(2026, 12, 20, 15, 0)),
        ("2026-12-20T15:00:30", datetime(2026, 12, 20, 15, 0, 30)),
        ("2026-12-20", datetime(2026, 12, 20, 23, 59)),
    ],
)
def test_moments(typed, expected):
    assert v.moment(typed, field="m", message="x", day_only_at=time(23, 59)) == expected


@pytest.mark.parametrize("typed", ["", "2026-12-20 25:00", "2026-12-20T15:00+01:00", "20.12.2026 o 15", "15:00"])
def test_bad_moments(typed):
    assert refusal(v.moment, typed, field="offer_deadline", message="Podaj termin.").field == "offer_deadline"


def test_collect_notes_each_refusal_under_its_field():
    errors: dict[str, str] = {}
    assert v.collect(errors, v.amount, "x", field="a", default=None) is None
    assert v.collect(errors, v.text, "ok", field="t", max_length=5, default="") == "ok"
    assert errors == {"a": "Wpisz kwotę cyframi, np. 12 500."}


def test_the_grant_form_takes_amounts_and_deadlines_as_its_hints_write_them():
    from kongres_app.services import grants

    values, errors = grants.validate(grant_input(funds_pln=f"50{NBSP}000 zł", offer_deadline="2026-12-20 15:00"))
    assert errors == {} and values["funds_pln"] == 50000
    assert grants.utc_to_local(values["offer_deadline"]).strftime("%Y-%m-%d %H:%M") == "2026-12-20 15:00"
    _, errors = grants.validate(grant_input(funds_pln="-100", granted_last_year_pln="12,50"))
    assert "Sprawdź" in errors["funds_pln"] and "bez groszy" in errors["granted_last_year_pln"]
