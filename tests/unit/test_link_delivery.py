"""What the pages promise about the management link: mail only when mail is on; the organisers' contact."""

from sqlmodel import select

from kongres_app.db import session_scope
from kongres_app.models import SiteSetting
from kongres_app.services.link_delivery import link_delivery

PROMISES_OF_MAIL = ("wyślemy", "przyjdzie", "wysyłamy go")


def texts(delivery) -> list[str]:
    return [
        delivery.intro,
        delivery.email_hint,
        delivery.edit_email_hint,
        delivery.before_submit,
        delivery.duplicate_offer,
        delivery.resend_intro,
    ]


def test_with_mail_off_no_screen_promises_a_message(seeded_engine):
    with session_scope(seeded_engine) as session:
        off = link_delivery(session, mail_on=False)
    assert off.mail_on is False
    for text in texts(off):
        assert text and not any(promise in text.lower() for promise in PROMISES_OF_MAIL), text
    assert "na ekranie" in off.email_hint and "zapisz" in off.email_hint.lower()
    assert "pokażemy tylko na ekranie" in off.intro
    assert "wydadzą organizatorzy" in off.resend_intro
    assert off.duplicate_offer == "Jak dostać nowy link"


def test_with_mail_on_the_link_is_promised_by_mail(seeded_engine):
    with session_scope(seeded_engine) as session:
        on = link_delivery(session, mail_on=True)
    assert on.mail_on is True
    assert "wyślemy" in on.email_hint and "e-mail" in on.intro
    assert on.duplicate_offer == "Wyślij mi link jeszcze raz"
    assert "Wyślemy na niego nowy link do zarządzania rejestracją" in on.resend_intro


def test_organiser_contact_comes_from_the_settings_else_from_the_edition(seeded_engine):
    with session_scope(seeded_engine) as session:
        setting = session.exec(select(SiteSetting).where(SiteSetting.key == "organiser_contact")).one()
        setting.value = "tel. 22 738 14 00, kongres@powiat.example"
        session.add(setting)
    with session_scope(seeded_engine) as session:
        assert link_delivery(session, mail_on=False).organiser_contact == "tel. 22 738 14 00, kongres@powiat.example"
        setting = session.exec(select(SiteSetting).where(SiteSetting.key == "organiser_contact")).one()
        setting.value = ""
        session.add(setting)
    with session_scope(seeded_engine) as session:
        contact = link_delivery(session, mail_on=False).organiser_contact
    assert "Starostwo Powiatowe w Pruszkowie" in contact and "ul. Drzymały 30" in contact
