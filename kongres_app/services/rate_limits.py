"""How often one client address and one e-mail address may submit a registration (the ``limits`` library).

One client once made 6 registrations in 0.6 s and 24 requests took all 120 places. Counters live in Redis when
the app runs on Redis (every worker sees the same counts), else in this process's memory. A moving window:
"5 per 10 minutes" means at most 5 in any 10 minutes, not 5 per clock-aligned block.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import cache

from limits import parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from kongres_app.services.polish import count

NAMESPACE = "kongres-registration"


@dataclass(frozen=True)
class Refusal:
    """A refused submission: which limit (``address`` or ``email``) and how long until the next one counts."""

    kind: str
    retry_after_s: int

    @property
    def message(self) -> str:
        minutes = max(1, math.ceil(self.retry_after_s / 60))
        whence = "z tego adresu" if self.kind == "address" else "dla tego adresu e-mail"
        return f"Zbyt wiele zgłoszeń {whence} – spróbuj ponownie za {count(minutes, 'minutę', 'minuty', 'minut')}."


@cache
def _storage(redis_url: str | None) -> Storage:
    storage = storage_from_string(redis_url or "memory://")
    if not isinstance(storage, Storage):  # storage_from_string also builds async storages ("async+redis://")
        raise TypeError(f"Not a synchronous rate-limit storage: {type(storage).__name__}")
    return storage


class RegistrationLimiter:
    def __init__(self, *, per_address: str, per_email: str, redis_url: str | None = None):
        self.per_address, self.per_email = parse(per_address), parse(per_email)
        self._limiter = MovingWindowRateLimiter(_storage(redis_url))

    def hit(self, *, address: str, email: str) -> Refusal | None:
        """Count one submission; None if it may go on, else why not. Refused tries are not counted."""
        checks = (("address", self.per_address, address), ("email", self.per_email, email.strip().casefold()))
        for kind, limit, key in checks:
            if key and not self._limiter.hit(limit, NAMESPACE, kind, key):
                reset_at = self._limiter.get_window_stats(limit, NAMESPACE, kind, key).reset_time
                return Refusal(kind, max(1, math.ceil(reset_at - time.time())))
        return None

    def clear(self) -> None:
        self._limiter.storage.reset()
