"""The Reflex app: every page registered explicitly."""

import reflex as rx

from kongres_app import (
    models,  # noqa: F401  (tables on the metadata Reflex checks)
    routes,
)
from kongres_app.api import build_api
from kongres_app.pages.home import home
from kongres_app.pages.program import program
from kongres_app.states.congress import CongressState

TITLE_SUFFIX = "Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego"
DESCRIPTION = (
    "Kongres organizacji pozarządowych powiatu pruszkowskiego: rejestracja, grupy tematyczne, "
    "program dnia i finansowanie społecznościowe."
)

app = rx.App(
    html_lang="pl",
    stylesheets=["/kongres.css"],
    api_transformer=build_api(),
)

app.add_page(
    home,
    route=routes.HOME,
    title=f"Strona główna – {TITLE_SUFFIX}",
    description=DESCRIPTION,
    on_load=CongressState.load,
)
app.add_page(
    program,
    route=routes.PROGRAM,
    title=f"Program – {TITLE_SUFFIX}",
    description=DESCRIPTION,
    on_load=CongressState.load,
)
