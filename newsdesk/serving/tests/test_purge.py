"""Purges to the front-end cache (nginx's purge server at FRONTEND_CACHE_URL)."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.serving.purge import purge_now
from newsdesk.testing import free_port


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


@pytest.fixture
def purge_server(settings):
    servers = []

    def start(**options):
        server = PurgeServer(**options)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        use_purge_server(settings, f"http://127.0.0.1:{server.server_port}")
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def use_purge_server(settings, location):
    settings.SITE_URL = "https://news.example.org"
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "newsdesk.serving.purge.PurgeBackend", "LOCATION": location}
    }


def warnings_and_errors(caplog):
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_it_purges_every_path_and_its_query_variants_with_the_page_s_host(purge_server, caplog):
    server = purge_server(cached={"/world/", "/world/?*"})
    purge_now(["/world/", "/"])
    assert sorted(server.received) == sorted(
        ("news.example.org", path) for path in ("/world/", "/", "/world/?*", "/?*")
    )
    assert warnings_and_errors(caplog) == []


def test_a_page_nginx_had_not_cached_is_no_error(purge_server, caplog):
    caplog.set_level(logging.DEBUG)
    server = purge_server()  # holds nothing: every purge answers 404
    purge_now(["/world/", "/feeds/latest/"])
    assert len(server.received) == 4
    assert warnings_and_errors(caplog) == []
    # "purged N paths" is for debugging, not for every publication's log.
    [purged] = [r for r in caplog.records if r.getMessage() == "purged 2 paths"]
    assert purged.levelno == logging.DEBUG


def test_a_purge_server_that_is_down_gets_one_warning_per_batch(settings, caplog):
    use_purge_server(settings, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    purge_now(["/world/", "/", "/feeds/latest/"])
    location = settings.WAGTAILFRONTENDCACHE["nginx"]["LOCATION"]
    [warning] = warnings_and_errors(caplog)
    assert warning.levelno == logging.WARNING
    assert warning.getMessage().startswith(
        f"Couldn't purge 6 URLs from the front-end cache at {location}: "
    )


def test_other_refusals_are_one_warning_naming_the_first(purge_server, caplog):
    server = purge_server(status=403)
    purge_now(["/world/", "/"])
    assert len(server.received) == 4
    [warning] = warnings_and_errors(caplog)
    assert warning.levelno == logging.WARNING
    assert "Couldn't purge 4 of 4 URLs" in warning.getMessage()
    assert "403 Forbidden" in warning.getMessage()
