import io
import os
import struct
import time
import zlib
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image
from sqlmodel import select

from kongres_app.db import session_scope
from kongres_app.models import Campaign, Edition
from kongres_app.services import campaigns, images

GPS_IFD = 0x8825


def picture(fmt: str, size=(64, 48), exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 60))
    image.save(out, fmt, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Aparat Testowy"  # Make
    exif[0x0112] = 1  # Orientation
    exif[GPS_IFD] = {1: "N", 2: (52.0, 10.0, 12.5), 3: "E", 4: (20.0, 48.0, 3.2)}  # Pruszków
    return exif


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels: a tiny file that would decode to gigabytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "png"),
        (b"\xff\xd8\xff\xe0", "jpg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (b"<svg onload=alert(1)>", None),
        (b"GIF89a", None),
    ],
)
def test_type_is_read_from_the_bytes(data, kind):
    assert images.sniff(data) == kind


@pytest.mark.parametrize(("fmt", "ext"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_real_pictures_are_stored_re_encoded_under_random_names(tmp_path, fmt, ext):
    data = picture(fmt)
    first, second = images.store(data, tmp_path), images.store(data, tmp_path)
    assert first != second and first.startswith("kampanie/") and first.endswith(f".{ext}")
    assert campaigns.IMAGE_PATH_RE.match(first)  # accepted by the campaign validation
    with Image.open(tmp_path / first) as stored:
        assert stored.format == fmt and stored.size == (64, 48)


def test_wrong_type_and_too_many_bytes_are_refused(tmp_path):
    with pytest.raises(images.ImageError, match="JPG, PNG ani WebP"):
        images.store(b"<html>", tmp_path)
    with pytest.raises(images.ImageError, match="2 MB"):
        images.store(picture("JPEG") + b"\x00" * images.MAX_BYTES, tmp_path)


def test_a_truncated_png_is_refused(tmp_path):
    data = picture("PNG", size=(300, 300))
    with pytest.raises(images.ImageError, match="uszkodzony albo niepełny"):
        images.store(data[: len(data) // 2], tmp_path)
    assert not (tmp_path / "kampanie").exists() or not any((tmp_path / "kampanie").iterdir())


@pytest.mark.parametrize("header", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"RIFF\x10\x00\x00\x00WEBPVP8 "])
def test_junk_after_a_header_is_refused(tmp_path, header):
    with pytest.raises(images.ImageError, match="uszkodzony albo niepełny"):
        images.store(header + os.urandom(4000), tmp_path)


def test_a_png_with_a_broken_checksum_is_refused(tmp_path):
    data = bytearray(picture("PNG"))
    data[30] ^= 0xFF  # inside IHDR: its CRC no longer matches
    with pytest.raises(images.ImageError):
        images.store(bytes(data), tmp_path)


def test_a_decompression_bomb_is_refused_from_its_header_without_decoding(tmp_path):
    bomb = png_header_only(30000, 30000)
    assert len(bomb) < 200
    started = time.perf_counter()
    with pytest.raises(images.ImageError, match="rozdzielczość"):
        images.store(bomb, tmp_path)
    assert time.perf_counter() - started < 0.5  # decoding 900 megapixels would take many seconds
    with pytest.raises(images.ImageError, match="rozdzielczość"):
        images.store(png_header_only(5000, 5000), tmp_path)  # under Pillow's own limit, over ours


def test_exif_and_gps_are_dropped(tmp_path):
    for fmt in ("JPEG", "WEBP"):
        data = picture(fmt, exif=with_gps())
        with Image.open(io.BytesIO(data)) as original:
            assert GPS_IFD in original.getexif()  # the upload really carries a position
        stored = (tmp_path / images.store(data, tmp_path)).read_bytes()
        assert b"Aparat Testowy" not in stored and b"Exif" not in stored
        with Image.open(io.BytesIO(stored)) as clean:
            assert len(clean.getexif()) == 0 and "exif" not in clean.info


def test_text_appended_after_a_real_picture_is_not_stored(tmp_path):
    data = picture("PNG") + b"<script>alert(1)</script>"
    stored = (tmp_path / images.store(data, tmp_path)).read_bytes()
    assert b"<script>" not in stored


def test_big_pictures_are_scaled_down(tmp_path):
    stored = images.store(picture("JPEG", size=(4000, 1000)), tmp_path)
    with Image.open(tmp_path / stored) as image:
        assert image.size == (images.MAX_SIDE, images.MAX_SIDE // 4)


def test_orphans_are_removed_after_the_grace_period(tmp_path, seeded_engine):
    used, fresh, old = (images.store(picture("PNG"), tmp_path) for _ in range(3))
    with session_scope(seeded_engine) as session:
        edition = session.exec(select(Edition)).first()
        now = datetime.now(UTC)
        session.add(
            Campaign(
                edition_id=edition.id,
                title="Dach",
                org_name="Fundacja",
                category="kultura",
                gmina="raszyn",
                blurb="Dach",
                image_path=used,
                starts_on=date.today(),
                ends_on=date.today(),
                platform="zrzutka",
                external_url="https://zrzutka.pl/dach",
                status="opublikowana",
                created_at=now,
                updated_at=now,
            )
        )
    hours_ago = time.time() - 25 * 3600
    for name in (used, old):
        os.utime(tmp_path / name, (hours_ago, hours_ago))
    with session_scope(seeded_engine) as session:
        removed = images.remove_orphans(session=session, root=tmp_path, grace=timedelta(hours=24))
    assert removed == [old]
    assert (tmp_path / used).exists() and (tmp_path / fresh).exists() and not (tmp_path / old).exists()
