"""Reflex configuration: everything that varies comes from the environment (see README)."""

import os

import reflex as rx

from kongres_app.serving import respawn_killed_workers
from kongres_app.settings import load_settings
from kongres_app.states.limits import MAX_MESSAGE_BYTES

settings = load_settings()
# No client message over 64 KiB (Reflex's default is 1 MB): see kongres_app/states/limits.py.
os.environ.setdefault("REFLEX_SOCKET_MAX_HTTP_BUFFER_SIZE", str(MAX_MESSAGE_BYTES))
respawn_killed_workers()  # one crashed worker must not stop the others (see kongres_app/serving.py)

config = rx.Config(
    app_name="kongres_app",
    db_url=settings.db_url,
    redis_url=settings.redis_url,
    frontend_port=settings.port,
    backend_port=settings.port,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(
                appearance="light",
                accent_color="indigo",
                gray_color="slate",
                radius="medium",
                scaling="100%",
            )
        ),
        rx.plugins.SitemapPlugin(),
    ],
)
