"""The four groups' discussion boards, in parts: ``participants`` (joining with a code), ``notes`` (posting,
voting, reporting, withdrawal), ``moderation``, ``views``; ``common`` holds what they share.

Who acts is always an argument the caller derived on the server (a ``Participant`` from the tab's
session token, a ``Staff`` from the organiser session), never something the browser claims.
"""

from kongres_app.services.boards.common import (
    ANONYMOUS,
    DEFAULT_NOTES_PER_MINUTE,
    DEFAULT_REPORT_THRESHOLD,
    EDIT_WINDOW,
    KEEP_NOTES,
    KINDS,
    MAX_TEXT,
    REMOVE_NOTES,
    WITHDRAWN_AUTHOR,
    BoardError,
    Participant,
    clean_note_text,
)
from kongres_app.services.boards.moderation import (
    hide_note,
    merge_notes,
    set_flag,
    still_moderates,
    unhide_note,
)
from kongres_app.services.boards.notes import (
    delete_note,
    edit_note,
    my_notes,
    my_votes,
    own_note_text,
    post_note,
    report_note,
    toggle_vote,
    withdraw_notes,
)
from kongres_app.services.boards.participants import (
    identify,
    join,
    leave,
    record_join_throttled,
)
from kongres_app.services.boards.views import (
    BoardView,
    GroupSummary,
    NoteRow,
    NoteView,
    PlenaryGroup,
    board_view,
    board_views,
    groups_overview,
    plenary_view,
)

__all__ = [
    "ANONYMOUS",
    "DEFAULT_NOTES_PER_MINUTE",
    "DEFAULT_REPORT_THRESHOLD",
    "EDIT_WINDOW",
    "KEEP_NOTES",
    "KINDS",
    "MAX_TEXT",
    "REMOVE_NOTES",
    "WITHDRAWN_AUTHOR",
    "BoardError",
    "BoardView",
    "GroupSummary",
    "NoteRow",
    "NoteView",
    "Participant",
    "PlenaryGroup",
    "board_view",
    "board_views",
    "clean_note_text",
    "delete_note",
    "edit_note",
    "groups_overview",
    "hide_note",
    "identify",
    "join",
    "leave",
    "merge_notes",
    "my_notes",
    "my_votes",
    "own_note_text",
    "plenary_view",
    "post_note",
    "record_join_throttled",
    "report_note",
    "set_flag",
    "still_moderates",
    "toggle_vote",
    "unhide_note",
    "withdraw_notes",
]
