"""Fixtures the unit test modules share (their builders are in ``tests/factories.py``)."""

import pytest
from sqlalchemy.engine import Engine

from kongres_app.services import auth
from tests.factories import staff_accounts


@pytest.fixture
def staff(seeded_engine: Engine) -> dict[str, auth.Staff]:
    """An organiser (``staff["organiser"]``) and group 1's facilitator (``staff["facilitator"]``)."""
    return staff_accounts(seeded_engine)
