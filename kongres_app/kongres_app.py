"""The Reflex app: every page registered explicitly."""

from collections.abc import Callable

import reflex as rx
from starlette.applications import Starlette
from starlette.types import ASGIApp

from kongres_app import (
    models,  # noqa: F401  (tables on the metadata Reflex checks)
    offline,
    routes,
)
from kongres_app.api import build_api
from kongres_app.components.layout import connection_notice
from kongres_app.components.typography import typeset_page
from kongres_app.jobs import (
    expire_unconfirmed_forever,
    give_memory_back_forever,
    privacy_duties_forever,
    refresh_campaigns_forever,
    remove_orphan_pictures_forever,
)
from kongres_app.live import reflex_adapter, rooms
from kongres_app.page_paths import PagePaths
from kongres_app.pages.accessibility import accessibility_statement
from kongres_app.pages.boards import board, board_as_of_start, board_projector, groups, plenary, plenary_projector
from kongres_app.pages.campaigns import campaign_as_of_start, campaign_page, campaigns
from kongres_app.pages.crowdfunding_guide import crowdfunding_guide
from kongres_app.pages.grants import grants_admin, grants_page
from kongres_app.pages.home import home
from kongres_app.pages.legal import privacy, rules
from kongres_app.pages.manage import manage
from kongres_app.pages.my_congress import my_congress
from kongres_app.pages.not_found import not_found
from kongres_app.pages.participants import participants
from kongres_app.pages.program import program
from kongres_app.pages.registration import registration
from kongres_app.pages.resend import resend
from kongres_app.pages.staff_admin import settings_page, team_page
from kongres_app.pages.staff_audit import audit_page
from kongres_app.pages.staff_campaigns import staff_campaigns
from kongres_app.pages.staff_check_in import staff_check_in
from kongres_app.pages.staff_dashboard import staff_dashboard
from kongres_app.pages.staff_login import staff_login
from kongres_app.pages.staff_participants import staff_participants
from kongres_app.security_headers import security_headers
from kongres_app.services.polish import typeset
from kongres_app.serving import worker_header
from kongres_app.settings import load_settings
from kongres_app.states import uploads
from kongres_app.states.announcements import AnnouncementState
from kongres_app.states.audit_log import AuditLogState
from kongres_app.states.board_overviews import GroupsState, PlenaryState, board_first_screens
from kongres_app.states.boards import BoardState
from kongres_app.states.campaign_submit import CampaignSubmitState
from kongres_app.states.campaigns import CampaignDetailState, CampaignsState, campaign_first_screens
from kongres_app.states.check_in import CheckInState
from kongres_app.states.congress import CongressState
from kongres_app.states.dashboard import DashboardState
from kongres_app.states.grants import GrantAdminState, GrantsState
from kongres_app.states.limits import ClientLimits, bound_reflex_event_logs
from kongres_app.states.link_delivery import LinkDeliveryState
from kongres_app.states.login import LoginState
from kongres_app.states.manage import ManageState
from kongres_app.states.participants import ParticipantsState
from kongres_app.states.privacy import PrivacyState
from kongres_app.states.staff import StaffState
from kongres_app.states.staff_admin import SettingsState, TeamState
from kongres_app.states.staff_campaigns import StaffCampaignsState
from kongres_app.states.staff_participants import StaffParticipantsState
from kongres_app.upload_guard import upload_guard

TITLE_SUFFIX = "Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego"
DESCRIPTION = (
    "Kongres organizacji pozarządowych powiatu pruszkowskiego: rejestracja, grupy tematyczne, "
    "program dnia i finansowanie społecznościowe."
)

# Innermost first: the API routes, then the upload checks (before Reflex reads an upload's body), then the
# security headers on every response (pages, API, files), then pages served at their own address (no
# redirect to a trailing slash; their paths are added below), then the optional worker header for tests.
page_paths = PagePaths()
_transformers: list[Starlette | Callable[[ASGIApp], ASGIApp]] = [
    build_api(),
    upload_guard(uploads.may_upload, uploads.record_refusal),
    security_headers,
    page_paths,
]
if load_settings().worker_header:
    _transformers.append(worker_header)
app = rx.App(
    html_lang="pl",
    stylesheets=["/kongres.css"],
    # a11y.js blocks in the head, so the remembered text size applies before the first paint, not after hydration
    head_components=[rx.el.script(src="/a11y.js"), *offline.head_scripts(offline.asset_version())],
    api_transformer=_transformers,
)
reflex_adapter.bind(app)  # the live layer reaches the app through this, never by importing this module
rooms.check_pushed_vars()  # a renamed var stops the start instead of silently breaking the boards

# The lost-link notice in Polish instead of Reflex's English toast ("Cannot connect to server…").
app.app_wraps[(5, "Overlay")] = connection_notice
app.app_wraps[(6, "OfflineMarker")] = offline.live_marker  # tells assets/offline*.js that the page is live
app.add_middleware(ClientLimits(), index=0)  # before Reflex applies anything a client sent
bound_reflex_event_logs()  # what a client sent reaches the log only as a bounded summary

