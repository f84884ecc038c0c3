"""Request size limits and upload validation: oversized posts and bad files are refused with a
message, and nothing is stored."""

import re
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from newsdesk.core.models import NewsImage
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription
from newsdesk.testing import ROOT

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def picture(kind="JPEG", size=(64, 48)):
    buffer = BytesIO()
    Image.new("RGB", size, (40, 60, 90)).save(buffer, kind)
    return buffer.getvalue()


def test_the_limits_are_what_this_file_expects(settings):
    # Django's default: 2.5 MB of form data besides files; images up to 20 MB and 128 megapixels.
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * MB
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 128_000_000
    # No SVG (script inside an image) and nothing a browser would run as a page.
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"html", "htm", "svg", "js", "xml"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def test_it_refuses_an_oversized_sign_up_post_and_stores_nothing(client):
    Newsletter.objects.create(slug="morning-brief", name="The Morning Brief")
    fields = {"email": "reader@example.org", "newsletter": "morning-brief", "source": "/"}
    body = urlencode({**fields, "padding": "x" * (3 * MB)})
    response = client.post(
        "/newsletters/subscribe/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (400, 413)
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    # The same sign-up without the padding goes through: only the size was refused.
    ok = client.post("/newsletters/subscribe/", fields)
    assert ok.status_code == 200 and Subscriber.objects.count() == 1


def test_reporters_and_editors_may_upload_images_as_migrated(client, editor, reporter):
    for user in (editor, reporter):
        client.force_login(user)
        assert client.get("/admin/images/add/").status_code == 200
        assert client.get("/admin/images/multiple/add/").status_code == 200


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload_image(client, name, content, multiple):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    if multiple:  # the admin's "Add images" page (drag and drop), which answers in JSON
        response = client.post("/admin/images/multiple/add/", {"files[]": upload})
        assert response.status_code == 200
        data = response.json()
        assert data["success"] is False
        return data["error_message"]
    response = client.post("/admin/images/add/", {"title": "Upload", "file": upload})
    assert response.status_code == 200  # the form again, with the error; no redirect
    return " ".join(response.context["form"].errors["file"])


def pixel_bomb():
    """A valid PNG of 12,000 x 12,000 one-bit pixels (144 megapixels) in a few kilobytes."""
    buffer = BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


BAD_IMAGES = {
    "not an image": (
        "photo.jpg",
        lambda: b"%PDF-1.7\n" + b"not a picture at all " * 100,
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image.",
    ),
    "a PNG named .jpg": (
        "photo.jpg",
        lambda: picture("PNG"),
        "Not a valid .jpeg image. The extension does not match the file format (png)",
    ),
    "oversized": (
        "huge.jpg",
        # A real JPEG padded past the 20 MB limit (decoders ignore what follows its end).
        lambda: picture() + b"\0" * (20 * MB + 1),
        "This file is too big",
    ),
    "too many pixels": ("bomb.png", pixel_bomb, "This file has too many pixels"),
    "SVG": (
        "drawing.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        "Not a supported image format.",
    ),
}


# Pillow warns about the pixel bomb before Wagtail refuses it.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("multiple", [False, True], ids=["add form", "multiple upload"])
@pytest.mark.parametrize("kind", BAD_IMAGES)
def test_it_refuses_bad_image_uploads_with_a_message(editor_client, kind, multiple):
    name, content, message = BAD_IMAGES[kind]
    shown = upload_image(editor_client, name, content(), multiple)
    assert message in shown
    assert not NewsImage.objects.exists() and not UploadedFile.objects.exists()
    media = Path(django_settings.MEDIA_ROOT) / "original_images"
    assert not any(media.glob(f"{Path(name).stem}*"))


def test_it_accepts_a_real_image(editor_client):
    upload = SimpleUploadedFile("kyiv.jpg", picture(), content_type="image/jpeg")
    # (Editors choose among the collections; the form preselects the root one.)
    root = Collection.get_first_root_node()
    data = {"title": "Kyiv", "file": upload, "collection": root.pk}
    response = editor_client.post("/admin/images/add/", data)
    assert response.status_code == 302
    assert NewsImage.objects.get().title == "Kyiv"


@pytest.mark.parametrize("name", ["page.html", "script.js", "drawing.svg", "tool.exe"])
def test_it_refuses_documents_a_browser_would_run(editor_client, name):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="text/html")
    response = editor_client.post("/admin/documents/add/", {"title": "Doc", "file": upload})
    assert response.status_code == 200
    assert "File extension" in response.text and "is not allowed" in response.text
    assert not get_document_model().objects.exists()


def test_nginx_caps_request_bodies_above_the_largest_upload():
    conf = (ROOT / "deploy" / "nginx" / "newsdesk.conf").read_text()
    match = re.search(r"^\s*client_max_body_size\s+(\d+)([km]?);", conf, re.M)
    assert match, "deploy/nginx/newsdesk.conf sets no client_max_body_size"
    size = int(match.group(1)) * {"": 1, "k": 1024, "m": MB}[match.group(2)]
    # Room for the largest image plus the form around it, and no more than needed.
    assert django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE < size <= 32 * MB
