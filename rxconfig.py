"""Reflex configuration: everything that varies comes from the environment (see README)."""

import reflex as rx

from kongres_app.serving import respawn_killed_workers
from kongres_app.settings import load_settings

settings = load_settings()
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