PAGES = [
    (home, routes.HOME, "Strona główna", [CongressState.load]),
    (program, routes.PROGRAM, "Program", [CongressState.load]),
    (registration, routes.REGISTRATION, "Rejestracja", [LinkDeliveryState.load, CongressState.load]),
    (
        manage,
        routes.MANAGE,
        "Twoja rejestracja",
        [LinkDeliveryState.load, CongressState.load, ManageState.load, CampaignSubmitState.load],
    ),
    (resend, routes.RESEND_LINK, "Nie mam linku", [LinkDeliveryState.load]),
    (participants, routes.PARTICIPANTS, "Organizacje uczestniczące", [ParticipantsState.load]),
    (groups, routes.GROUPS, "Grupy tematyczne", [GroupsState.load]),
    (board, routes.BOARD, "Tablica grupy", [BoardState.load]),
    (board_projector, routes.BOARD_SCREEN, "Tablica grupy na ekranie", [BoardState.load]),
    (plenary, routes.PLENARY, "Sesja plenarna", [PlenaryState.load]),
    (my_congress, routes.MY_CONGRESS, "Mój kongres", [CongressState.load, BoardState.load_mine]),
    (plenary_projector, routes.PLENARY_SCREEN, "Sesja plenarna na ekranie", [PlenaryState.load]),
    (campaigns, routes.CROWDFUNDING, "Zbiórki organizacji", [CampaignsState.load]),
    (crowdfunding_guide, routes.CROWDFUNDING_GUIDE, "Jak zacząć zbiórkę", []),
    (campaign_page, routes.CAMPAIGN, "Zbiórka", [CampaignDetailState.load]),
    (grants_page, routes.GRANTS, "Otwarte konkursy ofert", [GrantsState.load]),
    (rules, routes.RULES, "Regulamin", [CongressState.load]),
    (privacy, routes.PRIVACY, "Ochrona danych osobowych", [PrivacyState.load]),
    (accessibility_statement, routes.ACCESSIBILITY, "Deklaracja dostępności", [PrivacyState.load]),
    (not_found, routes.NOT_FOUND, "Nie znaleziono strony", []),
    (staff_login, routes.STAFF_LOGIN, "Logowanie organizatorów", [LoginState.load]),
    (staff_dashboard, routes.STAFF_HOME, "Pulpit organizatora", [StaffState.require_organiser, DashboardState.load]),
    (
        staff_participants,
        routes.STAFF_PARTICIPANTS,
        "Uczestnicy (organizator)",
        [StaffState.require_organiser, CongressState.load, StaffParticipantsState.load],
    ),
    (
        staff_check_in,
        routes.STAFF_CHECK_IN,
        "Potwierdzanie obecności",
        [StaffState.require_organiser, CheckInState.camera_starts_off],
    ),
    (grants_admin, routes.STAFF_GRANTS, "Konkursy (organizator)", [StaffState.require_organiser, GrantAdminState.load]),
    (settings_page, routes.STAFF_SETTINGS, "Ustawienia", [StaffState.require_organiser, SettingsState.load]),
    (team_page, routes.STAFF_TEAM, "Zespół", [StaffState.require_organiser, TeamState.load]),
    (audit_page, routes.STAFF_AUDIT, "Dziennik działań", [StaffState.require_organiser, AuditLogState.load]),
    (
        staff_campaigns,
        routes.STAFF_CAMPAIGNS,
        "Zbiórki (organizator)",
        [StaffState.require_organiser, StaffCampaignsState.load],
    ),
]

# Each board and published campaign known at the start also gets a static route: the build prerenders those (not dynamic ones), so
# /grupy/<n> has its notes in the first HTML (kongres_app/first_screen.py).
PAGES += [
    (board_as_of_start(first), routes.board_path(first.number), "Tablica grupy", [BoardState.load])
    for first in board_first_screens()
] + [
    (campaign_as_of_start(first), routes.campaign_path(first.card.id), "Zbiórka", [CampaignDetailState.load])
    for first in campaign_first_screens()
]

page_paths.add(route for _component, route, _title, _on_load in PAGES)

for component, route, title, on_load in PAGES:
    app.add_page(
        typeset_page(component),
        route=route,
        title=typeset(f"{title} – {TITLE_SUFFIX}"),
        description=DESCRIPTION,
        # Every page shows the organisers' live announcements (and rejoins their room after a reconnect).
        on_load=[*on_load, AnnouncementState.load],
    )

app.register_lifespan_task(refresh_campaigns_forever)
app.register_lifespan_task(give_memory_back_forever)
app.register_lifespan_task(expire_unconfirmed_forever)
app.register_lifespan_task(privacy_duties_forever)
app.register_lifespan_task(remove_orphan_pictures_forever)
app.register_lifespan_task(rooms.relay_forever)
app.register_lifespan_task(rooms.announcements_forever)
app.register_lifespan_task(rooms.watch_moderators_forever)
