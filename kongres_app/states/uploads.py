"""Who may send a file to ``/_upload``: asked by ``kongres_app.upload_guard`` before the body is read.

An upload names its tab (client token) and handler in headers. It is let through only when the handler is one
of the campaign picture handlers and that tab is connected and its state says it may upload now (a valid
management link, or a logged-in organiser): the same ``_may_upload`` the handler itself checks afterwards.
Unknown tokens are refused without creating a state for them.
"""

from __future__ import annotations

import logging
import uuid

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.live import reflex_adapter
from kongres_app.offload import in_thread
from kongres_app.services.auth import audit
from kongres_app.states.campaign_submit import CampaignSubmitState
from kongres_app.states.staff_campaign_form import StaffCampaignFormState

logger = logging.getLogger(__name__)
UPLOAD_STATES: tuple[type[rx.State], ...] = (CampaignSubmitState, StaffCampaignFormState)


def upload_handlers() -> dict[str, type[rx.State]]:
    """``Reflex-Event-Handler`` values that may carry a file → the state that owns the handler."""
    return {f"{cls.get_full_name()}.upload_image": cls for cls in UPLOAD_STATES}


def _is_token(token: str) -> bool:
    try:
        return str(uuid.UUID(token)) == token
    except ValueError:
        return False


async def may_upload(token: str, handler: str) -> bool:
    cls = upload_handlers().get(handler)
    if cls is None or not _is_token(token):
        return False
    if reflex_adapter.namespace() is None or not await reflex_adapter.tab_connected(token):
        return False
    try:
        root = await reflex_adapter.app().state_manager.get_state(reflex_adapter.tab_state(token, cls))
        state = await root.get_state(cls)
        return bool(await state._may_upload())  # type: ignore[attr-defined]
    except Exception:  # a broken state is no right to upload
        logger.exception("Upload rights check failed")
        return False


def _audit_refusal(status: int, details: dict[str, object]) -> None:
    with session_scope() as session:
        audit(session, None, "upload_refused", {"status": status, **details}, outcome="denied")


async def record_refusal(status: int, details: dict[str, object]) -> None:
    await in_thread(_audit_refusal, status, details)
