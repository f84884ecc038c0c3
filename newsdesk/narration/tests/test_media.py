"""Media served with HTTP Range support (audio seeking under `make run` and in tests)."""

import os
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from newsdesk.testing import web_server

DATA = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def media_file(settings):
    name = default_storage.save("narration/range-test.mp3", ContentFile(DATA))
    yield f"/media/{name}"
    default_storage.delete(name)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=100-199", 100, 199), ("bytes=10000-", 10000, 10239), ("bytes=-40", 10200, 10239),
     ("bytes=10200-99999", 10200, 10239)],
)  # fmt: skip
def test_it_serves_a_byte_range(client, media_file, header, start, end):
    response = client.get(media_file, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/10240"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Content-Type"] == "audio/mpeg"
    assert body(response) == DATA[start : end + 1]


def test_it_serves_the_whole_file_and_says_it_can_do_ranges(client, media_file):
    response = client.get(media_file)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == "10240"
    assert body(response) == DATA


@pytest.mark.parametrize("header", ["bytes=20000-", "bytes=-0", "bytes=500-100"])
def test_it_refuses_a_range_outside_the_file(client, media_file, header):
    response = client.get(media_file, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */10240"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=abc"])
def test_it_answers_ranges_it_does_not_handle_with_the_whole_file(client, media_file, header):
    response = client.get(media_file, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == DATA


def test_it_ignores_a_range_for_a_changed_file(client, media_file):
    response = client.get(media_file, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old-etag"')
    assert response.status_code == 200


def test_it_answers_conditional_requests_and_head(client, media_file):
    etag = client.get(media_file)["ETag"]
    assert client.get(media_file, HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = client.head(media_file, HTTP_RANGE="bytes=0-9")
    assert head.status_code == 206
    assert head["Content-Length"] == "10"
    assert head.content == b""


@pytest.mark.parametrize(
    "path",
    ["/media/../newsdesk/settings.py", "/media/narration/missing.mp3", "/media/narration/",
     "/media/documents/private.pdf"],
)  # fmt: skip
def test_it_serves_nothing_outside_media_or_private(client, settings, db, path):
    os.makedirs(os.path.join(settings.MEDIA_ROOT, "documents"), exist_ok=True)
    with open(os.path.join(settings.MEDIA_ROOT, "documents", "private.pdf"), "wb") as file:
        file.write(b"%PDF private")
    assert client.get(path).status_code == 404


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_granian_serves_ranges_as_make_run_does(media_file):
    with web_server() as base:
        request = urllib.request.Request(base + media_file, headers={"Range": "bytes=5000-5099"})
        with urllib.request.urlopen(request) as response:
            assert response.status == 206
            assert response.headers["Content-Range"] == "bytes 5000-5099/10240"
            assert response.headers["Accept-Ranges"] == "bytes"
            assert response.read() == DATA[5000:5100]
        with urllib.request.urlopen(base + media_file) as response:
            assert response.headers["Content-Length"] == "10240"
            assert response.read() == DATA
