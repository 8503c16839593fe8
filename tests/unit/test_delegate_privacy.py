"""The delegate's own data: photo consent, health data kept only with consent and only for a while,
the art. 14 information mailed once."""

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Delegate, Edition
from kongres_app.services import delegate_privacy as dp
from kongres_app.services import organiser
from kongres_app.services import registration as reg
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration

NOW = datetime(2017, 2, 1, 10, tzinfo=UTC)


def _register(engine, email: str = "", needs: str = "pętla indukcyjna") -> int:
    clean, errors = validate_registration(
        RegistrationInput(
            org_name="Fundacja Prywatności",
            legal_form="fundacja",
            gmina="brwinow",
            contact_name="Maria Kontakt",
            email="maria@example.pl",
            delegates=[DelegateInput("Jan Delegat", email, "1", needs, needs_consent=bool(needs))],
            consent_rules=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors and clean is not None
    with session_scope(engine) as session:
        edition = session.exec(select(Edition)).one()
        edition.registration_opens_at, edition.registration_closes_at = NOW - timedelta(days=1), NOW + timedelta(days=9)
        session.add(edition)
    with session_scope(engine) as session:
        reg.register(session=session, data=clean, now=NOW)
    with Session(engine) as session:
        return session.exec(select(Delegate.id).where(Delegate.full_name == "Jan Delegat")).one()


def test_needs_are_stored_with_the_date_of_consent_and_photos_default_to_no(seeded_engine):
    delegate_id = _register(seeded_engine)
    with Session(seeded_engine) as session:
        delegate = session.get(Delegate, delegate_id)
        assert delegate.needs_consent_at is not None and delegate.image_consent is False
        data = dp.my_data(session, delegate_id)
    assert data.contact_name == "Maria Kontakt" and data.org_name == "Fundacja Prywatności"
    assert data.has_needs and data.needs_erased_on == "3 kwietnia 2017\u00a0r."  # 4 March + 30 days


def test_the_person_decides_on_photos_and_erases_their_needs(seeded_engine):
    delegate_id = _register(seeded_engine)
    with session_scope(seeded_engine) as session:
        assert dp.set_image_consent(session, delegate_id, True)
    with Session(seeded_engine) as session:
        [row] = organiser.export_rows([r for r in _all_rows(session) if r.full_name == "Jan Delegat"])[1:]
        assert row[organiser.EXPORT_COLUMNS.index(("Zgoda na zdjęcia", "image_consent"))] == "tak"
    with session_scope(seeded_engine) as session:
        dp.erase_needs(session, delegate_id)
    with Session(seeded_engine) as session:
        delegate = session.get(Delegate, delegate_id)
        assert (delegate.accessibility_needs, delegate.needs_consent_at, delegate.image_consent) == ("", None, True)


def _all_rows(session):
    from kongres_app.services.organiser import ParticipantFilter, _participants_query, _row

    edition = session.exec(select(Edition)).one()
    return [_row(*r) for r in session.exec(_participants_query(edition.id, ParticipantFilter())).all()]


def test_needs_are_erased_once_the_retention_time_after_the_congress_is_over(seeded_engine):
    delegate_id = _register(seeded_engine)
    congress = date(2017, 3, 4)
    with session_scope(seeded_engine) as session:
        at = datetime(2017, 4, 3, 12, tzinfo=UTC)  # exactly 30 days after: still kept
        assert dp.erase_needs_after_congress(session, now=at, retention=timedelta(days=30)) == 0
    with session_scope(seeded_engine) as session:
        at = datetime.combine(congress + timedelta(days=31), datetime.min.time(), UTC)
        assert dp.erase_needs_after_congress(session, now=at, retention=timedelta(days=30)) == 1
    with Session(seeded_engine) as session:
        assert session.get(Delegate, delegate_id).accessibility_needs == ""


def test_the_information_mail_goes_once_to_people_with_their_own_address(seeded_engine):
    delegate_id = _register(seeded_engine, email="jan.delegat@example.pl", needs="")
    with Session(seeded_engine) as session:
        [mail] = dp.information_mails(session, controller="Starosta Pruszkowski", privacy_url="http://x/ochrona-danych")
    assert mail.delegate_id == delegate_id and mail.to == "jan.delegat@example.pl"
    assert "Maria Kontakt" in mail.body and "art. 14" not in mail.subject and "Mój kongres" in mail.body
    assert "Starosta Pruszkowski" in mail.body and "http://x/ochrona-danych" in mail.body
    with session_scope(seeded_engine) as session:
        assert dp.claim_information_mail(session, delegate_id)
    with session_scope(seeded_engine) as session:
        assert not dp.claim_information_mail(session, delegate_id)  # a second worker gets nothing
        assert dp.information_mails(session, controller="", privacy_url="") == []
    with session_scope(seeded_engine) as session:
        dp.release_information_mail(session, delegate_id)  # sending failed: next round tries again
    with Session(seeded_engine) as session:
        assert len(dp.information_mails(session, controller="", privacy_url="")) == 1
