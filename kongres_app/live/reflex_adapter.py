"""The only place that reaches past Reflex's public API, read from Reflex 0.10.1.

Reflex 0.10 has no public way to ask whether a tab is connected (on the server, or in the browser as a Var), to name a tab's state for
``app.modify_state``, to spell the keys of a delta sent straight to a socket.io room, or to name the loggers
through which it reports a client's events; these helpers do, and ``tests/unit/test_reflex_adapter.py`` fails
when an upgrade changes what they rely on. The app hands
itself over at start (``bind``), so no state module imports the app module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflex.istate.manager.token import BaseStateToken
from reflex_base.constants.state import FIELD_MARKER
from reflex_components_core.core.banner import has_connection_errors

# Whether the browser's websocket reported a connection error (a frontend Var; Reflex's own connection
# banner uses it): ``components/live_link.py`` builds the page's live-link notice on it.
CONNECTION_ERRORS = has_connection_errors

if TYPE_CHECKING:
    import reflex as rx

READ_FROM = "reflex 0.10.1"

# The loggers that write a client's event (and a wrong-typed argument of it, whole) to the log: module names
# of Reflex's internals (``logging.getLogger(__name__)`` there), filtered by ``states.limits``.
EVENT_LOGGERS = (
    "reflex.app",
    "reflex_base.event.processor.base_state_processor",
    "reflex_base.event.processor.event_processor",
)
_app: rx.App | None = None


def bind(app: rx.App) -> None:
    global _app
    _app = app


def app() -> rx.App:
    if _app is None:
        raise RuntimeError("The live layer is used before kongres_app.kongres_app bound the app.")
    return _app


def namespace() -> Any:
    """The socket.io namespace of Reflex's events (rooms, emits), or None before the server runs."""
    return app().event_namespace


async def tab_connected(token: str) -> bool:
    """Whether a tab (its client token) has a live socket on any worker; True when it cannot be known."""
    manager = getattr(namespace(), "_token_manager", None)
    return True if manager is None else bool(await manager.is_token_connected(token))


def tab_state(token: str, state_cls: type[rx.State]) -> BaseStateToken:
    """What ``app.modify_state`` / ``app.state_manager.get_state`` take to reach one tab's state."""
    return BaseStateToken(ident=token, cls=state_cls)


def delta_key(var_name: str) -> str:
    """The key of a var in a delta sent to the browser."""
    return f"{var_name}{FIELD_MARKER}"
