import pytest

from kongres_app.services.ids import parse_count, parse_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        (7, 7),
        (" 3 ", 3),
        ("0", None),
        ("-1", None),
        ("abc", None),
        ("²", None),
        ("1e3", None),
        (str(2**70), None),
        (None, None),
    ],
)
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_parse_count():
    assert parse_count("0") == 0 and parse_count("35") == 35
    assert parse_count("²") is None and parse_count("999999999999") is None
