"""``event``: Reflex's ``rx.event`` decorator, with a signature mypy can read.

``rx.event`` is the class ``EventNamespace``, whose ``__new__`` overloads return ``EventCallback[*P]``.
Its class body also rebinds ``EventCallback = EventCallback``, and mypy resolves the annotation to that
class attribute, a variable rather than a type: the overloads collapse, every decorated handler types as
an ``EventNamespace`` instance, and ``SomeState.handler(arg)`` is "not callable". Pyright reads the
overloads as intended.

At run time this is exactly ``rx.event``; only the static signature below is restated, so mypy checks the
arguments pages pass to handlers against the handlers' own parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, TypeVarTuple, overload

import reflex as rx

if TYPE_CHECKING:
    from reflex.event import EventCallback
    from reflex.state import BaseState

    S = TypeVar("S", bound=BaseState)
    P = TypeVarTuple("P")

    @overload
    def event(func: Callable[[S, *P], Any], /) -> EventCallback[*P]: ...

    @overload
    def event(
        *,
        background: bool | None = None,
        supersedes: bool | None = None,
        stop_propagation: bool | None = None,
        prevent_default: bool | None = None,
        throttle: int | None = None,
        debounce: int | None = None,
        temporal: bool | None = None,
    ) -> Callable[[Callable[[S, *P], Any]], EventCallback[*P]]: ...

    def event(func: Any = None, /, **options: Any) -> Any: ...

else:
    event = rx.event
