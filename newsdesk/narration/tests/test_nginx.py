"""deploy/nginx/newsdesk.conf as shipped, run by Debian's nginx in front of granian.

Only what a test machine cannot have is changed: the ports, the certificate (made here), the
cache and media directories. Readers get the public media; no spelling of a path gets a private
document from MEDIA_ROOT, and documents go through Wagtail's checks at /documents/.
"""

import http.client
import os
import ssl
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from newsdesk.narration.tests.test_media import TRAVERSALS
from newsdesk.testing import ROOT, free_port, stop, wait_for_port, web_server

CONFIG = ROOT / "deploy" / "nginx" / "newsdesk.conf"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
HOST = "news.example.org"

MAIN = """
user root;  # ignored unless run as root; then the workers may read pytest's 0700 directories
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
{load_module}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    include {dir}/newsdesk.conf;
}}
"""


def deploy_config(*, directory, media_root, upstream, ports):
    """The shipped server configuration with this machine's ports and directories."""
    text = CONFIG.read_text()
    replacements = [
        (f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(directory / "cert.pem")),
        (f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(directory / "key.pem")),
        ("/var/cache/nginx/newsdesk", str(directory / "cache")),
        ("/srv/newsdesk/media", str(media_root)),
        ("root /srv/newsdesk;", f"root {Path(media_root).parent};"),
        ("/srv/newsdesk/staticfiles/", str(directory / "static") + "/"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{ports['purge']};"),
        ("listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{ports['https']} ssl http2;"),
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
    ]
    for old, new in replacements:
        assert old in text, f"{CONFIG} no longer has {old!r}: update this test"
        text = text.replace(old, new)
    if not PURGE_MODULE.exists():
        # Debian's libnginx-mod-http-cache-purge (bench/pages.py installs it): without it only
        # the loopback purge server differs, which serves no media.
        text = text.replace("proxy_cache_purge newsdesk $host$request_uri;", "return 204;")
    return text


@pytest.fixture
def nginx(settings, tmp_path):
    directory = tmp_path / "nginx"
    (directory / "static").mkdir(parents=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={HOST}", "-keyout", directory / "key.pem", "-out", directory / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    with web_server(env={"ALLOWED_HOSTS": HOST}) as base:
        upstream = int(base.rsplit(":", 1)[1])
        ports = {"purge": free_port(), "http": free_port(), "https": free_port()}
        (directory / "newsdesk.conf").write_text(
            deploy_config(
                directory=directory,
                media_root=settings.MEDIA_ROOT,
                upstream=upstream,
                ports=ports,
            )
        )
        load_module = f"load_module {PURGE_MODULE};" if PURGE_MODULE.exists() else ""
        conf = directory / "nginx.conf"
        conf.write_text(MAIN.format(dir=directory, load_module=load_module))
        checked = subprocess.run(["nginx", "-t", "-c", conf], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        process = subprocess.Popen(["nginx", "-c", conf, "-g", "daemon off;"])
        try:
            wait_for_port(ports["https"], process=process)
            yield ports["https"]
        finally:
            stop(process)


def fetch(port, path):
    """GET `path` exactly as written (no client normalises it) over HTTPS; (status, body)."""
    context = ssl._create_unverified_context()  # noqa: S323 - the certificate made above
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", HOST)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def private_document(settings, tmp_path):
    """A document in a collection only signed-in staff may see, and the files beside it."""
    root = settings.MEDIA_ROOT
    collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Payroll",
        file=ContentFile(b"%PDF private payroll", name="private.pdf"),
        collection=collection,
    )
    public = [
        default_storage.save(f"{folder}/public-{folder}.bin", ContentFile(b"public bytes"))
        for folder in ("images", "original_images", "narration")
    ]
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"private: outside MEDIA_ROOT")
    links = {
        f"narration/{document.file.name.split('/')[-1]}": os.path.join(root, document.file.name),
        "narration/link-out.txt": str(outside),
        "narration/docs": os.path.join(root, "documents"),
    }
    for link, target in links.items():
        os.symlink(target, os.path.join(root, link))
    # The traversal paths name documents/private.pdf: this is the file they aim at.
    assert document.file.name == "documents/private.pdf"
    yield document, public
    document.file.delete(save=False)
    for name in public:
        default_storage.delete(name)
    for link in links:
        os.remove(os.path.join(root, link))


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_nginx_serves_public_media_and_no_private_document(private_document, nginx):
    document, public = private_document
    for name in public:
        assert fetch(nginx, f"/media/{name}") == (200, b"public bytes"), name

    for path in [*TRAVERSALS, "/media/narration/private.pdf", "/media/narration/docs/"]:
        status, body = fetch(nginx, path)
        assert status in (400, 403, 404), path
        assert b"private" not in body, path

    # Through Newsdesk, Wagtail asks an anonymous reader to sign in.
    status, body = fetch(nginx, document.url)
    assert status == 302 and b"private" not in body
