"""A purge server for tests: answers PURGE as nginx's cache-purge module does, on a free
loopback port (`purge_server` fixture in newsdesk/serving/tests/conftest.py)."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PurgeServer(ThreadingHTTPServer):
    """Answers PURGE as nginx's cache-purge module does: 200 for a URL it holds a copy of,
    404 for one it does not; `status` overrides both (a misconfigured server)."""

    def __init__(self, cached=(), status=None):
        self.cached, self.status, self.received = set(cached), status, []
        super().__init__(("127.0.0.1", 0), PurgeHandler)


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.received.append((self.headers["Host"], self.path))
        status = self.server.status or (200 if self.path in self.server.cached else 404)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def use_purge_server(settings, location):
    settings.SITE_URL = "https://news.example.org"
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "newsdesk.serving.purge.PurgeBackend", "LOCATION": location}
    }
