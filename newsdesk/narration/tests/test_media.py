"""Media served with HTTP Range support (audio seeking under `make run` and in tests)."""

import http.client
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from newsdesk.testing import subprocess_env, web_server

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
    ("header", "status", "start", "end"),
    [
        ("bytes=" + "9" * 5000 + "-", 416, None, None),  # a first byte far beyond the end
        ("bytes=" + "9" * 5000 + "-" + "9" * 5001, 416, None, None),
        ("bytes=0-" + "9" * 5000, 206, 0, 10239),  # a last byte far beyond: to the end
        ("bytes=-" + "9" * 5000, 206, 0, 10239),  # a suffix longer than the file: all of it
        ("bytes=-20000", 206, 0, 10239),
        ("bytes=10239-", 206, 10239, 10239),
        ("bytes=10240-", 416, None, None),
        ("bytes=5-5", 206, 5, 5),
        ("bytes=0-1,5-6", 200, 0, 10239),  # several ranges: the whole file
        ("bytes=0-1, -5", 200, 0, 10239),
        ("bytes=\u0663-", 200, 0, 10239),  # an Arabic-Indic digit is not a number here
        ("bytes=--5", 200, 0, 10239),
        ("bytes=", 200, 0, 10239),
    ],
)  # fmt: skip
def test_it_answers_range_edge_cases(client, media_file, header, status, start, end):
    response = client.get(media_file, HTTP_RANGE=header)
    assert response.status_code == status
    if status == 416:
        assert response["Content-Range"] == "bytes */10240"
    else:
        assert body(response) == DATA[start : end + 1]
        assert response["Content-Length"] == str(end - start + 1)


def test_it_refuses_every_range_of_an_empty_file(client, settings):
    name = default_storage.save("narration/empty.mp3", ContentFile(b""))
    try:
        for header in ("bytes=0-", "bytes=-5", "bytes=0-0"):
            assert client.get(f"/media/{name}", HTTP_RANGE=header).status_code == 416
        assert client.get(f"/media/{name}").status_code == 200
    finally:
        default_storage.delete(name)


@pytest.fixture
def media_tree(settings, tmp_path):
    """A private document, a file outside MEDIA_ROOT, and symbolic links out of public folders
    (as an operator's mistake or another program could leave them)."""
    root = settings.MEDIA_ROOT
    for folder in ("documents", "narration", "images", "original_images", "healthz"):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    created = []

    def write(relative, data=b"%PDF private"):
        path = os.path.join(root, relative)
        with open(path, "wb") as file:
            file.write(data)
        created.append(path)

    write("documents/private.pdf")
    write("secret.txt")
    write("healthz/probe.txt")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"outside MEDIA_ROOT")
    links = {
        "narration/link-out.txt": str(outside),
        "narration/docs": os.path.join(root, "documents"),
        "images/private.pdf": os.path.join(root, "documents", "private.pdf"),
    }
    for link, target in links.items():
        os.symlink(target, os.path.join(root, link))
        created.append(os.path.join(root, link))
    yield root
    for path in created:
        os.remove(path)


TRAVERSALS = [
    "/media/documents/private.pdf",
    "/media/./documents/private.pdf",
    "/media/%2e/documents/private.pdf",
    "/media/%2E/documents/private.pdf",
    "/media/.%2fdocuments/private.pdf",
    "/media//documents/private.pdf",
    "/media/documents%2fprivate.pdf",
    "/media/narration/../documents/private.pdf",
    "/media/narration/..%2fdocuments/private.pdf",
    "/media/narration/..%2Fdocuments%2Fprivate.pdf",
    "/media/narration/%2e%2e/documents/private.pdf",
    "/media/narration/%2e%2e%2fdocuments%2fprivate.pdf",
    "/media/narration/.%2e/documents/private.pdf",
    "/media/narration/%252e%252e/documents/private.pdf",  # double-encoded
    "/media/narration/%252e%252e%252fdocuments%252fprivate.pdf",
    "/media/narration/..%5cdocuments%5cprivate.pdf",  # backslashes
    "/media/narration\\..\\documents\\private.pdf",
    "/media/narration/%c0%ae%c0%ae/documents/private.pdf",  # overlong UTF-8 dots and slash
    "/media/narration/%c0%ae%c0%ae%c0%afdocuments%c0%afprivate.pdf",
    "/media/narration/%e0%80%ae%e0%80%ae/documents/private.pdf",
    "/media/narration/%00/../../documents/private.pdf",  # NUL
    "/media/%00",
    "/media/narration/private.pdf%00.mp3",
    "/media/narration/docs/private.pdf",  # a symlinked folder
    "/media/images/private.pdf",  # a symlink to a private file
    "/media/narration/link-out.txt",  # a symlink out of MEDIA_ROOT
    "/media/../newsdesk/settings.py",
    "/media/narration/../../newsdesk/settings.py",
    "/media/secret.txt",  # MEDIA_ROOT itself is not public
    "/media/healthz/probe.txt",
    "/media/narration/",
    "/media/narration",
    "/media/narration/missing.mp3",
    "/media/",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_it_serves_nothing_outside_the_public_folders(client, db, media_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"private" not in body(response) and b"outside" not in body(response)


@pytest.mark.parametrize("folder", ["images", "original_images", "narration"])
@pytest.mark.parametrize("name", ["photo.jpg", "київ вночі.jpg"])
def test_it_serves_the_public_folders(client, folder, name):
    stored = default_storage.save(f"{folder}/{name}", ContentFile(b"public bytes"))
    try:
        response = client.get("/media/" + urllib.parse.quote(stored))
        assert response.status_code == 200
        assert body(response) == b"public bytes"
    finally:
        default_storage.delete(stored)


IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}

# A process whose URLconf was loaded while another storage was set (as in a test with an S3
# bucket that happened to make a worker's first request) still serves the disk's media later.
FIRST_LOADED_UNDER_ANOTHER_STORAGE = f"""
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings
from django.urls import resolve
with override_settings(STORAGES={{"default": {IN_MEMORY!r}}}):
    resolve("/podcast.xml")
response = Client().get("/media/images/first.jpg")
print(response.status_code, response.streaming and b"".join(response.streaming_content).decode())
"""


def test_it_serves_the_disk_whatever_the_storage_when_its_urls_were_loaded(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "first.jpg").write_bytes(b"from the disk")
    env = subprocess_env(MEDIA_ROOT=str(tmp_path))
    answer = subprocess.run(
        [sys.executable, "-c", FIRST_LOADED_UNDER_ANOTHER_STORAGE],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert answer.stdout.split() == ["200", "from", "the", "disk"], answer.stderr[-2000:]


def test_it_serves_nothing_while_the_storage_is_elsewhere(client, db, settings):
    default_storage.save("images/elsewhere.jpg", ContentFile(b"on the disk"))
    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY}
    assert client.get("/media/images/elsewhere.jpg").status_code == 404


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


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_granian_serves_no_private_file_whatever_the_path(media_tree, media_file):
    """The same paths, sent byte for byte to the server `make run` starts (no client tidies
    them up on the way)."""
    with web_server() as base:
        port = urllib.parse.urlsplit(base).port
        statuses = {}
        for path in TRAVERSALS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.putrequest("GET", path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            assert b"private" not in response.read()
            statuses[path] = response.status
            connection.close()
        assert {path: status for path, status in statuses.items() if status != 404} == {}
        huge = urllib.request.Request(
            base + media_file, headers={"Range": "bytes=9" + "9" * 5000 + "-"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(huge)
        assert refused.value.code == 416
