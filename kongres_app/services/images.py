"""Campaign pictures: decoded in full and re-encoded with Pillow, size- and pixel-limited, stored under the
upload folder; pictures no campaign uses are removed after a grace period.

Checking only the first bytes let a truncated PNG, junk after a header and a 30000×30000 decompression bomb
be stored and served. Now a picture is accepted only when Pillow reads its header (format and size: a bomb is
refused from its header, before any pixel is decoded), verifies it and decodes every pixel; what is stored
is a fresh encoding of those pixels, so EXIF (GPS position, camera serial), comments and anything appended
to the file are gone. Decoding costs CPU: callers run ``store`` in a thread (``kongres_app.offload``).
"""

from __future__ import annotations

import io
import os
import secrets
import time
import warnings
from datetime import timedelta
from pathlib import Path

from PIL import Image, ImageOps
from sqlmodel import Session, col, select

from kongres_app.models import Campaign

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 16_000_000  # a 12-megapixel phone photo fits; decoding this many takes at most ~64 MB
MAX_SIDE = 2400  # stored pictures are scaled down to this (a card shows them a few hundred pixels wide)
SUBFOLDER = "kampanie"
ORPHAN_GRACE = timedelta(hours=24)  # a form left open overnight keeps its picture

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
NOT_AN_IMAGE = "To nie jest zdjęcie JPG, PNG ani WebP."
DAMAGED = "Nie udało się odczytać zdjęcia: plik jest uszkodzony albo niepełny. Wybierz inny plik."
TOO_MANY_PIXELS = "Zdjęcie ma zbyt dużą rozdzielczość: najwyżej 16 milionów pikseli (np. 4000 × 4000)."


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


def _open(data: bytes) -> Image.Image:
    """The picture's header only; refused from it when it has more than ``MAX_PIXELS`` (Pillow's own guard,
    ``Image.MAX_IMAGE_PIXELS``, stays on and raises for anything over twice its default)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(TOO_MANY_PIXELS) from exc
    except Exception as exc:  # Pillow raises many kinds for a file it cannot read
        raise ImageError(DAMAGED) from exc
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        image.close()
        raise ImageError(TOO_MANY_PIXELS)
    return image


def decode(data: bytes) -> tuple[Image.Image, str]:
    """Every pixel of a JPG, PNG or WebP picture (the first frame of an animation) and its extension."""
    if sniff(data) is None:
        raise ImageError(NOT_AN_IMAGE)
    with _open(data) as header:
        kind = FORMATS[header.format or ""]
        try:
            header.verify()  # checksums (PNG chunks) and structure, before decoding
        except Exception as exc:
            raise ImageError(DAMAGED) from exc
    image = _open(data)  # verify() leaves the image unusable: open again to decode
    try:
        image.load()  # refuses a truncated file (ImageFile.LOAD_TRUNCATED_IMAGES stays off)
        upright = ImageOps.exif_transpose(image)  # turn by the EXIF orientation before EXIF is dropped
    except Exception as exc:
        raise ImageError(DAMAGED) from exc
    finally:
        image.close()
    return upright, kind


def reencode(image: Image.Image, kind: str) -> bytes:
    """A fresh file from the pixels only: no EXIF, no ICC profile, no text chunks, nothing appended."""
    clean = image.copy()
    clean.info = {}
    clean.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if kind == "jpg":
        clean.convert("RGB").save(out, "JPEG", quality=85, optimize=True, exif=b"")
    elif kind == "webp":
        mode = "RGBA" if "A" in clean.getbands() else "RGB"
        clean.convert(mode).save(out, "WEBP", quality=85, exif=b"")
    else:
        if clean.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            clean = clean.convert("RGBA")
        clean.save(out, "PNG", optimize=True)
    return out.getvalue()


def store(data: bytes, root: Path | None = None) -> str:
    """Check, clean and save a picture; returns its path relative to the upload folder (``kampanie/<random>.jpg``)."""
    if len(data) > MAX_BYTES:
        raise ImageError(f"Zdjęcie może mieć najwyżej {MAX_BYTES // (1024 * 1024)} MB.")
    image, kind = decode(data)
    clean = reencode(image, kind)
    folder = (root or upload_root()) / SUBFOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(12)}.{kind}"
    (folder / name).write_bytes(clean)
    return f"{SUBFOLDER}/{name}"


def remove_orphans(*, session: Session, root: Path | None = None, grace: timedelta = ORPHAN_GRACE) -> list[str]:
    """Delete pictures that no campaign uses and that are older than ``grace``; returns what was removed."""
    folder = (root or upload_root()) / SUBFOLDER
    if not folder.is_dir():
        return []
    used = {p for p in session.exec(select(Campaign.image_path).where(col(Campaign.image_path).is_not(None)))}
    cutoff = time.time() - grace.total_seconds()
    removed = []
    for path in folder.iterdir():
        relative = f"{SUBFOLDER}/{path.name}"
        if not path.is_file() or relative in used:
            continue
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(relative)
        except FileNotFoundError:  # another worker removed it first
            continue
    return removed
