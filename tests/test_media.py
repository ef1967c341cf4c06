"""Image uploads: checked, re-encoded without metadata, stored once, served by content hash."""

import functools
import io
import random
import warnings

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from sqlalchemy import func, select

from blog.extensions import db
from blog.media import LARGEST_STORED_SIDE, MediaRejected, store_image
from blog.media_names import MediaFile
from blog.media_storage import media_storage
from blog.models import Media

from helpers.media_storages import ON_EVERY_MEDIA_STORAGE, stored_names

pytestmark = ON_EVERY_MEDIA_STORAGE

NOT_AN_IMAGE = "That file is not an image this site can use: upload a JPEG, PNG, GIF or WebP."
DAMAGED = "The image is damaged or incomplete: save or export it again, then upload it."
TOO_MANY_PIXELS = (
    "The image has too many pixels: at most 40 megapixels for a JPEG or GIF, 24 for a PNG and"
    " 16 for a WebP. Save it smaller, then upload it."
)
CAMERA = "Snoopy Camera Co"
FOREVER = "public, max-age=31536000, immutable"


def picture(size=(1000, 600), mode="RGB", color="teal") -> Image.Image:
    """A picture with two halves, so a rotation or a resize shows."""
    image = Image.new(mode, size, color)
    image.paste("orange" if mode != "1" else 1, (size[0] // 2, 0, size[0], size[1]))
    return image


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def noise(size, image_format="PNG") -> bytes:
    """An image that compresses badly: its file is about as big as its pixels."""
    pixels = random.Random(size[0]).randbytes(size[0] * size[1] * 3)
    return encoded(Image.frombytes("RGB", size, pixels), image_format)


@functools.cache
def blank_png(width: int, height: int) -> bytes:
    """A 1-bit PNG: a few kilobytes of file for a huge number of pixels."""
    return encoded(Image.new("1", (width, height)), "PNG")


def camera_metadata() -> dict:
    """Save options that put a camera make, a GPS position and an ICC profile in the file."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 31.0, 12.0),
    }
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return {"exif": exif.tobytes(), "icc_profile": icc}


def store(data: bytes, uploader_id=None) -> Media:
    """Store an upload and commit, as the upload view does (inside an app context)."""
    media = store_image(io.BytesIO(data), uploader_id)
    db.session.commit()
    return media


def stored_sha(app, upload: bytes) -> str:
    """Store an upload in its own app context as a picture readers may see (as publishing a
    page that shows it makes it); return the stored image's hash."""
    with app.app_context():
        media = store(upload)
        media.public = True
        db.session.commit()
        return media.sha256


def stored(sha256: str, width=None) -> bytes:
    """A stored file's bytes, read from the app's media storage (inside an app context)."""
    media = db.session.scalar(select(Media).where(Media.sha256 == sha256))
    with media_storage().open(MediaFile(sha256, media.content_type, width)) as file:
        return file.read()


def stored_image(sha256: str, width=None) -> Image.Image:
    return Image.open(io.BytesIO(stored(sha256, width)))


def media_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Media))


@pytest.mark.parametrize(
    "upload_format, content_type, stored_format",
    [
        ("PNG", "image/png", "PNG"),
        ("JPEG", "image/jpeg", "JPEG"),
        ("WEBP", "image/webp", "WEBP"),
        ("GIF", "image/png", "PNG"),
    ],
)
def test_upload_is_stored_with_its_type_size_and_uploader(
    app, make_user, upload_format, content_type, stored_format
):
    uploader = make_user("author")
    with app.app_context():
        media = store(encoded(picture((640, 480)), upload_format), uploader)
        assert (media.content_type, media.width, media.height) == (content_type, 640, 480)
        assert media.uploader_id == uploader
        assert media.size == len(stored(media.sha256))
        assert stored_image(media.sha256).format == stored_format


def test_jpeg_is_reencoded_as_a_progressive_jpeg(app):
    upload = encoded(picture(), "JPEG", quality=100)
    with app.app_context():
        media = store(upload)
        image = stored_image(media.sha256)
        assert stored(media.sha256) != upload
        assert image.format == "JPEG"
        assert image.info.get("progressive") or image.info.get("progression")


def test_same_image_uploaded_twice_is_one_media(app):
    upload = encoded(picture(), "PNG")
    with app.app_context():
        first = store(upload).sha256
        second = store(upload).sha256
        assert first == second
        assert media_count() == 1


