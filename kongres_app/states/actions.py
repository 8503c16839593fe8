"""How a handler runs a service call: in the bounded thread pool (synchronous database work and password
hashing never run on the event loop that serves every tab), in one transaction, with a refusal turned into
the Polish message the page shows. One place instead of a try/except copied into every state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.errors import UserError

T = TypeVar("T")
NO_RIGHTS = "Brak uprawnień: tylko organizator może to zrobić."


@dataclass
class Outcome(Generic[T]):
    value: T | None = None
    message: str = ""  # why it was refused (Polish); empty when it worked
    target: str | None = None  # the form field the refusal belongs to
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.message


def _in_transaction(action: Callable[[Session], T]) -> T:
    with session_scope() as session:
        return action(session)


async def attempt(action: Callable[[Session], T], *, denied: str = NO_RIGHTS) -> Outcome[T]:
    """``await attempt(lambda session: service.do(session=session, actor=staff, ...))``."""
    try:
        return Outcome(value=await in_thread(_in_transaction, action))
    except PermissionDenied:
        return Outcome(message=denied)
    except UserError as exc:
        return Outcome(message=exc.message, target=exc.field, errors=exc.errors)
