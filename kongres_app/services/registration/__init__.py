"""Registration of organisations and their delegates: places, waiting lists, self-service.

In parts: ``common`` (the refusal, the write lock, groups), ``places`` (capacity and the waiting list),
``duplicates`` (one active registration per organisation and address), ``signup`` (registering, the
e-mail confirmation and its expiry), ``changes`` (edits and cancellations), ``capacity`` (organisers'
places and window) and ``links`` (management links). This module gathers the names callers use.

Every write takes the edition's write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
edition row FOR UPDATE), so capacity checks and inserts of concurrent requests never interleave:
no group or venue is overbooked and no registration is lost, however many arrive at once.
"""

from kongres_app.services.registration.capacity import set_group_capacity, set_registration_window, set_venue_capacity
from kongres_app.services.registration.changes import (
    cancel_delegate,
    cancel_delegate_by_id,
    cancel_registration,
    cancel_registration_by_id,
    move_delegate,
    update_registration,
)
from kongres_app.services.registration.common import NOT_READY, Registered, RegistrationError, group_numbers
from kongres_app.services.registration.links import (
    RESEND_INTERVAL_S,
    issue_link_for_registration,
    issue_new_link,
    registration_for_token,
    token_revoked,
)
from kongres_app.services.registration.places import Places, promote_waiting
from kongres_app.services.registration.signup import (
    CONFIRMATION_EXPIRED,
    confirm_by_link,
    expire_unconfirmed,
    register,
)

__all__ = [
    "CONFIRMATION_EXPIRED",
    "NOT_READY",
    "RESEND_INTERVAL_S",
    "Places",
    "Registered",
    "RegistrationError",
    "cancel_delegate",
    "cancel_delegate_by_id",
    "cancel_registration",
    "cancel_registration_by_id",
    "confirm_by_link",
    "expire_unconfirmed",
    "group_numbers",
    "issue_link_for_registration",
    "issue_new_link",
    "move_delegate",
    "promote_waiting",
    "register",
    "registration_for_token",
    "set_group_capacity",
    "set_registration_window",
    "set_venue_capacity",
    "token_revoked",
    "update_registration",
]
