"""Media files from the local disk with HTTP Range support, for `make run` and tests.

Browsers seek in an <audio> file with Range requests; granian's static file serving ignores
them, so seeking in a narration would not work. In production nginx or the object store (S3)
serves media and this view is off (setting SERVE_MEDIA).

Only the folders readers are sent to are served (PUBLIC_FOLDERS, the same as in
deploy/nginx/newsdesk.conf): Wagtail's documents may be private and go through /documents/,
which checks. A path is taken as it is, never normalised: one with an empty, "." or ".."
segment, a backslash or a control character is not a file this site links to.
"""

import asyncio
import mimetypes
import os
import re

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from newsdesk.serving.lifetimes import lifetimes

CHUNK_SIZE = 64 * 1024
RANGE = re.compile(r"bytes=([0-9]*)-([0-9]*)")
# What the site links to: image renditions, original images (sitemaps), narration audio.
PUBLIC_FOLDERS = ("images", "original_images", "narration")
# Beyond any file: numbers longer than this are not converted (Python refuses 4,300 digits).
MAX_DIGITS = 18


def on_disk():
    return (
        settings.SERVE_MEDIA
        and settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    )


def public_file(path):
    """The file under MEDIA_ROOT that `path` names, if it is in a public folder and media are
    served from the disk; else None."""
    if not on_disk():
        return None
    segments = path.split("/")
    if segments[0] not in PUBLIC_FOLDERS or len(segments) < 2:
        return None
    if any(segment in ("", ".", "..") or not segment.isprintable() for segment in segments):
        return None
    if "\\" in path:
        return None
    root = os.path.realpath(os.path.join(settings.MEDIA_ROOT, segments[0]))
    full_path = os.path.realpath(os.path.join(root, *segments[1:]))
    # A symbolic link may not lead out of its folder.
    if not full_path.startswith(root + os.sep) or not os.path.isfile(full_path):
        return None
    return full_path


def number(digits):
    return int(digits) if len(digits) <= MAX_DIGITS else 10**MAX_DIGITS


def byte_range(header, size):
    """(start, end) for a single Range header, None to serve the whole file (no header, or one
    this view does not handle, like several ranges), or "unsatisfiable"."""
    match = RANGE.fullmatch(header.strip()) if header else None
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = number(last)
        if length == 0 or size == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    start = number(first)
    if start >= size or (last and number(last) < start):
        return "unsatisfiable"
    end = min(number(last), size - 1) if last else size - 1
    return start, end


def read_chunks(path, start, length):
    with open(path, "rb") as file:
        file.seek(start)
        while length > 0:
            data = file.read(min(CHUNK_SIZE, length))
            if not data:
                break
            length -= len(data)
            yield data


async def aread_chunks(path, start, length):
    # Django would buffer a synchronous iterator whole under ASGI; read in a thread instead.
    file = await asyncio.to_thread(open, path, "rb")
    try:
        await asyncio.to_thread(file.seek, start)
        while length > 0:
            data = await asyncio.to_thread(file.read, min(CHUNK_SIZE, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        await asyncio.to_thread(file.close)


@require_safe
def serve(request, path):
    full_path = public_file(path)
    if full_path is None:
        raise Http404
    try:
        stat = os.stat(full_path)
    except OSError:
        raise Http404 from None
    size = stat.st_size
    etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
    last_modified = http_date(stat.st_mtime)
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": last_modified,
        "Cache-Control": f"public, max-age={lifetimes.media}",
    }
    if not_modified(request, etag, stat.st_mtime):
        return HttpResponse(status=304, headers=headers)

    content_type = mimetypes.guess_type(full_path)[0] or "application/octet-stream"
    span = None
    if_range = request.headers.get("If-Range")
    if if_range is None or if_range in (etag, last_modified):
        span = byte_range(request.headers.get("Range"), size)
    if span == "unsatisfiable":
        return HttpResponse(status=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    status = 200
    start, end = 0, size - 1
    if span is not None:
        start, end = span
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    length = max(0, end - start + 1)
    headers["Content-Length"] = str(length)
    if request.method == "HEAD":
        return HttpResponse(status=status, headers=headers, content_type=content_type)
    chunks = (
        aread_chunks(full_path, start, length)
        if isinstance(request, ASGIRequest)
        else read_chunks(full_path, start, length)
    )
    return StreamingHttpResponse(chunks, status=status, headers=headers, content_type=content_type)


def not_modified(request, etag, mtime):
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    return since is not None and int(mtime) <= since
