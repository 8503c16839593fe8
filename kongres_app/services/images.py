"""Campaign pictures: checked by their bytes (not by name), size-limited, stored under the upload folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
SUBFOLDER = "kampanie"


class ImageError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def upload_root() -> Path:
    """``REFLEX_UPLOADED_FILES_DIR`` (Reflex serves it at /_upload), default ``uploaded_files``."""
    return Path(os.environ.get("REFLEX_UPLOADED_FILES_DIR", "uploaded_files")).resolve()


def sniff(data: bytes) -> str | None:
    """The real type of an image from its first bytes: jpg, png or webp; None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def store(data: bytes, root: Path | None = None) -> str:
    """Save a checked image; returns its path relative to the upload folder (``kampanie/<random>.jpg``)."""
    if len(data) > MAX_BYTES:
        raise ImageError(f"Zdjęcie może mieć najwyżej {MAX_BYTES // (1024 * 1024)} MB.")
    kind = sniff(data)
    if kind is None:
        raise ImageError("To nie jest zdjęcie JPG, PNG ani WebP.")
    folder = (root or upload_root()) / SUBFOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(12)}.{kind}"
    (folder / name).write_bytes(data)
    return f"{SUBFOLDER}/{name}"
