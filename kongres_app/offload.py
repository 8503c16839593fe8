"""Blocking work off the event loop.

The event loop serves every tab of a worker: an argon2 check (tens of milliseconds of CPU and 64 MiB), an image
decode or a synchronous database transaction run on it would stall every other person's events and ``/ping``
(45 concurrent failed logins pushed ``/ping`` to 2.7–4.7 s). Such work runs here, in a small pool: at most
``MAX_THREADS`` at a time (one core is left to the loop), so a flood of logins queues instead of taking all
memory and CPU."""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

MAX_THREADS = max(1, (os.cpu_count() or 2) - 1)
THREAD_PREFIX = "kongres-blocking"

_P = ParamSpec("_P")
_T = TypeVar("_T")
_pool = ThreadPoolExecutor(max_workers=MAX_THREADS, thread_name_prefix=THREAD_PREFIX)


async def in_thread(fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """``await in_thread(fn, ...)``: run ``fn`` in the bounded pool and wait for it without blocking the loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool, functools.partial(fn, *args, **kwargs))
