"""What the public pages show before (or without) the live link: their content in the server's first HTML.

Reflex 0.10's production build prerenders every static route to HTML at build time, with each state's
initial values; it keeps no server renderer to run per request (its React Router config has ``ssr: false``
and no server bundle is shipped). So the public states take their initial values from a snapshot of the
database written just before the app starts (``python -m kongres_app.cli first-screen``, which ``make run``
runs): the build bakes them into the pages, and the first hydration's ``on_load`` replaces whatever changed
since. The compiling process and every backend worker read the same file, so the values Reflex diffs the
first hydration against are exactly those the page was built with.

A section is a function of a database session returning ``{var: value}`` for one state; the state's own
``load`` applies the same function, so the first HTML and the live page cannot disagree about what is shown.
Only public, non-personal data belongs here: the file is baked into pages everyone downloads.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter
from pydantic_core import to_jsonable_python
from sqlmodel import Session

from kongres_app.settings import load_settings

T = TypeVar("T")
Values = dict[str, Any]
logger = logging.getLogger(__name__)

_SECTIONS: dict[str, Callable[[Session], Values]] = {}


class Section:
    """``CONGRESS = Section("congress", congress_values)``; then in the state
    ``edition: EditionView = CONGRESS.initial("edition", EditionView, EditionView())``."""

    def __init__(self, name: str, values: Callable[[Session], Values]):
        if name in _SECTIONS:
            raise ValueError(f"first-screen section {name!r} is defined twice")
        self.name, self.values = name, values
        _SECTIONS[name] = values

    def load_into(self, state: object, session: Session) -> None:
        """What the state's ``load`` does: the same values as the snapshot, fresh."""
        for var, value in self.values(session).items():
            setattr(state, var, value)

    def names(self) -> list[str]:
        """The names the snapshot holds for this section (for a section keyed by route, e.g. board numbers)."""
        return sorted(_read(str(load_settings().first_screen_file)).get(self.name, {}))

    def get(self, key: str, type_: type[T]) -> T | None:
        """One entry of a section keyed by route (see ``names``), or None."""
        return self.initial(key, type_, None)

    def initial(self, var: str, type_: Any, fallback: T) -> T:
        """The var's value as of the snapshot, or ``fallback`` (the state's plain default) without one."""
        raw = _read(str(load_settings().first_screen_file)).get(self.name, {})
        if var not in raw:
            return fallback
        try:
            return TypeAdapter(type_).validate_python(raw[var])
        except ValueError:  # a snapshot from an older layout: the page loads live, as without one
            logger.warning("first-screen value %s.%s does not fit its type; using the default", self.name, var)
            return fallback


@cache
def _read(path: str) -> dict[str, Values]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        logger.warning("first-screen snapshot %s is unreadable; pages load live only", path)
        return {}
    return data if isinstance(data, dict) else {}


def snapshot(session: Session) -> dict[str, Values]:
    return {name: to_jsonable_python(values(session)) for name, values in sorted(_SECTIONS.items())}


def write(session: Session, path: Path) -> Path:
    """Write every registered section (the states' modules must be imported first: they register them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(snapshot(session), ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)  # a worker starting meanwhile reads the old file or the new one, never half of one
    return path
