"""The organisers' view of registrations, in parts: ``overview`` (the dashboard), ``listing`` (participants,
filters, export rows), ``edits`` (moves, cancellations, capacity) and ``door`` (check-in). This module
gathers the names callers use.

Every function takes the calling ``Staff`` and checks the role itself, before touching anything.
"""

from kongres_app.services.organiser.door import (
    MAX_TYPED_CODE,
    REPEAT_SCAN_WINDOW_S,
    CheckInResult,
    check_in,
    is_repeat_scan,
)
from kongres_app.services.organiser.edits import (
    cancel_delegate,
    capacity_message,
    move_delegate,
    set_group_capacity,
    set_needs_handled,
)
from kongres_app.services.organiser.listing import (
    EXPORT_COLUMNS,
    PAGE_SIZE,
    SORTS,
    ParticipantFilter,
    ParticipantRow,
    _participants_query,
    _row,
    all_participants,
    export_rows,
    participants,
)
from kongres_app.services.organiser.overview import Dashboard, DayPoint, GroupTile, RecentRegistration, dashboard

__all__ = [
    "EXPORT_COLUMNS",
    "MAX_TYPED_CODE",
    "PAGE_SIZE",
    "REPEAT_SCAN_WINDOW_S",
    "SORTS",
    "CheckInResult",
    "Dashboard",
    "DayPoint",
    "GroupTile",
    "ParticipantFilter",
    "ParticipantRow",
    "RecentRegistration",
    "_participants_query",
    "_row",
    "all_participants",
    "cancel_delegate",
    "capacity_message",
    "check_in",
    "dashboard",
    "export_rows",
    "is_repeat_scan",
    "move_delegate",
    "participants",
    "set_group_capacity",
    "set_needs_handled",
]
