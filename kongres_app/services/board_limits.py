"""Throttles on the boards: wrong join codes and vote toggles (``limits``, in Redis when there is one).

Without them a raw client guessed join codes at about 420 a second, and one delegate's 300 vote toggles
cost 300 recounts and pushes. Counts live in ``limits``' storage: the process's memory on one worker,
Redis with several workers, so every worker sees the same tries.

A wrong code counts against the tab (its client token) and against its network address; a tab that
opens new sockets to start afresh is still caught by its address. The address limit is higher than the
tab's, as a congress hall shares one Wi-Fi address and a few typos must not lock the hall out.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from kongres_app.settings import load_settings

WRONG_CODES_PER_TAB = RateLimitItemPerMinute(5)
WRONG_CODES_PER_ADDRESS = RateLimitItemPerMinute(30)
# One audit entry per throttled burst and key, however many refusals the burst brings.
AUDITS_PER_BURST = RateLimitItemPerMinute(1)
VOTES_PER_PARTICIPANT = RateLimitItemPerSecond(10)

_limiter: MovingWindowRateLimiter | None = None


def _storage() -> Storage:
    redis_url = load_settings().redis_url
    if redis_url:
        # limits names Redis over a Unix socket "redis+unix"; the app's setting says "unix".
        url = "redis+" + redis_url if redis_url.startswith("unix://") else redis_url
        return RedisStorage(f"async+{url}", implementation="redispy", key_prefix="kongres-limits")
    return MemoryStorage()


def limiter() -> MovingWindowRateLimiter:
    global _limiter
    if _limiter is None:
        _limiter = MovingWindowRateLimiter(_storage())
    return _limiter


def reset() -> None:
    """Forget every count (tests: a fresh store for each event loop)."""
    global _limiter
    _limiter = None


@dataclass(frozen=True)
class Throttled:
    wait_s: int  # until the oldest counted try leaves the window
    key: str  # "tab" or "address": which limit was reached
    audit: bool  # the first refusal of this burst for this key: write it to the audit log


def _join_keys(tab: str, address: str) -> list[tuple[str, RateLimitItem, str]]:
    return [("address", WRONG_CODES_PER_ADDRESS, address or "?"), ("tab", WRONG_CODES_PER_TAB, tab or "?")]


async def join_throttled(*, tab: str, address: str) -> Throttled | None:
    """Whether this tab or address has used up its wrong codes; checked before the code is looked up."""
    lim = limiter()
    for name, item, value in _join_keys(tab, address):
        if not await lim.test(item, "join", name, value):
            stats = await lim.get_window_stats(item, "join", name, value)
            wait = max(1, math.ceil(stats.reset_time - time.time()))
            first = await lim.hit(AUDITS_PER_BURST, "join-audit", name, value)
            return Throttled(wait, name, first)
    return None


async def wrong_code(*, tab: str, address: str) -> None:
    lim = limiter()
    for name, item, value in _join_keys(tab, address):
        await lim.hit(item, "join", name, value)


async def vote_allowed(delegate_id: int) -> bool:
    """Counts the toggle and says whether it may go ahead (at most 10 a second per delegate)."""
    return await limiter().hit(VOTES_PER_PARTICIPANT, "vote", str(delegate_id))
