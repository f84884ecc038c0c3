"""Pictures for imported posts and people: from a local copy of the old site's uploads folder, or
fetched over HTTP(S); each file stored once, whatever name or address it is found under.

Fetching guards against server-side request forgery by hand, because no maintained library does
it for urllib3: the host name is resolved once, every address it resolves to must be a public
one (not private, loopback, link-local, shared or reserved) unless `allow_private` is given, and
the connection goes to that checked address, so a second DNS answer cannot point elsewhere.
Redirects are followed one by one (three at most), each checked the same way. The download is
bounded in size (IMPORT_MEDIA_MAX_BYTES) and in time (IMPORT_MEDIA_TIMEOUT seconds for the whole
of it), the server must call it an image, and Pillow must read it as one.
"""

import hashlib
import ipaddress
import os
import re
import socket
import time
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import urllib3
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError
from wagtail.models import Collection

from newsdesk.core.models import NewsImage
from newsdesk.core.tasks import index_pictures

IMAGE_TYPES = {
    "image/jpeg": "jpg",
    "image/pjpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
}
PILLOW_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
UPLOAD_FOLDERS = ("/wp-content/uploads/", "/content/images/")
# WordPress's resized copies: photo-300x200.jpg is a thumbnail of photo.jpg.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
MAX_REDIRECTS = 3


class MediaError(Exception):
    """Why a picture could not be had, in words for the report."""


