"""What HTTP says about a reader page: its compression (Brotli or gzip, as the client ranks
them), its validator (ETag, answered with 304) and what shared caches may do with it."""

import functools
import gzip

import brotli
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from newsdesk.serving.lifetimes import lifetimes

COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "image/svg+xml",
    "application/javascript",
)


def preferred_encoding(request):
    return encoding_for(request.headers.get("Accept-Encoding", ""))


@functools.lru_cache(maxsize=256)  # clients send a few distinct headers, again and again
def encoding_for(accept_encoding):
    """Brotli or gzip, whichever an Accept-Encoding header ranks higher (Brotli on a tie), or
    None when it accepts neither: not named (nor "*"), or refused with q=0 (RFC 9110 12.5.3)."""
    ranks = {}
    for part in accept_encoding.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        rank = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    rank = float(value)
                except ValueError:
                    rank = 0.0
        ranks[{"x-gzip": "gzip"}.get(name, name)] = rank if 0 <= rank <= 1 else 0.0
    anything = ranks.get("*", 0.0)
    brotli_rank, gzip_rank = ranks.get("br", anything), ranks.get("gzip", anything)
    if max(brotli_rank, gzip_rank) <= 0:
        return None
    return "br" if brotli_rank >= gzip_rank else "gzip"


def compressible(response):
    content_type = response.get("Content-Type", "")
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and content_type.startswith(COMPRESSIBLE)
        and len(response.content) >= 512
    )


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


def encode_response(request, response, variants=None):
    """Compress `response` for this client (reusing precomputed `variants` when given)."""
    if not compressible(response):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    encoding = preferred_encoding(request)
    if encoding is None:
        return response
    body = variants[encoding] if variants else compress(response.content, encoding)
    if len(body) >= len(response.content):
        return response
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = encoding
    if response.has_header("ETag") and not response["ETag"].startswith("W/"):
        response["ETag"] = "W/" + response["ETag"]
    return response


def anonymous_headers(response):
    """What a shared cache (nginx, a CDN) and the browser may do with an anonymous page."""
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={lifetimes.page}, stale-while-revalidate={lifetimes.stale}"
    )
    # Readers without a session all get the same page: cookies must not split shared caches.
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    vary = [v for v in vary if v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


def not_modified(request, etag):
    if etag and request.headers.get("If-None-Match"):
        wanted = [tag.removeprefix("W/") for tag in parse_etags(request.headers["If-None-Match"])]
        return etag in wanted or "*" in wanted
    return False
