"""Restarting the web processes under load drops no request."""

import http.client
import signal
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsdesk.conftest import make_article
from newsdesk.testing import wait_until, web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def hammer(base_url, path, stop, outcomes):
    netloc = urlsplit(base_url).netloc
    while not stop.is_set():
        connection = http.client.HTTPConnection(netloc, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            outcomes[response.status] += 1
        except (OSError, http.client.HTTPException) as exc:
            outcomes[type(exc).__name__] += 1
        finally:
            connection.close()


def worker_pids(process):
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text()
    return set(children.split())


def test_it_serves_every_request_while_the_web_processes_restart(section):
    article = make_article(section, title="Still here during a deploy")
    outcomes = Counter()
    stop = threading.Event()
    with web_server(workers=2, env={"PAGE_CACHE_ENABLED": "0"}) as url:
        clients = [
            threading.Thread(target=hammer, args=(url, article.url, stop, outcomes))
            for _ in range(8)
        ]
        for client in clients:
            client.start()

        def served():
            return sum(outcomes.values())

        wait_until(lambda: served() >= 50, timeout=60, what="requests served before the restart")
        before = served()
        old_workers = worker_pids(url.process)
        url.process.send_signal(signal.SIGHUP)  # granian replaces its workers one by one

        def replaced():
            new = worker_pids(url.process)
            return new if len(new) == 2 and not old_workers & new else None

        wait_until(replaced, timeout=40, what="the workers replaced")
        # and the new ones serve
        after = served()
        wait_until(lambda: served() >= after + 50, timeout=60, what="requests to the new workers")
        stop.set()
        for client in clients:
            client.join()

    served_during_restart = sum(outcomes.values()) - before
    assert served_during_restart > 50, outcomes
    assert set(outcomes) == {200}, outcomes
