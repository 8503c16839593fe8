"""Form fields with a visible label, a hint, and an error tied to the field (WCAG 1.3.1, 3.3.1, 3.3.2)."""

from typing import Any, ClassVar

import reflex as rx

from kongres_app import routes
from kongres_app.components import live_link
from kongres_app.states.ui import ErrorItem


def label(text: str, target: str, required: bool) -> rx.Component:
    return rx.el.label(
        text,
        rx.el.span(" (wymagane)" if required else " (nieobowiązkowe)", class_name="field-optionality"),
        html_for=target,
        class_name="field-label",
    )


def error_text(target: str, message) -> rx.Component:
    """Always rendered (empty when fine), so aria-describedby never points at nothing."""
    return rx.el.p(message, id=f"{target}-blad", class_name="field-error")


def hint_text(target: str, hint: str | rx.Var) -> rx.Component:
    # A hint from a state var (it may depend on the installation) is always rendered.
    if isinstance(hint, rx.Var) or hint:
        return rx.el.p(hint, id=f"{target}-pomoc", class_name="field-hint")
    return rx.fragment()


def described_by(target: str, hint: str | rx.Var) -> str:
    return f"{target}-pomoc {target}-blad" if isinstance(hint, rx.Var) or hint else f"{target}-blad"


def text_input(
    target,
    value,
    on_change,
    error,
    *,
    label_text: str,
    required: bool = False,
    hint: str | rx.Var = "",
    input_type: str = "text",
    autocomplete: str | None = None,
    max_length: int | None = None,
    multiline: bool = False,
) -> rx.Component:
    common = {
        "id": target,
        "value": value,
        "on_change": on_change,
        "aria_describedby": described_by(target, hint),
        "aria_invalid": rx.cond(error != "", "true", "false"),
        "aria_required": "true" if required else None,
        "max_length": max_length,
        "auto_complete": autocomplete,
    }
    control = rx.text_area(**common, rows="3", size="3") if multiline else rx.input(**common, type=input_type, size="3")
    return rx.box(
        label(label_text, target, required),
        hint_text(target, hint),
        control,
        error_text(target, error),
        class_name="field",
    )


def select_input(
    target, value, on_change, error, options: list[tuple[str, str]], *, label_text: str, placeholder: str
) -> rx.Component:
    return rx.box(
        label(label_text, target, True),
        rx.el.select(
            rx.el.option(placeholder, value=""),
            *[rx.el.option(text, value=code) for code, text in options],
            id=target,
            value=value,
            on_change=on_change,
            aria_describedby=f"{target}-blad",
            aria_invalid=rx.cond(error != "", "true", "false"),
            aria_required="true",
            class_name="native-select",
        ),
        error_text(target, error),
        class_name="field",
    )


def checkbox_input(target, checked, on_change, error, text, *, required: bool) -> rx.Component:
    return rx.box(
        rx.el.label(
            rx.checkbox(
                id=target,
                checked=checked,
                on_change=on_change,
                aria_labelledby=f"{target}-etykieta",
                aria_describedby=f"{target}-blad",
                aria_invalid=rx.cond(error != "", "true", "false"),
                aria_required="true" if required else None,
                size="3",
            ),
            rx.el.span(
                text,
                rx.el.span(" (wymagane)" if required else " (nieobowiązkowe)"),
                id=f"{target}-etykieta",
            ),
            class_name="checkbox-label",
        ),
        error_text(target, error),
        class_name="field",
    )


def _error_link(item: ErrorItem) -> rx.Component:
    return rx.el.li(
        rx.el.a(
            item.message,
            href="#" + item.target,
            on_click=rx.call_script("document.getElementById('" + item.target + "')?.focus()"),
            class_name="error-link",
        )
    )


def error_summary(items, form_error, summary_id: str = "podsumowanie-bledow") -> rx.Component:
    """The list of problems at the top, each linking to its field; focused after a failed send."""
    return rx.box(
        rx.cond(
            (form_error != "") | (items.length() > 0),
            rx.box(
                rx.heading("Nie udało się wysłać formularza", as_="h2", size="4"),
                rx.cond(form_error != "", rx.text(form_error, as_="p")),
                rx.el.ul(rx.foreach(items, _error_link), class_name="plain-bullets"),
                class_name="error-summary",
            ),
        ),
        id=summary_id,
        tab_index=-1,
        role="alert",
    )


# Live: the page is hydrated and its websocket connected. Until then (and while the link is down) a form
# cannot be sent: the browser's own submit would put the fields into the address (GET) or post them nowhere.
LIVE = live_link.IS_LIVE
OFFLINE_NOTICE = "Brak połączenia z serwerem – formularza nie da się teraz wysłać. Wpisane dane zostają; ponawiamy…"


def live_form(*children: rx.Component, **props: Any) -> rx.Component:
    """A form that only ever submits through its handler, never natively.

    ``method="post"`` keeps fields out of the address even if a browser submitted before the scripts ran, and
    the submit buttons (``submit_button``) are disabled until the page is live: a form whose default button is
    disabled does not submit on Enter (HTML's implicit submission), so nothing leaves early.
    """
    form = rx.form(*children, offline_notice(), method="post", action=routes.FORM_NOT_LIVE, **props)
    # Not in the first HTML: a field typed into before the page is live would show the text but never pass
    # it to the form's state (nothing listens yet), so the send would go out empty. Once live, a form stays
    # (also while the link is down, keeping what was typed).
    return rx.cond(
        rx.State.is_hydrated,
        form,
        rx.text("Formularz będzie gotowy, gdy strona połączy się z serwerem.", as_="p", role="status"),
    )


def submit_button(text: str, **props: Any) -> rx.Component:
    return rx.button(text, type="submit", disabled=~LIVE, **props)


def offline_notice() -> rx.Component:
    """Said where a person would press send, only when the live link failed (no flash on a normal load)."""
    return rx.box(
        rx.cond(live_link.LINK_DOWN, rx.text(OFFLINE_NOTICE, as_="p", class_name="offline-notice")),
        role="status",
        aria_live="polite",
    )


class _NativeForm(rx.Component):
    """A plain HTML ``<form>``: Reflex's own form always cancels the browser's submit to run a handler."""

    tag = "form"
    # Rendered as the HTML element named by the tag (as Reflex's own ``Element`` does), not a JS component.
    _is_tag_in_global_scope: ClassVar[bool] = True
    method: rx.Var[str]
    action: rx.Var[str]


def server_form(*children: rx.Component, action: str, **props: Any) -> rx.Component:
    """A form the server handles itself (login, logout): a plain POST, so it works before the page is live and
    with the live link down, and the session cookie can be set HttpOnly by the response."""
    return _NativeForm.create(*children, method="post", action=action, **props)


def server_submit_button(text: str, **props: Any) -> rx.Component:
    return rx.button(text, type="submit", **props)
