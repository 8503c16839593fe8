"""The showcase's tables now live in ``kongres_app.models.campaigns``; this old path still works."""

from kongres_app.models.campaigns import Campaign, CampaignSnapshot, CampaignStatus, SnapshotSource

__all__ = ["Campaign", "CampaignSnapshot", "CampaignStatus", "SnapshotSource"]
