"""Pictures fetched over HTTP (never from private or loopback addresses unless allowed; bounded in
size and time; images only) or read from a folder (nothing outside it); each file stored once."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

import pytest
from PIL import Image

from newsdesk.articles.models import ArticlePage
from newsdesk.core.models import NewsImage
from newsdesk.imports.media import MediaError, fetch, inside
from newsdesk.imports.models import ImportItem
from newsdesk.imports.tests.conftest import attachment_item, post_item, run_command, write, wxr
from newsdesk.testing import free_port

pytestmark = pytest.mark.django_db


def jpeg_bytes(color=(10, 200, 30)):
    buffer = BytesIO()
    Image.new("RGB", (320, 180), color).save(buffer, "JPEG")
    return buffer.getvalue()


PHOTO = jpeg_bytes()


class Handler(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self):
        routes = {
            "/photo.jpg": ("image/jpeg", PHOTO),
            "/same-photo.jpg": ("image/jpeg", PHOTO),
            "/page.html": ("text/html", b"<html>not a picture</html>"),
            "/fake.jpg": ("image/jpeg", b"GIF89a but not really"),
            "/huge.jpg": ("image/jpeg", b"\xff" * 50_000),
        }
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/photo.jpg")
            self.end_headers()
        elif self.path == "/slow.jpg":
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()
            self.wfile.write(PHOTO[:100])
            self.wfile.flush()
            self.release.wait(10)
        elif self.path in routes:
            kind, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()
    Handler.release.clear()


def test_loopback_and_private_addresses_are_refused_unless_allowed(server):
    port = server.rsplit(":", 1)[1]
    for url in (
        f"{server}/photo.jpg",
        f"http://localhost:{port}/photo.jpg",
        "http://10.1.2.3/x.jpg",
    ):
        with pytest.raises(MediaError, match="is a private or local address"):
            fetch(url)
    assert fetch(f"{server}/photo.jpg", allow_private=True) == PHOTO
    assert fetch(f"{server}/moved", allow_private=True) == PHOTO  # redirects are followed


def test_only_pictures_within_the_bounds_are_taken(server, settings):
    settings.IMPORT_MEDIA_MAX_BYTES = 20_000
    settings.IMPORT_MEDIA_TIMEOUT = 0.5
    with pytest.raises(MediaError, match=r"is not an image \(text/html\)"):
        fetch(f"{server}/page.html", allow_private=True)
    with pytest.raises(MediaError, match="is larger than 20,000 bytes"):
        fetch(f"{server}/huge.jpg", allow_private=True)
    with pytest.raises(MediaError, match="took too long to download"):
        fetch(f"{server}/slow.jpg", allow_private=True)
    with pytest.raises(MediaError, match="answered HTTP 404"):
        fetch(f"{server}/missing.jpg", allow_private=True)
    with pytest.raises(MediaError, match="not an http"):
        fetch("file:///etc/hostname", allow_private=True)


def test_the_import_fetches_pictures_once_and_reports_the_rest(server, tmp_path):
    export = write(tmp_path, "export.xml", wxr(
        attachment_item(50, f"{server}/photo.jpg"),
        attachment_item(51, f"{server}/fake.jpg"),
        post_item(1, "First", thumbnail=50),
        post_item(2, "Second", thumbnail=51,
                  body=f'<p>Text</p><img src="{server}/same-photo.jpg" alt="Same">'),
    ))  # fmt: skip
    run_command("import_wordpress", export, "--fetch-media")
    assert not NewsImage.objects.exists()
    reason = ImportItem.objects.get(source_id="1").reason
    assert f"picture {server}/photo.jpg: 127.0.0.1 is a private or local address" in reason

    run_command("import_wordpress", export, "--fetch-media", "--allow-private-media")
    first, second = ArticlePage.objects.get(title="First"), ArticlePage.objects.get(title="Second")
    assert first.lead_image is not None and second.lead_image is None
    reason = ImportItem.objects.filter(source_id="2").latest("pk").reason
    assert "fake.jpg: not a picture that can be read" in reason
    # The body's picture is the same file under another name: stored once.
    assert second.body[1].value["image"] == first.lead_image
    assert NewsImage.objects.count() == 1


def test_a_media_folder_gives_nothing_from_outside_it(tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    (tmp_path / "secret.jpg").write_bytes(PHOTO)
    (folder / "inside.jpg").write_bytes(PHOTO)
    assert inside(folder.resolve(), "inside.jpg") == (folder / "inside.jpg").resolve()
    assert inside(folder.resolve(), "../secret.jpg") is None
    assert inside(folder.resolve(), "/etc/hostname") is None
    (folder / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    assert inside(folder.resolve(), "link.jpg") is None
