"""The organisation form, used to register and to edit via the management link."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.services.dictionaries import GMINAS, LEGAL_FORMS, MAX_DELEGATES
from kongres_app.services.polish import people_up_to
from kongres_app.services.validation import LIMITS
from kongres_app.states.congress import CongressState
from kongres_app.states.registration_form import DelegateRow
from kongres_app.states.ui import field_id


def _text(state, name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        field_id(name),
        getattr(state, name),
        lambda value: state.set_field(name, value),
        state.errors.get(name, ""),
        label_text=label,
        **{"max_length": LIMITS.get(name), **kwargs},
    )


def organisation_fields(state) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("Organizacja", class_name="legend"),
        _text(state, "org_name", "Nazwa organizacji", required=True, autocomplete="organization"),
        forms.select_input(
            field_id("legal_form"),
            state.legal_form,
            lambda value: state.set_field("legal_form", value),
            state.errors.get("legal_form", ""),
            list(LEGAL_FORMS.items()),
            label_text="Forma prawna",
            placeholder="— wybierz formę prawną —",
        ),
        _text(
            state,
            "krs",
            "Numer KRS",
            hint="10 cyfr. Grupy nieformalne i organizacje bez wpisu zostawiają to pole puste.",
            max_length=14,
        ),
        forms.select_input(
            field_id("gmina"),
            state.gmina,
            lambda value: state.set_field("gmina", value),
            state.errors.get("gmina", ""),
            list(GMINAS.items()),
            label_text="Gmina, w której działa organizacja",
            placeholder="— wybierz gminę —",
        ),
        class_name="form-section",
    )


def contact_fields(state, email_hint: str | rx.Var) -> rx.Component:
    """``email_hint`` says whether the link is mailed to this address (see services.link_delivery)."""
    return rx.el.fieldset(
        rx.el.legend("Osoba do kontaktu", class_name="legend"),
        _text(state, "contact_name", "Imię i nazwisko", required=True, autocomplete="name"),
        _text(
            state,
            "email",
            "Adres e-mail",
            required=True,
            input_type="email",
            autocomplete="email",
            hint=email_hint,
        ),
        _text(state, "phone", "Telefon", input_type="tel", autocomplete="tel"),
        class_name="form-section",
    )


def _group_options() -> list[rx.Component]:
    return [
        rx.el.option("— wybierz grupę —", value=""),
        rx.foreach(
            CongressState.edition.groups,
            lambda g: rx.el.option(f"Grupa {g.roman} – {g.name}", value=g.number.to_string()),
        ),
    ]


def delegate_row(state, row: DelegateRow, index) -> rx.Component:
    number = index + 1
    prefix = f"pole-delegates-{index}-"
    return rx.el.fieldset(
        rx.el.legend(f"Osoba {number}", class_name="legend-small"),
        forms.text_input(
            prefix + "full_name",
            row.full_name,
            lambda value: state.set_delegate_field(index, "full_name", value),
            row.full_name_error,
            label_text="Imię i nazwisko",
            required=True,
            max_length=LIMITS["full_name"],
        ),
        forms.text_input(
            prefix + "email",
            row.email,
            lambda value: state.set_delegate_field(index, "email", value),
            row.email_error,
            label_text="Adres e-mail",
            input_type="email",
            max_length=LIMITS["email"],
        ),
        rx.box(
            forms.label("Grupa tematyczna", prefix + "group_number", True),
            rx.el.select(
                *_group_options(),
                id=prefix + "group_number",
                value=row.group_number,
                on_change=lambda value: state.set_delegate_field(index, "group_number", value),
                aria_describedby=prefix + "group_number-blad",
                aria_invalid=rx.cond(row.group_number_error != "", "true", "false"),
                aria_required="true",
                class_name="native-select",
            ),
            forms.error_text(prefix + "group_number", row.group_number_error),
            class_name="field",
        ),
        forms.text_input(
            prefix + "accessibility_needs",
            row.accessibility_needs,
            lambda value: state.set_delegate_field(index, "accessibility_needs", value),
            row.accessibility_needs_error,
            label_text="Potrzeby związane z dostępnością",
            hint="Np. wózek, pętla indukcyjna, tłumacz języka migowego, dieta. Zobaczą je tylko organizatorzy; "
            "usuniemy je po kongresie.",
            max_length=LIMITS["accessibility_needs"],
            multiline=True,
        ),
        rx.cond(
            row.accessibility_needs != "",
            forms.checkbox_input(
                prefix + "needs_consent",
                row.needs_consent,
                lambda checked: state.set_needs_consent(index, checked),
                row.needs_consent_error,
                "Ta osoba zgadza się, aby przekazać organizatorom informacje o jej potrzebach i aby organizatorzy "
                "przetwarzali je tylko po to, by je zapewnić (art. 9 ust. 2 lit. a RODO). Zgodę można cofnąć, "
                "usuwając opis.",
                required=True,
            ),
        ),
        rx.cond(
            state.delegates.length() > 1,
            rx.button(
                rx.icon("trash-2", size=16, aria_hidden="true"),
                f"Usuń osobę {number}",
                type="button",
                variant="soft",
                color_scheme="red",
                on_click=state.remove_delegate(index),
            ),
        ),
        class_name="delegate-row",
    )


def delegate_fields(state) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("Kto przyjdzie na kongres", class_name="legend"),
        rx.text(
            f"Zgłoś od 1 do {people_up_to(MAX_DELEGATES)}. Każda wybiera grupę tematyczną, w której będzie pracować. "
            "Gdy w grupie zabraknie miejsc, osoba trafi na listę rezerwową i dostanie miejsce, gdy się zwolni.",
            as_="p",
            margin_bottom="3",
        ),
        rx.el.p(state.errors.get("delegates", ""), id="pole-delegates-blad", class_name="field-error"),
        rx.foreach(state.delegates, lambda row, i: delegate_row(state, row, i)),
        rx.cond(
            state.delegates.length() < MAX_DELEGATES,
            rx.button(
                rx.icon("user-plus", size=16, aria_hidden="true"),
                "Dodaj osobę",
                type="button",
                variant="outline",
                id="dodaj-osobe",
                on_click=state.add_delegate,
            ),
            rx.text(f"Zgłoszono największą możliwą liczbę osób ({MAX_DELEGATES}).", id="dodaj-osobe", tab_index=-1),
        ),
        class_name="form-section",
    )


def consent_fields(state) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("Zgody", class_name="legend"),
        forms.checkbox_input(
            field_id("consent_rules"),
            state.consent_rules,
            lambda checked: state.set_consent("consent_rules", checked),
            state.errors.get("consent_rules", ""),
            rx.el.span(
                "Akceptuję ",
                rx.link("regulamin kongresu", href=routes.RULES, is_external=True, underline="always"),
                " (otwiera się w nowej karcie).",
            ),
            required=True,
        ),
        forms.checkbox_input(
            field_id("consent_publish_name"),
            state.consent_publish_name,
            lambda checked: state.set_consent("consent_publish_name", checked),
            "",
            "Zgadzam się na opublikowanie nazwy organizacji na publicznej liście uczestników.",
            required=False,
        ),
        rx.text(
            "O zgodzie na zdjęcia każda zgłoszona osoba decyduje sama, po wpisaniu swojego kodu wejścia na stronie "
            "„Mój kongres”. Dopóki tego nie zrobi, nie publikujemy zdjęć, na których ją widać.",
            as_="p",
            size="2",
        ),
        class_name="form-section",
    )
