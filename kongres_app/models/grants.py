"""Open competitions of offers for NGO grants."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class GrantCompetition(SQLModel, table=True):
    """An open competition of offers (art. 13 of the Act on Public Benefit Activity and Volunteerism)."""

    __tablename__ = "grant_competition"

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    title: str = Field(max_length=200)
    public_task: str = Field(max_length=1000)  # the kind of public task
    funds_pln: int = Field(ge=0)  # funds allocated to the task
    award_rules: str = Field(max_length=3000)  # rules of awarding grants
    execution_terms: str = Field(max_length=3000)  # dates and conditions of carrying out the task
    offer_deadline: datetime
    selection_procedure: str = Field(max_length=3000)  # procedure, criteria and date of choosing offers
    selection_date: date | None = None  # required for new competitions (art. 13 ust. 2 pkt 6)
    # art. 13 ust. 2 pkt 7: public tasks of the same kind this year and last, and their costs
    same_kind_tasks: str = Field(default="", max_length=3000)
    granted_this_year_pln: int | None = Field(default=None, ge=0)  # None: not given ("brak danych"), not 0
    granted_last_year_pln: int | None = Field(default=None, ge=0)
    offers_url: str = Field(max_length=500)  # where offers are filed
    bip_url: str = Field(default="", max_length=500)  # the announcement in the county's BIP (art. 13 ust. 3)
    short_notice_reason: str = Field(default="", max_length=1000)  # legal basis of a deadline under 21 days
    published_at: datetime | None = None
    created_at: datetime
