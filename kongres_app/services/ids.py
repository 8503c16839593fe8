"""Ids and numbers a browser sends: parsed defensively, never trusted to be well-formed."""

MAX_ID = 2**31 - 1


def parse_id(value: object) -> int | None:
    """A positive database id from whatever a client sent, or None."""
    text = str(value).strip()
    if not text.isascii() or not text.isdecimal() or len(text) > 10:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_count(value: object, maximum: int = 1_000_000) -> int | None:
    """A non-negative whole number (capacities, minutes) or None."""
    text = str(value).strip()
    if not text.isascii() or not text.isdecimal() or len(text) > 9:
        return None
    number = int(text)
    return number if number <= maximum else None
