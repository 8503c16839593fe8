"""The one error a service raises when a person asked for something that cannot be done."""

from __future__ import annotations


class UserError(Exception):
    """Nothing was changed; ``message`` says why, in Polish, for the person; ``field`` is the form field it
    belongs to, and ``errors`` maps several fields to their messages when a whole form was refused."""

    def __init__(self, message: str = "", field: str | None = None, errors: dict[str, str] | None = None):
        self.errors: dict[str, str] = errors or {}
        self.message = message or "; ".join(self.errors.values())
        self.field = field
        super().__init__(self.message)


class FormErrors(UserError):
    """A whole form refused: each field with its message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors=errors)
