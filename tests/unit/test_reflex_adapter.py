"""What the live layer takes from Reflex's internals is still there (an upgrade that changes it fails here,
not in the hall), and every var a push writes is declared by its state."""

import importlib
import inspect
import logging

import pytest
import reflex as rx
from reflex.app import EventNamespace

from kongres_app.live import reflex_adapter, rooms


def test_the_internals_read_from_reflex_0_10_are_still_there():
    assert reflex_adapter.READ_FROM == "reflex 0.10.1"
    assert reflex_adapter.delta_key("items") == "items_rx_state_"
    assert "_token_manager" in inspect.getsource(EventNamespace.__init__)
    token = reflex_adapter.tab_state("abc", rx.State)
    assert (token.ident, token.cls) == ("abc", rx.State)
    # The live-link notice reads the browser's connection errors through this Var.
    assert str(reflex_adapter.CONNECTION_ERRORS) == "(connectErrors.length > 0)"
    assert "useContext(EventLoopContext)" in str(reflex_adapter.CONNECTION_ERRORS._get_all_var_data().hooks)


def test_the_loggers_states_limits_bounds_are_the_ones_reflex_reports_events_through():
    """``states.limits`` filters these loggers and parses the wrong-typed-argument warning: a renamed module
    or a reworded warning would let a client's 200 KB argument into the log again, silently."""
    for name in reflex_adapter.EVENT_LOGGERS:
        module = importlib.import_module(name)
        assert isinstance(module.logger, logging.Logger) and module.logger.name == name
    processor = inspect.getsource(importlib.import_module(reflex_adapter.EVENT_LOGGERS[1]))
    assert 'f"Error transforming event payload for handler {handler.fn.__qualname__}: {ex}"' in processor
    assert "f\"Error transforming event argument '{arg}' with value '{value}' and type hint '{hinted_args}'\"" in (
        processor
    )
    assert "logger.warning(" in processor


def test_every_pushed_var_is_declared_and_a_missing_one_stops_the_start(monkeypatch):
    from kongres_app.states.announcements import ANNOUNCEMENTS_PUSH, AnnouncementState

    assert ANNOUNCEMENTS_PUSH in rooms.pushes()  # declared next to its state, still checked at start
    assert rooms.pushed_vars()[AnnouncementState] == {"items"}
    rooms.check_pushed_vars()
    real = rooms.pushed_vars

    def renamed():
        found = real()
        state = next(iter(found))
        return {**found, state: {*found[state], "notes_renamed"}}

    monkeypatch.setattr(rooms, "pushed_vars", renamed)
    with pytest.raises(RuntimeError, match="notes_renamed"):
        rooms.check_pushed_vars()


def test_the_app_is_bound_at_start():
    from kongres_app.kongres_app import app

    assert reflex_adapter.app() is app
