"""Polish that a county office would publish: counted words through one helper, no gendered address to a
person of unknown gender."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kongres_app.services import grants, organiser
from kongres_app.services.polish import (
    chars,
    count,
    days,
    days_left,
    notes,
    of_places,
    people_at_most,
    people_up_to,
    places,
)

NUMBERS = (0, 1, 2, 5, 12, 22, 25)
PACKAGE = Path(__file__).resolve().parents[2] / "kongres_app"


@pytest.mark.parametrize(
    ("helper", "forms"),
    [
        (chars, {0: "znaków", 1: "znak", 2: "znaki", 5: "znaków", 12: "znaków", 22: "znaki", 25: "znaków"}),
        (places, {0: "miejsc", 1: "miejsce", 2: "miejsca", 5: "miejsc", 12: "miejsc", 22: "miejsca", 25: "miejsc"}),
        (notes, {0: "notatek", 1: "notatka", 2: "notatki", 5: "notatek", 12: "notatek", 22: "notatki", 25: "notatek"}),
        (days, {0: "dni", 1: "dzień", 2: "dni", 5: "dni", 12: "dni", 22: "dni", 25: "dni"}),
    ],
)
def test_counted_words(helper, forms):
    assert [helper(n) for n in NUMBERS] == [f"{n} {forms[n]}" for n in NUMBERS]


def test_counted_messages_agree_with_their_number():
    assert [days_left(n) for n in (1, 2, 5, 22)] == [
        "został 1 dzień",
        "zostały 2 dni",
        "zostało 5 dni",
        "zostały 22 dni",
    ]
    assert [of_places(n) for n in (1, 2, 5)] == ["1 miejsca", "2 miejsc", "5 miejsc"]
    assert organiser.capacity_message(2, 32, 0) == "Grupa II ma teraz 32 miejsca."  # and nobody was promoted
    assert organiser.capacity_message(1, 5, 1).endswith("Z listy rezerwowej miejsce dostała 1 osoba.")
    assert organiser.capacity_message(1, 5, 3).endswith("Z listy rezerwowej miejsce dostały 3 osoby.")
    assert organiser.capacity_message(1, 5, 12).endswith("Z listy rezerwowej miejsce dostało 12 osób.")
    assert [people_at_most(n) for n in (1, 2, 5)] == ["1 osobę", "2 osoby", "5 osób"]
    assert [people_up_to(n) for n in (1, 2, 5)] == ["1 osoby", "2 osób", "5 osób"]
    assert "co najmniej 21 dni od ogłoszenia" in grants.short_notice_message(datetime(2026, 12, 1, 12, tzinfo=UTC))
    assert count(254, "znak", "znaki", "znaków") == "254 znaki"


# A number followed by a counted word inside an f-string: it must go through the helpers instead.
COUNTED = re.compile(r"\{[^{}]+\}\s(znaków|znaki|dni|dzień|miejsc|miejsca|notatek|osób|organizacji|zbiórek)\b")
# Past-tense forms that assume a gender ("Dostała(-a)", "dodałeś(-aś)", "zarejestrowany"): say it neutrally.
GENDERED = re.compile(r"\((-?a|-aś|-łaś|-ła)\)|łeś\b|łaś\b|\b[Jj]uż zarejestrowany\b|\bniezalogowany\b")


def _strings(path: Path):
    for number, line in enumerate(path.read_text().splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        for literal in re.findall(r'"([^"\\]*(?:\\.[^"\\]*)*)"', line):
            yield number, literal


def test_no_counted_word_is_written_by_hand():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "polish.py"
        for number, text in _strings(path)
        if COUNTED.search(text)
    ]
    assert not offenders, "Use kongres_app.services.polish (count, chars, days, places, notes):\n" + "\n".join(
        offenders
    )


def test_no_gendered_address_in_user_facing_strings():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, text in _strings(path)
        if GENDERED.search(text)
    ]
    assert not offenders, "Say it without assuming a gender:\n" + "\n".join(offenders)


def test_settings_name_every_fact_still_missing_before_publication():
    from kongres_app.services.congress import SETTING_TEXTS, missing_facts
    from kongres_app.services.seed import read_seed_file

    seeded = {k: str(v) for k, v in read_seed_file().get("settings", {}).items()}
    missing = missing_facts(seeded)
    assert "Kontakt do inspektora ochrony danych" in missing and "Odbiorcy danych" in missing
    assert "Administrator danych" not in missing  # the seed names the controller
    assert missing_facts({key: "uzupełnione" for key in SETTING_TEXTS}) == []
