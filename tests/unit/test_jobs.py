"""Giving memory back: garbage collected and freed heap pages returned (glibc) without errors."""

import platform

from kongres_app.jobs import give_memory_back


def test_memory_is_given_back_on_glibc():
    assert give_memory_back() is (platform.libc_ver()[0] == "glibc")
