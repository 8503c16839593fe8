"""Polish typography on every page: no one-letter word, "r." or "zł" left alone at a line's end or start,
spaced en dashes. The pages are built as the app builds them and their static text is read back."""

import pytest
from reflex.components.base.bare import Bare  # type: ignore[import-untyped]
from reflex.vars.sequence import LiteralStringVar

from kongres_app.components.typography import typeset_page
from kongres_app.services.polish import NBSP, typeset


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("Dodaj notatkę w grupie i zagłosuj", f"Dodaj notatkę w{NBSP}grupie i{NBSP}zagłosuj"),
        ("Rejestracja - krok 2 — zgody", "Rejestracja – krok 2 – zgody"),
        ("4 marca 2017 r., godz. 10:00", f"4 marca 2017{NBSP}r., godz.{NBSP}10:00"),
        ("dotacja 50 000 zł", f"dotacja 50 000{NBSP}zł"),
        ("art. 13 ust. 2 pkt 7", f"art.{NBSP}13 ust.{NBSP}2 pkt{NBSP}7"),
        ("kod ABCD-2345, e-mail a@b.pl, https://x.pl/a b", "kod ABCD-2345, e-mail a@b.pl, https://x.pl/a b"),
    ],
)
def test_typeset(raw, fixed):
    assert typeset(raw) == fixed
    assert typeset(fixed) == fixed  # idempotent


def _texts(component):
    if isinstance(component, Bare) and isinstance(component.contents, LiteralStringVar):
        yield component.contents._var_value
    for child in getattr(component, "children", ()):
        yield from _texts(child)


def test_every_pages_static_text_is_typeset():
    from kongres_app.kongres_app import PAGES

    offenders = []
    raw_fixes = seen = 0
    for build, route, _title, _on_load in PAGES:
        raw_fixes += sum(typeset(text) != text for text in _texts(build()))
        for text in _texts(typeset_page(build)()):
            seen += 1
            if typeset(text) != text:
                offenders.append(f"{route}: {text!r}")
    assert seen > 300 and raw_fixes > 100  # the walk reaches the pages' text, and the text needed it
    assert not offenders, "\n".join(offenders)
