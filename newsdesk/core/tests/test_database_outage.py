"""The database out of reach, with a real server: /healthz answers JSON 503 and reader pages a
"try again shortly" 503 within seconds (not the 500 page after the pool's 20 s), and pages come
back once the database does.

Outages are made for real: a port nothing listens on, a database that does not exist, a missing
or locked SQLite file, and a TCP proxy in front of the test database that the test cuts (every
connection broken, the port refused) and restores.
"""

import json
import socket
import sqlite3
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit

import pytest
from django.db import connection

from newsdesk.conftest import make_article
from newsdesk.testing import database_url, free_port, wait_until, web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# Generous: the answer takes milliseconds (a refused connection) to about two seconds (the
# probe's timeout); before, it took the pool's 20 s. A bound on the wait for the answer, so a
# slow one fails the test by timing out rather than by a measured duration.
QUICKLY = 10
# Pages render uncached, so each request reaches Django and the database.
SERVER_ENV = {"PAGE_CACHE_ENABLED": 0, "DB_POOL_SIZE": 4, "DB_POOL_TIMEOUT": 20}


def get(url, timeout=60):
    """(status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def assert_unavailable_page(url):
    status, headers, body = get(url, timeout=QUICKLY)
    assert status == 503, body[:300]
    assert "Temporarily unavailable" in body and "try again shortly" in body
    assert headers["Retry-After"] and "no-store" in headers["Cache-Control"]


def assert_healthz_fails(url):
    status, headers, body = get(f"{url}/healthz", timeout=QUICKLY)
    assert status == 503 and headers["Content-Type"] == "application/json"
    checks = json.loads(body)["checks"]
    assert checks["database"]["ok"] is False and checks["queues"]["ok"] is False


def test_a_server_whose_database_port_is_closed_answers_503_at_once(db):
    env = {**SERVER_ENV, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/newsdesk"}
    with web_server(env=env) as url:
        assert_unavailable_page(f"{url}/")  # the first request this process gets
        assert_unavailable_page(f"{url}/search/?q=power")
        assert_healthz_fails(url)


def test_a_database_that_does_not_exist_answers_503(db):
    server = urlsplit(database_url()) if connection.vendor == "postgresql" else None
    host = server.hostname if server else "127.0.0.1"
    port = server.port if server and server.port else 5432
    missing = f"postgres://postgres@{host}:{port}/newsdesk_no_such_database"
    with web_server(env={**SERVER_ENV, "DATABASE_URL": missing}) as url:
        assert_healthz_fails(url)
        assert_unavailable_page(f"{url}/news/")


def test_a_missing_sqlite_file_answers_503_and_is_not_created(db, tmp_path):
    path = tmp_path / "site.sqlite3"
    with web_server(env={**SERVER_ENV, "DATABASE_URL": f"sqlite:///{path}"}) as url:
        assert_unavailable_page(f"{url}/")
        assert_healthz_fails(url)
    assert not path.exists()


def test_a_locked_sqlite_database_answers_503_within_seconds(db, tmp_path):
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE django_migrations (id integer PRIMARY KEY)")
    setup.close()
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # readers wait, up to their timeout, then give up
    try:
        with web_server(env={**SERVER_ENV, "DATABASE_URL": f"sqlite:///{path}"}) as url:
            assert_healthz_fails(url)
            assert_unavailable_page(f"{url}/")
            lock.execute("ROLLBACK")

            def database_ok():
                return json.loads(get(f"{url}/healthz")[2])["checks"]["database"]["ok"]

            wait_until(database_ok, timeout=60)
    finally:
        lock.close()


class Proxy:
    """A TCP forwarder to the database that can be cut (connections broken, port refused) and
    restored: a network between the site and PostgreSQL that fails and comes back."""

    def __init__(self, host, port):
        self.target = (host, port)
        self.port = free_port()
        self.sockets = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.listener.close()
        for end in self.sockets:
            with suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()
        self.sockets = []


@contextmanager
def interruptible_database(tmp_path):
    """(environment for the server, cut, restore) for the test's own database."""
    if connection.vendor == "postgresql":
        server = urlsplit(database_url())
        proxy = Proxy(server.hostname, server.port or 5432)
        proxy.start()
        credentials = server.netloc.rsplit("@", 1)[0]
        through = server._replace(netloc=f"{credentials}@127.0.0.1:{proxy.port}")
        try:
            yield {"DATABASE_URL": through.geturl()}, proxy.cut, proxy.start
        finally:
            proxy.cut()
        return
    # SQLite: a copy of the test database that is taken away (with its WAL files) and put back.
    copy = tmp_path / "site.sqlite3"
    with sqlite3.connect(copy) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    target.close()
    away = tmp_path / "away"
    away.mkdir()

    def move(source, destination):
        for suffix in ("", "-wal", "-shm"):
            if (source / f"site.sqlite3{suffix}").exists():
                (source / f"site.sqlite3{suffix}").replace(destination / f"site.sqlite3{suffix}")

    def cut():
        move(tmp_path, away)

    def restore():
        # The server made an empty database in its place meanwhile: it goes, WAL files too.
        for leftover in tmp_path.glob("site.sqlite3*"):
            leftover.unlink()
        move(away, tmp_path)

    yield {"DATABASE_URL": f"sqlite:///{copy}"}, cut, restore


def test_pages_answer_503_while_the_database_is_away_and_come_back_with_it(section, tmp_path):
    article = make_article(section, title="Bridge reopens")
    with (
        interruptible_database(tmp_path) as (env, cut, restore),
        web_server(env={**SERVER_ENV, **env}) as url,
    ):
        assert get(url + article.url)[0] == 200
        cut()
        assert_unavailable_page(url + article.url)
        assert_unavailable_page(f"{url}/")
        assert_healthz_fails(url)
        restore()
        wait_until(lambda: get(url + article.url)[0] == 200, timeout=60)
        status, _, body = get(f"{url}/healthz")
        assert json.loads(body)["checks"]["database"]["ok"] is True
