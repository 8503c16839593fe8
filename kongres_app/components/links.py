"""Links to files: plain anchors the browser follows itself.

``rx.link`` renders a React Router link, and the client-side router answers a click on ``/api/...`` with its
own "page not found" (the file is served by the backend, not a page). A download is a document request."""

from typing import Any

import reflex as rx


def file_link(text: Any, href: Any, *, filename: Any = None, **props: Any) -> rx.Component:
    """``filename`` makes the browser save the file under that name; without it the file opens (JSON, print)."""
    if filename is not None:
        props["download"] = filename
    return rx.link(text, href=href, reload_document=True, underline="always", **props)
