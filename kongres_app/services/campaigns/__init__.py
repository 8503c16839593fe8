"""The crowdfunding showcase, in parts that read in one sitting: ``catalog`` (dictionaries, figures as people
read them), ``views`` (cards, lists, the detail page, the JSON), ``validation`` (the form), ``moderation``
(writes) and ``examples`` (fictional campaigns for an empty showcase). This module gathers their names.

Statuses: ``zgloszona`` (submitted, waits for the organisers) -> ``opublikowana`` or ``odrzucona``
(with a reason); ``opublikowana`` -> ``zakonczona`` after its end date (``close_ended_campaigns``).
A published campaign whose end date has passed already counts as ended everywhere it is shown.

Hidden amounts: a campaign with ``hide_amounts`` never shows złoty figures in public (card, detail,
chart, JSON, totals), its goal included (with the percent it would reveal the sum); its percent of
the goal and its number of supporters are shown. Private views (organisers, the submitting
organisation) show everything and say that the amounts are hidden from the public. Money reads "12 345 zł" with non-breaking spaces (U+00A0) inside, so it never wraps.

Listing filters in SQL and then searches and sorts in Python: a county has tens of campaigns, and
Python's case folding handles Polish letters (SQLite's ``lower`` does not).
"""

from kongres_app.services.campaigns.catalog import (
    CATEGORIES,
    DATA_DIR,
    DEFAULT_SORT,
    ENDED,
    EXAMPLES_FILE,
    MAX_PER_REGISTRATION,
    MAX_YEARS_AHEAD,
    PLATFORMS,
    PUBLIC_STATUSES,
    PUBLISHED,
    REJECTED,
    RUNNING,
    SORTS,
    STATUS_FILTERS,
    STATUS_LABELS,
    SUBMITTED,
    CampaignError,
    days_left,
    is_ended,
    local_today,
    percent_funded,
    supporters_label,
    time_label,
)
from kongres_app.services.campaigns.examples import (
    load_example_campaigns,
)
from kongres_app.services.campaigns.moderation import (
    EDITABLE,
    approve_campaign,
    close_ended_campaigns,
    create_published,
    edit_campaign,
    reject_campaign,
    submit_campaign,
)
from kongres_app.services.campaigns.validation import (
    IMAGE_PATH_RE,
    LIMITS,
    CampaignInput,
    CleanCampaign,
    validate_campaign,
)
from kongres_app.services.campaigns.views import (
    CampaignCard,
    CampaignDetail,
    CampaignFilters,
    CampaignList,
    CampaignTotals,
    SnapshotPoint,
    campaign_card,
    campaign_detail,
    campaigns_for_token,
    list_campaigns,
    paragraphs,
    public_campaigns_json,
    snapshot_points,
    totals_of,
)
from kongres_app.services.validators import DATE_PL_RE, parse_day

__all__ = [
    "CATEGORIES",
    "DATA_DIR",
    "DATE_PL_RE",
    "DEFAULT_SORT",
    "EDITABLE",
    "ENDED",
    "EXAMPLES_FILE",
    "IMAGE_PATH_RE",
    "LIMITS",
    "MAX_PER_REGISTRATION",
    "MAX_YEARS_AHEAD",
    "PLATFORMS",
    "PUBLIC_STATUSES",
    "PUBLISHED",
    "REJECTED",
    "RUNNING",
    "SORTS",
    "STATUS_FILTERS",
    "STATUS_LABELS",
    "SUBMITTED",
    "CampaignCard",
    "CampaignDetail",
    "CampaignError",
    "CampaignFilters",
    "CampaignInput",
    "CampaignList",
    "CampaignTotals",
    "CleanCampaign",
    "SnapshotPoint",
    "approve_campaign",
    "campaign_card",
    "campaign_detail",
    "campaigns_for_token",
    "close_ended_campaigns",
    "create_published",
    "days_left",
    "edit_campaign",
    "is_ended",
    "list_campaigns",
    "load_example_campaigns",
    "local_today",
    "paragraphs",
    "parse_day",
    "percent_funded",
    "public_campaigns_json",
    "reject_campaign",
    "snapshot_points",
    "submit_campaign",
    "supporters_label",
    "time_label",
    "totals_of",
    "validate_campaign",
]
