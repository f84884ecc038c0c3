"""Reader pages rendered by Django's WSGI handler in a pool of threads, under the ASGI server.

Django's ASGI handler runs a request's synchronous parts (Wagtail's page views, templates, the
ORM) through asgiref's adapters: a new thread for every request and about twenty hand-overs
between the event loop and threads, which cost more than rendering a page with its fragments
cached. A GET for a reader page needs nothing asynchronous, so it is handed to Django's WSGI
handler whole, once, in one of a few long-lived threads, and so is a static file (WhiteNoise
under ASGI would iterate its file synchronously in the event loop); the live feed's streams,
uploaded media, the admin and forms stay on the ASGI handler.
"""

import asyncio
import io
import sys
from concurrent.futures import ThreadPoolExecutor

from django.core.handlers.wsgi import WSGIHandler

from newsdesk.serving.store import FRONT_KEY


def environ_for(scope):
    server = scope.get("server") or ("localhost", 80)
    client = scope.get("client") or ("", 0)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", ""),
        # WSGI carries the path as bytes in a latin-1 string; Django decodes it as UTF-8.
        "PATH_INFO": scope["path"].encode().decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1] or 80),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": client[0],
        "REMOTE_PORT": str(client[1]),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if FRONT_KEY in scope:
        environ[FRONT_KEY] = scope[FRONT_KEY]
    for name, value in scope["headers"]:
        name = name.decode("latin-1").upper().replace("-", "_")
        key = name if name in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{name}"
        value = value.decode("latin-1")
        if key in environ:
            value = environ[key] + ("; " if key == "HTTP_COOKIE" else ",") + value
        environ[key] = value
    return environ


class ThreadedPages:
    """An ASGI application answering reader pages with Django's WSGI handler in `threads`
    threads (while one waits for the database, another renders)."""

    def __init__(self, threads):
        self.handler = WSGIHandler()
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="pages")

    def render(self, environ):
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = headers

        body = self.handler(environ, start_response)
        try:
            content = b"".join(body)  # pages are never streamed; static files are small
        finally:
            body.close()  # sends request_finished: the database connection goes back
        return started["status"], started["headers"], content

    async def __call__(self, scope, receive, send):
        loop = asyncio.get_running_loop()
        status, headers, content = await loop.run_in_executor(
            self.pool, self.render, environ_for(scope)
        )
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(n.encode("latin-1"), v.encode("latin-1")) for n, v in headers],
            }
        )
        body = b"" if scope["method"] == "HEAD" else content
        await send({"type": "http.response.body", "body": body})