@pytest.mark.parametrize(
    "width, variants",
    [(2000, [480, 960, 1600]), (1000, [480, 960]), (961, [480, 960]), (960, [480]), (480, [])],
)
def test_variants_exist_only_below_the_image_width(app, width, variants):
    with app.app_context():
        media = store(encoded(picture((width, width // 2)), "PNG"))
        for size in (480, 960, 1600):
            if size in variants:
                image = stored_image(media.sha256, size)
                assert (image.format, image.size) == ("PNG", (size, size // 2))
            else:
                with pytest.raises(FileNotFoundError):
                    stored(media.sha256, size)


@pytest.mark.parametrize("upload_format", ["JPEG", "PNG", "WEBP"])
def test_camera_metadata_and_position_are_gone_after_reencoding(app, upload_format):
    upload = encoded(picture(), upload_format, **camera_metadata())
    assert CAMERA.encode() in upload  # the test's own upload does carry them
    with app.app_context():
        media = store(upload)
        for width in (None, 480, 960):
            data = stored(media.sha256, width)
            image = Image.open(io.BytesIO(data))
            assert CAMERA.encode() not in data
            assert not image.getexif()
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
            assert "icc_profile" not in image.info


def test_jpeg_comment_and_png_text_are_gone_after_reencoding(app):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Q. Photographer")
    uploads = [
        encoded(picture(), "JPEG", comment=b"Jane Q. Photographer"),
        encoded(picture(), "PNG", pnginfo=text),
    ]
    with app.app_context():
        for upload in uploads:
            assert b"Jane Q. Photographer" not in stored(store(upload).sha256)


def test_exif_orientation_is_applied(app):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: show it rotated 90° clockwise
    upload = encoded(picture((400, 200), color="blue"), "JPEG", exif=exif.tobytes())
    with app.app_context():
        media = store(upload)
        image = stored_image(media.sha256).convert("RGB")
        assert (media.width, media.height) == (200, 400)
        assert image.size == (200, 400)
        top, bottom = image.getpixel((100, 50)), image.getpixel((100, 350))
        assert top[2] > 200 > top[0]  # the blue left half is now on top
        assert bottom[0] > 200 > bottom[2]  # the orange right half at the bottom


@pytest.mark.parametrize("upload_format", ["JPEG", "PNG", "WEBP"])
def test_a_larger_upload_is_stored_scaled_down_to_the_largest_side(app, upload_format):
    upload = encoded(picture((4000, 1000)), upload_format)
    with app.app_context():
        media = store(upload)
        assert (media.width, media.height) == (LARGEST_STORED_SIDE, LARGEST_STORED_SIDE // 4)
        assert stored_image(media.sha256).size == (media.width, media.height)


def test_a_turned_camera_picture_larger_than_the_largest_side_is_scaled_then_turned(app):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    upload = encoded(picture((4000, 2000), color="blue"), "JPEG", exif=exif.tobytes())
    with app.app_context():
        media = store(upload)
        assert (media.width, media.height) == (LARGEST_STORED_SIDE // 2, LARGEST_STORED_SIDE)


def test_transparent_gif_becomes_a_png_that_keeps_its_transparency(app):
    gif = Image.new("P", (600, 300), 0)
    gif.putpalette([255, 255, 255, 200, 0, 0])
    gif.paste(1, (300, 0, 600, 300))
    with app.app_context():
        media = store(encoded(gif, "GIF", transparency=0))
        image = stored_image(media.sha256).convert("RGBA")
        assert media.content_type == "image/png"
        assert image.getpixel((10, 10))[3] == 0
        assert image.getpixel((500, 10)) == (200, 0, 0, 255)
        assert stored_image(media.sha256, 480).convert("RGBA").getpixel((5, 5))[3] == 0


@pytest.mark.parametrize(
    "upload, message",
    [
        pytest.param(b"Dear diary,\nthis is not a picture.\n", NOT_AN_IMAGE, id="text"),
        pytest.param(b"", NOT_AN_IMAGE, id="empty"),
        pytest.param(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script></svg>",
            NOT_AN_IMAGE,
            id="svg",
        ),
        pytest.param(encoded(picture((80, 80)), "BMP"), NOT_AN_IMAGE, id="bmp"),
        pytest.param(noise((200, 200))[:30_000], DAMAGED, id="truncated-png"),
        pytest.param(noise((200, 200), "JPEG")[:4_000], DAMAGED, id="truncated-jpeg"),
    ],
)
def test_unusable_file_is_refused_and_nothing_is_stored(app, upload, message):
    with app.app_context():
        with pytest.raises(MediaRejected) as refusal:
            store_image(io.BytesIO(upload), None)
        assert str(refusal.value) == message
        assert media_count() == 0
    assert stored_names(app) == []


@pytest.mark.parametrize(
    "size",
    [
        pytest.param((5000, 5000), id="above-24-megapixels-of-png"),
        pytest.param((8000, 6000), id="above-40-megapixels"),
        pytest.param((10000, 10000), id="above-pillow-warning"),
        pytest.param((20000, 20000), id="above-pillow-error"),
    ],
)
def test_decompression_bomb_is_refused_and_nothing_is_stored(app, size):
    upload = blank_png(*size)
    assert len(upload) < 100_000
    with app.app_context(), warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        with pytest.raises(MediaRejected) as refusal:
            store_image(io.BytesIO(upload), None)
        assert not [warning for warning in warned if "decompression" in str(warning.message)]
        assert str(refusal.value) == TOO_MANY_PIXELS
        assert media_count() == 0
    assert stored_names(app) == []


def test_upload_over_the_size_limit_is_refused_and_nothing_is_stored(make_app, media_backend):
    app = make_app(MAX_UPLOAD_BYTES=1024 * 1024, **media_backend)
    upload = noise((800, 800))
    assert len(upload) > 1024 * 1024
    with app.app_context():
        with pytest.raises(MediaRejected) as refusal:
            store_image(io.BytesIO(upload), None)
        assert str(refusal.value) == "The image is larger than 1 MB."
        assert media_count() == 0
    assert stored_names(app) == []


class Trickle(io.BytesIO):
    """A stream that hands out at most 4 KB per read, like a slow network upload."""

    def read(self, size=-1):
        return super().read(4096 if size is None or size < 0 else min(size, 4096))


def test_upload_arriving_in_small_pieces_is_read_whole(app):
    upload = noise((100, 100))
    with app.app_context():
        media = store_image(Trickle(upload), None)
        assert (media.width, media.height) == (100, 100)


def test_upload_arriving_in_small_pieces_over_the_size_limit_is_refused(make_app, media_backend):
    app = make_app(MAX_UPLOAD_BYTES=1024 * 1024, **media_backend)
    with app.app_context():
        with pytest.raises(MediaRejected, match="larger than 1 MB"):
            store_image(Trickle(noise((800, 800))), None)


def test_upload_at_the_size_limit_is_stored(make_app, media_backend):
    upload = noise((300, 300))
    app = make_app(MAX_UPLOAD_BYTES=len(upload), **media_backend)
    with app.app_context():
        assert store(upload).width == 300


def test_storage_holds_the_original_and_its_variants_named_with_their_type_and_nothing_else(app):
    sha = stored_sha(app, encoded(picture((1000, 500)), "PNG"))
    assert stored_names(app) == [f"{sha}-480.png", f"{sha}-960.png", f"{sha}.png"]


@pytest.mark.parametrize(
    "upload_format, content_type",
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")],
)
def test_image_is_served_with_its_true_type_and_a_year_long_cache(
    app, client, upload_format, content_type
):
    sha = stored_sha(app, encoded(picture(), upload_format))
    for url in (f"/media/{sha}", f"/media/{sha}/480", f"/media/{sha}/960"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content_type == content_type
        assert response.headers["Cache-Control"] == FOREVER
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    with app.app_context():
        assert client.get(f"/media/{sha}").data == stored(sha)
        assert client.get(f"/media/{sha}/480").data == stored(sha, 480)


def test_served_image_revalidates_with_not_modified(app, client):
    sha = stored_sha(app, encoded(picture(), "PNG"))
    etag = client.get(f"/media/{sha}").headers["ETag"]
    assert client.get(f"/media/{sha}", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize(
    "address",
    [
        "/media/" + "0" * 64,
        "/media/" + "0" * 64 + "/480",
        "/media/not-a-hash",
        "/media/../instance/blog.sqlite3",
        "/media/{sha_upper}",
        "/media/{sha}-480",
        "/media/{sha}/1600",
        "/media/{sha}/1000",
        "/media/{sha}/500",
        "/media/{sha}/0",
    ],
)
def test_unknown_image_or_width_without_a_variant_is_not_found(app, client, address):
    sha = stored_sha(app, encoded(picture((1000, 500)), "PNG"))
    url = address.format(sha=sha, sha_upper=sha.upper())
    assert client.get(url).status_code == 404
