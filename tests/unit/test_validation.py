import pytest

from kongres_app.services.validation import (
    DelegateInput,
    RegistrationInput,
    clean_text,
    name_key,
    validate_registration,
)

GROUPS = {1, 2, 3, 4}


def good(**overrides) -> RegistrationInput:
    data = RegistrationInput(
        org_name="Stowarzyszenie „Razem dla Raszyna”",
        legal_form="stowarzyszenie",
        krs="0000123456",
        gmina="raszyn",
        contact_name="Anna Kowalska",
        email="Anna.Kowalska@Example.pl",
        phone="+48 601 234 567",
        delegates=[DelegateInput("Jan Nowak", "", "1", "wózek inwalidzki", needs_consent=True)],
        consent_rules=True,
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def test_good_registration_is_cleaned():
    clean, errors = validate_registration(good(org_name="  Stowarzyszenie   X  ", krs="0000 123 456"), GROUPS)
    assert errors == {}
    assert clean is not None
    assert clean.org_name == "Stowarzyszenie X"
    assert clean.krs == "0000123456"
    assert clean.email == "Anna.Kowalska@example.pl"  # domain normalised, local part kept
    assert clean.delegates[0].group_number == 1
    assert clean.delegates[0].accessibility_needs == "wózek inwalidzki"
    assert clean.consent_publish_name is False


def test_empty_form_reports_every_required_field():
    _, errors = validate_registration(RegistrationInput(delegates=[DelegateInput()]), GROUPS)
    assert set(errors) == {
        "org_name",
        "legal_form",
        "gmina",
        "contact_name",
        "email",
        "consent_rules",
        "delegates.0.full_name",
        "delegates.0.group_number",
    }
    assert errors["org_name"] == "Podaj nazwę organizacji."
    assert errors["consent_rules"].startswith("Aby się zarejestrować")


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("org_name", "X", "co najmniej 2 znaki"),
        ("org_name", "A" * 201, "najwyżej 200 znaków"),
        ("legal_form", "spółka", "formę prawną"),
        ("krs", "12345", "10 cyfr"),
        ("krs", "00001234AB", "10 cyfr"),
        ("gmina", "warszawa", "gminę"),
        ("contact_name", "", "Podaj imię i nazwisko osoby do kontaktu"),
        ("email", "anna@", "poprawny adres e-mail"),
        ("email", "a" * 250 + "@x.pl", "najwyżej 254"),
        ("phone", "abc", "numer telefonu"),
        ("phone", "12", "numer telefonu"),
    ],
)
def test_bad_fields_get_a_polish_message(field, value, fragment):
    _, errors = validate_registration(good(**{field: value}), GROUPS)
    assert list(errors) == [field]
    assert fragment in errors[field]


def test_informal_group_has_no_krs_but_may_register_without():
    _, errors = validate_registration(good(legal_form="grupa_nieformalna"), GROUPS)
    assert "Grupa nieformalna nie ma numeru KRS" in errors["krs"]
    clean, errors = validate_registration(good(legal_form="grupa_nieformalna", krs=""), GROUPS)
    assert errors == {} and clean is not None and clean.krs is None


def test_phone_is_optional():
    clean, errors = validate_registration(good(phone=""), GROUPS)
    assert errors == {} and clean is not None and clean.phone == ""


def test_delegate_rows():
    _, errors = validate_registration(good(delegates=[]), GROUPS)
    assert "co najmniej jedną osobę" in errors["delegates"]
    six = [DelegateInput(f"Osoba {i}", "", "1", "") for i in range(6)]
    _, errors = validate_registration(good(delegates=six), GROUPS)
    assert "najwyżej 5" in errors["delegates"]
    rows = [
        DelegateInput("Jan Nowak", "zly-adres", "2", ""),
        DelegateInput("jan  NOWAK", "", "9", "x" * 501),
    ]
    _, errors = validate_registration(good(delegates=rows), GROUPS)
    assert set(errors) == {
        "delegates.0.email",
        "delegates.1.full_name",
        "delegates.1.group_number",
        "delegates.1.accessibility_needs",
    }
    assert "już na liście" in errors["delegates.1.full_name"]


def test_accessibility_needs_are_refused_without_the_persons_explicit_consent():
    """They are health data (RODO art. 9 ust. 2 lit. a): no consent, nothing stored, and the form says why."""
    rows = [DelegateInput("Jan Nowak", "", "1", "pętla indukcyjna"), DelegateInput("Ewa Lis", "", "2", "")]
    clean, errors = validate_registration(good(delegates=rows), GROUPS)
    assert clean is None and set(errors) == {"delegates.0.needs_consent"}
    assert "zgadza się" in errors["delegates.0.needs_consent"]


def test_text_is_kept_as_typed_apart_from_spacing_and_control_characters():
    assert clean_text("  <b>Klub</b>\x00  Sportowy ") == "<b>Klub</b> Sportowy"
    assert name_key("Stowarzyszenie „Razem”") == name_key('stowarzyszenie "RAZEM"') == "stowarzyszenie razem"
