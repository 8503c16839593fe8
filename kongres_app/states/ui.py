"""Small things every page's handlers share: form field ids, moving keyboard focus, error summary items."""

import json
from dataclasses import dataclass

import reflex as rx
from reflex.event import EventSpec


def field_id(name: str) -> str:
    """``delegates.0.email`` → ``pole-delegates-0-email``: the id of a form field and, with ``-blad``, its error."""
    return f"pole-{name.replace('.', '-')}"


def focus(element_id: str) -> EventSpec:
    """Move keyboard focus to an element by id (works for ids rendered inside foreach too)."""
    return rx.call_script(f"document.getElementById({json.dumps(element_id)})?.focus()")


@dataclass
class ErrorItem:
    """One line of a form's error summary: the field it links to and its message."""

    target: str = ""
    message: str = ""
