"""What the live layer takes from Reflex's internals is still there (an upgrade that changes it fails here,
not in the hall), and every var a push writes is declared by its state."""

import inspect

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


def test_every_pushed_var_is_declared_and_a_missing_one_stops_the_start(monkeypatch):
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
