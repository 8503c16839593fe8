import pytest

from kongres_app.services import campaigns, images

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 100


@pytest.mark.parametrize(
    ("data", "kind"), [(PNG, "png"), (JPG, "jpg"), (WEBP, "webp"), (b"<svg onload=alert(1)>", None), (b"GIF89a", None)]
)
def test_type_is_read_from_the_bytes(data, kind):
    assert images.sniff(data) == kind


def test_store_checks_type_and_size_and_names_files_randomly(tmp_path):
    first = images.store(PNG, tmp_path)
    second = images.store(PNG, tmp_path)
    assert first != second and first.startswith("kampanie/") and first.endswith(".png")
    assert (tmp_path / first).read_bytes() == PNG
    assert campaigns.IMAGE_PATH_RE.match(first)  # accepted by the campaign validation
    with pytest.raises(images.ImageError, match="JPG, PNG ani WebP"):
        images.store(b"<html>", tmp_path)
    with pytest.raises(images.ImageError, match="2 MB"):
        images.store(JPG + b"\x00" * images.MAX_BYTES, tmp_path)