def public_address(address):
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def checked_address(host, port, *, allow_private):
    """One address of `host` to connect to; MediaError if it may not be fetched from."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise MediaError(f"{host} cannot be resolved") from None
    addresses = [info[4][0] for info in found]
    if not allow_private:
        private = [address for address in addresses if not public_address(address)]
        if private:
            raise MediaError(
                f"{host} is a private or local address ({private[0]}); not fetched "
                "(--allow-private-media allows it)"
            )
    return addresses[0]


def fetch(url, *, allow_private=False, max_bytes=None, timeout=None, clock=time.monotonic):
    """The bytes of the picture at `url`, or MediaError."""
    max_bytes = max_bytes or settings.IMPORT_MEDIA_MAX_BYTES
    timeout = timeout or settings.IMPORT_MEDIA_TIMEOUT
    deadline = clock() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise MediaError(f"{url} is not an http(s) address")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = checked_address(parts.hostname, port, allow_private=allow_private)
        remaining = max(0.1, deadline - clock())
        options = {"timeout": urllib3.Timeout(connect=remaining, read=remaining), "retries": False}
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                port,
                server_hostname=parts.hostname,
                assert_hostname=parts.hostname,
                cert_reqs="CERT_REQUIRED",
                **options,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port, **options)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            response = pool.urlopen(
                "GET",
                target,
                headers={"Host": parts.netloc.rpartition("@")[2], "Accept": "image/*"},
                redirect=False,
                preload_content=False,
            )
        except (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError):
            raise MediaError(f"{url} took too long to download") from None
        except urllib3.exceptions.HTTPError as error:
            raise MediaError(f"{parts.hostname} did not answer ({type(error).__name__})") from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            return read_image_response(response, url, max_bytes, deadline, clock)
        finally:
            response.release_conn()
            pool.close()
    raise MediaError(f"{url}: more than {MAX_REDIRECTS} redirects")


def read_image_response(response, url, max_bytes, deadline, clock):
    if response.status != 200:
        raise MediaError(f"{url} answered HTTP {response.status}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in IMAGE_TYPES:
        raise MediaError(f"{url} is not an image ({content_type or 'no content type'})")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise MediaError(f"{url} is larger than {max_bytes:,} bytes")
    data = bytearray()
    try:
        for chunk in response.stream(64 * 1024):
            data += chunk
            if len(data) > max_bytes:
                raise MediaError(f"{url} is larger than {max_bytes:,} bytes")
            if clock() > deadline:
                raise MediaError(f"{url} took too long to download")
    except (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError):
        raise MediaError(f"{url} took too long to download") from None
    except urllib3.exceptions.HTTPError as error:
        raise MediaError(f"{url} could not be read ({type(error).__name__})") from None
    return bytes(data)


def image_kind(data):
    """(file extension, width, height) of a picture Pillow can read, or MediaError."""
    try:
        with Image.open(BytesIO(data)) as picture:
            picture.verify()
            kind, (width, height) = picture.format, picture.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise MediaError("not a picture that can be read") from None
    if kind not in PILLOW_FORMATS:
        raise MediaError(f"a {kind} picture, which the site does not take")
    return PILLOW_FORMATS[kind], width, height


def folder_candidates(url, relative_file=""):
    """Paths under an uploads folder where the file at `url` may be: the path after
    /wp-content/uploads/ or /content/images/, then the original of a resized copy."""
    path = unquote(urlsplit(url).path)
    candidates = [relative_file] if relative_file else []
    for folder in UPLOAD_FOLDERS:
        if folder in path:
            candidates.append(path.split(folder, 1)[1])
    candidates.append(path.lstrip("/"))
    candidates += [SIZE_SUFFIX.sub("", candidate) for candidate in candidates]
    return [candidate for candidate in dict.fromkeys(candidates) if candidate]


def inside(folder, relative):
    """The file `relative` under `folder`, or None if it is not there (or outside it)."""
    relative = PurePosixPath(relative)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    path = (folder / relative).resolve()
    return path if path.is_relative_to(folder) and path.is_file() else None


class MediaLibrary:
    """Finds, checks and stores pictures for one import. A picture is known by the SHA-1 of its
    bytes (Wagtail's `file_hash`), so one file is stored once whatever its names or addresses,
    in this import, a later one or the library."""

    def __init__(
        self, *, folder=None, fetch_media=False, allow_private=False, dry_run=False, fetcher=fetch
    ):
        self.by_url = {}
        self.by_hash = None
        self.unindexed = []  # ids of stored pictures whose search-index update is not queued
        self.folder = Path(folder).resolve() if folder else None
        self.fetch_media = fetch_media
        self.allow_private = allow_private
        self.dry_run = dry_run
        self.fetcher = fetcher
        self.stored = self.reused = self.missing = self.found = 0
        self.collection_id = None
        self.problems = {}  # url -> why it is missing

    def image_for(self, url, *, alt="", title="", caption="", credit="", relative_file=""):
        """The id of the stored picture for `url`, or None (the reason is in `problems`)."""
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        if not url or url.startswith("data:"):
            return None
        if url in self.by_url:
            return self.by_url[url]
        try:
            data, name = self.read(url, relative_file)
        except MediaError as problem:
            self.missing += 1
            self.problems[url] = str(problem)
            return None
        if data is None:  # a dry run found it
            return None
        try:
            kind = image_kind(data)
        except MediaError as problem:
            self.missing += 1
            self.problems[url] = f"{name}: {problem}"
            return None
        self.by_url[url] = self.store(data, name, kind, alt, title, caption, credit)
        return self.by_url[url]

    def read(self, url, relative_file):
        if self.folder:
            for candidate in folder_candidates(url, relative_file):
                path = inside(self.folder, candidate)
                if path:
                    if self.dry_run:
                        self.found += 1
                        return None, path.name
                    if path.stat().st_size > settings.IMPORT_MEDIA_MAX_BYTES:
                        raise MediaError(f"{path.name} is larger than the size limit")
                    return path.read_bytes(), path.name
        if self.fetch_media:
            if self.dry_run:
                return None, ""
            return self.fetcher(url, allow_private=self.allow_private), url_file_name(url)
        if self.folder:
            raise MediaError(
                f"not in the media folder ({folder_candidates(url, relative_file)[0]})"
            )
        raise MediaError("no media folder given and fetching is off (--fetch-media)")

    def store(self, data, name, kind, alt, title, caption, credit):
        """The id of the picture with these bytes: one the site has (under whatever name), else
        a new one, written with bulk_create: a save would also queue a reference-index task
        (a picture refers to nothing of interest) and run in a savepoint. The file goes to the
        storage directly, since its size is known: through the image field, Wagtail would open
        and decode it again to measure it. Search-index updates are queued by `flush_index`."""
        digest = hashlib.sha1(data).hexdigest()  # Wagtail's file_hash: SHA-1 of the file
        if self.by_hash is None:
            self.by_hash = dict(NewsImage.objects.values_list("file_hash", "pk"))
            self.collection_id = Collection.get_first_root_node().pk
        if digest in self.by_hash:
            self.reused += 1
            return self.by_hash[digest]
        extension, width, height = kind
        stem = os.path.splitext(name)[0][:80] or "image"
        image = NewsImage(
            collection_id=self.collection_id,
            title=(title or stem)[:255],
            alt_text=alt[:300],
            caption=caption,
            photographer=credit[:120],
            width=width,
            height=height,
            file_hash=digest,
            file_size=len(data),
        )
        field = image.file.field
        wanted = field.generate_filename(image, f"{stem}.{extension}")
        image.file = field.storage.save(wanted, ContentFile(data), max_length=field.max_length)
        NewsImage.objects.bulk_create([image])
        self.unindexed.append(image.pk)
        self.stored += 1
        self.by_hash[digest] = image.pk
        return image.pk

    def flush_index(self):
        """Queue the search-index update of the pictures stored since the last call, as one
        task."""
        if self.unindexed:
            index_pictures.enqueue(self.unindexed)
            self.unindexed = []


def url_file_name(url):
    return PurePosixPath(unquote(urlsplit(url).path)).name or "image"
