"""Open streams and the database: a stream holds no connection while it waits for events.

After a deploy every open page reconnects at once, to a web process that has just started.
"""

import resource

import pytest
import requests
from django.db import connection
from django.utils import timezone

from newsdesk.conftest import make_article
from newsdesk.core.models import WorkerHeartbeat
from newsdesk.livefeed import services
from newsdesk.livefeed.tests.helpers import Crowd
from newsdesk.testing import wait_until, web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

FAST = {"LIVEFEED_POLL_SECONDS": "0.2", "LIVEFEED_KEEPALIVE_SECONDS": "1"}


@pytest.fixture
def open_files():
    """Room for hundreds of sockets on each side (the server inherits the limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def beat():
    """A task worker's heartbeat, so /healthz judges the web process alone."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id="test",
        defaults={"hostname": "test", "pid": 1, "queues": "*", "started_at": now, "last_seen": now},
    )


def connections_held():
    """PostgreSQL client backends other than this test's: the server's connections.

    Only PostgreSQL can tell: SQLite has no pool to take, and a SQLite file open in the server
    is not a connection. In WAL mode every connection holds a shared lock on the file, and SQLite
    keeps the descriptor of a connection closed meanwhile open until no lock is left (its
    descriptors are shared by inode), so while the poller's connection is open, each connection
    ever opened beside it stays an open file."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_it_serves_500_streams_opened_at_once_on_a_cold_process(section, open_files):
    article = make_article(section, title="Read while the streams are open")
    # A pool of 4 connections on PostgreSQL (SQLite has no pool).
    with web_server(env={**FAST, "DB_POOL_SIZE": "4"}) as url, Crowd(url, 500) as crowd:
        connected = crowd.wait_for(b": connected", timeout=90)
        assert connected == 500, crowd.statuses()

        beat()
        health = requests.get(url + "/healthz", timeout=30)
        assert health.status_code == 200, health.text
        page = requests.get(url + article.url, timeout=30)
        assert page.status_code == 200 and "Read while the streams are open" in page.text

        item = services.post_item(text="<p>To all five hundred</p>")
        assert crowd.wait_for(f"id: {item.cursor}\n".encode(), timeout=60) == 500


def test_streams_hold_no_connection_and_the_poller_leaves_a_pool_of_one_to_pages(
    section, open_files
):
    article = make_article(section, title="Rendered with the one pooled connection")
    # One pooled connection for the whole process (PostgreSQL), which pages can have only if
    # neither the streams nor the poller keep it; SQLite has no pool, and pages must be served.
    env = {**FAST, "DB_POOL_SIZE": "1", "DB_POOL_TIMEOUT": "5"}
    with web_server(env=env) as url, Crowd(url, 50) as crowd:
        assert crowd.wait_for(b": connected", timeout=60) == 50, crowd.statuses()
        if connection.vendor == "postgresql":
            # Counted again and again while the poller polls and every stream gets a keep-alive.
            held = []

            def kept_alive():
                held.append(connections_held())
                return crowd.count(b": keep-alive") == 50

            wait_until(kept_alive, timeout=30)
            assert max(held) <= 1, held

        beat()
        health = requests.get(url + "/healthz", timeout=30)
        assert health.status_code == 200, health.text
        page = requests.get(url + article.url, timeout=30)
        assert page.status_code == 200 and "Rendered with the one pooled connection" in page.text
