"""Registration can no longer be flooded: rate limits, e-mail confirmation, review flags, KRS conflicts.

The limits run on the ``limits`` library's in-memory storage; everything else on a real migrated SQLite file."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry, Delegate, DelegateStatus, Registration
from kongres_app.services import organiser, registration_review
from kongres_app.services import registration as reg
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.organiser import ParticipantFilter
from kongres_app.services.rate_limits import Refusal, RegistrationLimiter
from kongres_app.services.stats import public_stats
from kongres_app.settings import ConfigError, load_settings
from tests.factories import OPEN, make_user, org, register

HOURS_48 = timedelta(hours=48)


# ----------------------------------------------------------------------------- rate limits


def test_sixth_registration_from_one_address_in_ten_minutes_is_refused_in_polish():
    limiter = RegistrationLimiter(per_address="5 per 10 minutes", per_email="100 per hour")
    limiter.clear()
    answers = [limiter.hit(address="203.0.113.7", email=f"a{i}@example.pl") for i in range(7)]
    assert answers[:5] == [None] * 5
    refusal = answers[5]
    assert refusal is not None and refusal.kind == "address"
    assert 540 <= refusal.retry_after_s <= 600
    assert refusal.message == "Zbyt wiele zgłoszeń z tego adresu – spróbuj ponownie za 10 minut."
    assert limiter.hit(address="198.51.100.1", email="b@example.pl") is None  # another address is not affected


def test_fourth_registration_for_one_email_in_an_hour_is_refused_whatever_the_address():
    limiter = RegistrationLimiter(per_address="100 per hour", per_email="3 per hour")
    limiter.clear()
    for i in range(3):
        assert limiter.hit(address=f"192.0.2.{i}", email="Kontakt@Example.pl") is None
    refusal = limiter.hit(address="192.0.2.99", email="kontakt@example.pl ")
    assert refusal is not None and refusal.kind == "email"
    assert refusal.message.startswith("Zbyt wiele zgłoszeń dla tego adresu e-mail – spróbuj ponownie za ")


@pytest.mark.parametrize(
    ("seconds", "words"), [(30, "1 minutę"), (120, "2 minuty"), (300, "5 minut"), (1320, "22 minuty")]
)
def test_refusal_counts_minutes_in_polish(seconds, words):
    assert Refusal("address", seconds).message.endswith(f"za {words}.")


def test_limits_and_confirmation_time_come_from_the_environment():
    defaults = load_settings({})
    assert (defaults.registration_limit_address, defaults.registration_limit_email) == (
        "5 per 10 minutes",
        "3 per hour",
    )
    assert defaults.confirm_hours == 48
    custom = load_settings({"KONGRES_REGISTRATION_LIMIT_ADDRESS": "20/hour", "KONGRES_CONFIRM_HOURS": "0"})
    assert custom.registration_limit_address == "20/hour" and custom.confirm_hours == 0
    with pytest.raises(ConfigError, match="KONGRES_REGISTRATION_LIMIT_EMAIL"):
        load_settings({"KONGRES_REGISTRATION_LIMIT_EMAIL": "dużo"})
    with pytest.raises(ConfigError, match="KONGRES_CONFIRM_HOURS"):
        load_settings({"KONGRES_CONFIRM_HOURS": "-1"})


# ----------------------------------------------------------------------------- confirmation by e-mail


def pending(engine, data, now=OPEN) -> reg.Registered:
    with session_scope(engine) as session:
        return reg.register(session=session, data=data, now=now, confirm_within=HOURS_48)


def confirm(engine, token, now) -> str:
    with session_scope(engine) as session:
        return reg.confirm_by_link(session=session, token=token, now=now)


def delegate_statuses(engine, registration_id) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(Delegate.status).where(Delegate.registration_id == registration_id)).all())


def test_unconfirmed_registration_holds_no_place_until_the_link_is_opened(seeded_engine):
    before = public_stats(Session(seeded_engine))
    done = pending(seeded_engine, org(1, 2))
    assert done.pending and delegate_statuses(seeded_engine, done.registration_id) == [
        DelegateStatus.PENDING,
        DelegateStatus.PENDING,
    ]
    during = public_stats(Session(seeded_engine))
    assert during["delegates"] == before["delegates"] and during["organisations"] == before["organisations"]

    assert confirm(seeded_engine, done.token, OPEN + timedelta(hours=47)) == "confirmed"
    assert delegate_statuses(seeded_engine, done.registration_id) == [
        DelegateStatus.CONFIRMED,
        DelegateStatus.CONFIRMED,
    ]
    after = public_stats(Session(seeded_engine))
    assert after["delegates"]["confirmed"] == before["delegates"]["confirmed"] + 2
    assert after["organisations"] == before["organisations"] + 1
    assert confirm(seeded_engine, done.token, OPEN + timedelta(hours=47, minutes=1)) == ""  # once is enough


def test_a_link_opened_too_late_cancels_the_registration(seeded_engine):
    done = pending(seeded_engine, org(1))
    assert confirm(seeded_engine, done.token, OPEN + timedelta(hours=48, seconds=1)) == "expired"
    assert delegate_statuses(seeded_engine, done.registration_id) == [DelegateStatus.CANCELLED]
    with Session(seeded_engine) as session:
        assert session.get(Registration, done.registration_id).cancelled_at is not None


def test_expiry_cancels_only_registrations_past_their_time_and_frees_the_address(seeded_engine):
    old = pending(seeded_engine, org(1, email="stare@example.pl"))
    fresh = pending(seeded_engine, org(1), now=OPEN + timedelta(hours=10))
    confirmed = register(seeded_engine, org(1))
    with session_scope(seeded_engine) as session:
        expired = reg.expire_unconfirmed(session=session, now=OPEN + timedelta(hours=49))
    assert [r.id for r in expired] == [old.registration_id]
    assert delegate_statuses(seeded_engine, old.registration_id) == [DelegateStatus.CANCELLED]
    assert delegate_statuses(seeded_engine, fresh.registration_id) == [DelegateStatus.PENDING]
    assert delegate_statuses(seeded_engine, confirmed.registration_id) == [DelegateStatus.CONFIRMED]
    again = register(seeded_engine, org(1, email="stare@example.pl"), now=OPEN + timedelta(hours=50))
    assert delegate_statuses(seeded_engine, again.registration_id) == [DelegateStatus.CONFIRMED]


def test_expiry_job_writes_an_audit_entry(seeded_engine, monkeypatch):
    from kongres_app import jobs

    done = pending(seeded_engine, org(1), now=OPEN)
    monkeypatch.setattr(jobs, "session_scope", lambda: session_scope(seeded_engine))
    assert jobs.expire_unconfirmed_now() == 1  # OPEN is in 2017: long past its 48 hours
    with Session(seeded_engine) as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "registration_expired")).one()
    assert f'"registration": {done.registration_id}' in entry.details


def test_participants_list_and_exports_leave_out_unconfirmed_people(seeded_engine):
    staff = make_user(seeded_engine)
    pending(seeded_engine, org(1, name="Fundacja Niepotwierdzona"))
    register(seeded_engine, org(1, name="Fundacja Potwierdzona"))
    with session_scope(seeded_engine) as session:
        rows, _ = organiser.participants(session, staff, ParticipantFilter())
        exported = organiser.all_participants(session, staff)
        waiting_confirmation, _ = organiser.participants(
            session, staff, ParticipantFilter(status=DelegateStatus.PENDING)
        )
        dashboard = organiser.dashboard(session, staff)
    assert {r.org_name for r in rows} == {r.org_name for r in exported} == {"Fundacja Potwierdzona"}
    assert [r.org_name for r in waiting_confirmation] == ["Fundacja Niepotwierdzona"]
    assert [r.org_name for r in dashboard.recent] == ["Fundacja Potwierdzona"]


# ----------------------------------------------------------------------------- mail off: flagged for review


def test_registrations_without_mail_are_flagged_and_an_organiser_marks_them_checked(seeded_engine):
    staff = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        flagged = reg.register(session=session, data=org(1, name="Do Sprawdzenia"), now=OPEN, needs_review=True)
    register(seeded_engine, org(1, name="Zwykła"))
    review = ParticipantFilter(review="tak")
    with session_scope(seeded_engine) as session:
        rows, _ = organiser.participants(session, staff, review)
    assert [(r.org_name, r.needs_review) for r in rows] == [("Do Sprawdzenia", True)]
    assert delegate_statuses(seeded_engine, flagged.registration_id) == [
        DelegateStatus.CONFIRMED
    ]  # holds its place as before

    with session_scope(seeded_engine) as session, pytest.raises(PermissionDenied):
        registration_review.mark_reviewed(session, None, flagged.registration_id)
    with session_scope(seeded_engine) as session:
        registration_review.mark_reviewed(session, staff, flagged.registration_id)
    with session_scope(seeded_engine) as session:
        assert organiser.participants(session, staff, review) == ([], 0)
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == "review_registration", AuditEntry.outcome == "ok")
        ).one()
    assert "Do Sprawdzenia" in entry.details


# ----------------------------------------------------------------------------- KRS conflicts


def test_a_krs_squat_is_recorded_and_an_organiser_cancels_it_so_the_real_organisation_can_register(seeded_engine):
    staff = make_user(seeded_engine)
    squat = register(seeded_engine, org(1, name="Podszywacze", krs="0000123456"))
    real = org(2, name="Prawdziwa Fundacja", krs="0000123456", email="zarzad@prawdziwa.pl")
    with session_scope(seeded_engine) as session, pytest.raises(reg.RegistrationError) as excinfo:
        reg.register(session=session, data=real, now=OPEN)
    assert excinfo.value.field == "krs" and excinfo.value.holder_id == squat.registration_id
    with session_scope(seeded_engine) as session:
        registration_review.record_krs_conflict(session=session, data=real, holder_id=squat.registration_id)
    with session_scope(seeded_engine) as session:
        (row,) = registration_review.open_conflicts(session, staff)
    assert row.krs == "0000123456" and "Prawdziwa Fundacja" in row.claimant and "zarzad@prawdziwa.pl" in row.claimant
    assert "Podszywacze" in row.holder

    with session_scope(seeded_engine) as session:
        registration_review.resolve_conflict(session, staff, row.conflict_id, cancel_holder=True)
    assert delegate_statuses(seeded_engine, squat.registration_id) == [DelegateStatus.CANCELLED]
    with session_scope(seeded_engine) as session:
        assert registration_review.open_conflicts(session, staff) == []
        actions = session.exec(select(AuditEntry.action, AuditEntry.outcome)).all()
    assert ("krs_conflict", "denied") in actions and ("resolve_krs_conflict", "ok") in actions
    registered = register(seeded_engine, real)
    assert delegate_statuses(seeded_engine, registered.registration_id) == [DelegateStatus.CONFIRMED]


def test_keeping_the_holder_closes_the_conflict_and_only_organisers_may_resolve(seeded_engine):
    staff = make_user(seeded_engine)
    holder = register(seeded_engine, org(1, krs="0000654321"))
    with session_scope(seeded_engine) as session:
        conflict = registration_review.record_krs_conflict(
            session=session, data=org(1, krs="0000654321"), holder_id=holder.registration_id
        )
    with session_scope(seeded_engine) as session, pytest.raises(PermissionDenied):
        registration_review.resolve_conflict(session, None, conflict.id, cancel_holder=True)
    with session_scope(seeded_engine) as session:
        registration_review.resolve_conflict(session, staff, conflict.id, cancel_holder=False)
    assert delegate_statuses(seeded_engine, holder.registration_id) == [DelegateStatus.CONFIRMED]
    with session_scope(seeded_engine) as session, pytest.raises(registration_review.ReviewError):
        registration_review.resolve_conflict(session, staff, conflict.id, cancel_holder=True)


def test_a_person_of_an_unconfirmed_registration_cannot_check_in(seeded_engine):
    staff = make_user(seeded_engine)
    done = pending(seeded_engine, org(1))
    with Session(seeded_engine) as session:
        code = session.exec(select(Delegate.code).where(Delegate.registration_id == done.registration_id)).one()
    with session_scope(seeded_engine) as session:
        result = organiser.check_in(session, staff, code)
    assert result.outcome == "waiting" and "nie potwierdzono" in result.message


def test_moving_an_unconfirmed_person_to_another_group_gives_no_place(seeded_engine):
    done = pending(seeded_engine, org(1))
    with Session(seeded_engine) as session:
        delegate_id = session.exec(select(Delegate.id).where(Delegate.registration_id == done.registration_id)).one()
    with session_scope(seeded_engine) as session:
        reg.move_delegate(session=session, delegate_id=delegate_id, group_number=2, now=OPEN)
    assert delegate_statuses(seeded_engine, done.registration_id) == [DelegateStatus.PENDING]
