"""Media on S3-compatible object storage, against moto's S3 API server on loopback: an image and
its renditions, a narration, both linked from the article page and fetched as a browser would
(audio seeking with a Range request), and what is left once the article is deleted."""

import re
from urllib.error import HTTPError

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model

from newsdesk.conftest import make_image
from newsdesk.narration.models import Narration
from newsdesk.serving.lifetimes import lifetimes

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(s3_bucket):
    return s3_bucket


def linked(html, bucket, tag):
    return re.findall(rf'<{tag}\b[^>]*?\ssrc="({re.escape(bucket.origin)}/[^"]+)"', html)


def test_it_stores_images_renditions_and_narrations_in_the_bucket(bucket, publish, client):
    article = publish(lead_image=make_image())
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.READY
    html = client.get(article.url).content.decode()

    [picture, *_] = linked(html, bucket, "img")
    status, headers, body = bucket.get(picture)
    assert status == 200
    assert headers["Content-Type"] in {"image/jpeg", "image/webp", "image/avif"}
    assert headers["Cache-Control"] == f"public, max-age={lifetimes.media}"
    assert body[:3] == b"\xff\xd8\xff" or body[8:12] in {b"WEBP", b"ftyp"}

    [audio] = linked(html, bucket, "audio")
    assert audio == narration.audio.url
    status, headers, whole = bucket.get(audio)
    assert (status, headers["Content-Type"]) == (200, "audio/mpeg")
    assert headers["Cache-Control"] == f"public, max-age={lifetimes.media}"
    assert len(whole) == narration.byte_size
    # A player seeking to the middle of the file.
    middle = len(whole) // 2
    status, headers, part = bucket.get(audio, Range=f"bytes={middle}-{middle + 999}")
    assert status == 206
    assert headers["Content-Range"] == f"bytes {middle}-{middle + 999}/{len(whole)}"
    assert part == whole[middle : middle + 1000]

    names = bucket.names()
    assert narration.audio.name in names
    assert article.lead_image.file.name in names
    assert any(name.startswith("images/") for name in names)


def test_deleting_the_article_removes_its_audio_and_keeps_the_picture_library(
    bucket, publish, client, django_capture_on_commit_callbacks
):
    image = make_image()
    article = publish(lead_image=image)
    client.get(article.url)  # renders the renditions
    audio = Narration.objects.get(article=article).audio.name
    before = bucket.names()
    assert audio in before
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    after = bucket.names()
    assert after == sorted(set(before) - {audio})
    assert image.file.name in after
    assert not default_storage.exists(audio)
    assert client.get(article.url).status_code == 404


def test_documents_stay_private_in_the_bucket_and_come_through_django(bucket, client):
    document = get_document_model().objects.create(
        title="Budget", file=ContentFile(b"%PDF-1.4 figures", name="budget.pdf")
    )
    assert document.file.name in bucket.names()
    with pytest.raises(HTTPError) as refused:
        bucket.get(f"{bucket.origin}/{document.file.name}")
    assert refused.value.code == 403
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 figures"
