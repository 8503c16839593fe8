"""The question asked wherever someone withdraws: what happens to their notes on the group boards."""

from typing import Any

import reflex as rx

from kongres_app.services.boards import KEEP_NOTES, REMOVE_NOTES, WITHDRAWN_AUTHOR

OPTIONS = (
    (KEEP_NOTES, f"Zostaw je bez imienia i nazwiska (będą podpisane: „{WITHDRAWN_AUTHOR}”)"),
    (REMOVE_NOTES, "Usuń je z tablicy"),
)


def notes_question(prefix: str, legend: str, on_choose: Any) -> rx.Component:
    """Two radio buttons, ``KEEP_NOTES`` chosen first; ``on_choose(value)`` is the state's setter.

    Uncontrolled, as in the organisers' dialogs: the question is rendered anew each time it is asked
    (and the handler that asks it resets the state's choice to ``KEEP_NOTES``)."""
    return rx.el.fieldset(
        rx.el.legend(legend, class_name="field-label"),
        *[
            rx.el.div(
                rx.el.input(
                    type="radio",
                    id=f"{prefix}-{value}",
                    name=f"{prefix}-notatki",
                    value=value,
                    default_checked=value == KEEP_NOTES,
                    on_change=on_choose(value),
                ),
                rx.el.label(label, html_for=f"{prefix}-{value}"),
                class_name="radio-row",
            )
            for value, label in OPTIONS
        ],
        class_name="radio-group",
    )
