import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Campaign
from kongres_app.services import auth, campaign_admin
from kongres_app.services import campaigns as cs
from tests.factories import CAMPAIGN_TODAY, campaign_input, make_user


def clean(**values) -> cs.CleanCampaign:
    data, errors = cs.validate_campaign(campaign_input(**values), today=CAMPAIGN_TODAY)
    assert not errors, errors
    return data


def test_organisers_add_published_campaigns_and_edit_them(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        campaign_id = campaign_admin.create_direct(session, organiser, clean())
    with session_scope(seeded_engine) as session:
        values, hidden, image = campaign_admin.form_values(session, organiser, campaign_id)
        assert not hidden and image == ""
    with session_scope(seeded_engine) as session:
        campaign_admin.edit(session, organiser, campaign_id, clean(title="Poprawiony tytuł zbiórki"))
    with Session(seeded_engine) as session:
        stored = session.get(Campaign, campaign_id)
        assert stored.status == "opublikowana" and stored.verified and stored.title == "Poprawiony tytuł zbiórki"
    assert values["title"] == clean().title


def test_only_organisers_add_or_edit(seeded_engine):
    facilitator = make_user(seeded_engine, username="mod", role=auth.FACILITATOR, group=1)
    for actor in (None, facilitator):
        with pytest.raises(auth.PermissionDenied), session_scope(seeded_engine) as session:
            campaign_admin.create_direct(session, actor, clean())
    with Session(seeded_engine) as session:
        assert session.exec(select(Campaign)).first() is None
