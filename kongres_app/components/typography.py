"""Polish typography applied once, to every page's static text, instead of in several hundred literals.

``typeset_page(build)`` wraps a page function: the text pieces of the built component tree (Reflex's
``Bare`` components holding a literal string) go through ``services.polish.typeset``. Text computed in
the browser (state vars) is not touched here; the services put non-breaking spaces into dates and amounts
themselves."""

from __future__ import annotations

import functools
from collections.abc import Callable

import reflex as rx
from reflex.components.base.bare import Bare  # type: ignore[import-not-found]
from reflex.vars.sequence import LiteralStringVar

from kongres_app.services.polish import typeset

SKIP_TAGS = {"code", "pre", "kbd", "script", "style"}


def typeset_tree(component: rx.Component) -> rx.Component:
    if isinstance(component, Bare) and isinstance(component.contents, LiteralStringVar):
        text = component.contents._var_value
        fixed = typeset(text)
        if fixed != text:
            component.contents = LiteralStringVar.create(fixed)
        return component
    if str(getattr(component, "tag", "") or "").strip('"') in SKIP_TAGS:
        return component
    for child in getattr(component, "children", ()):
        typeset_tree(child)
    return component


def typeset_page(build: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
    @functools.wraps(build)
    def page() -> rx.Component:
        return typeset_tree(build())

    return page
