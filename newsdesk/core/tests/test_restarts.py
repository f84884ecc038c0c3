"""Restarting the web processes under load drops no request."""

import http.client
import signal
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsdesk.conftest import make_article
from newsdesk.testing import web_server

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
        # Both workers up before the restart: granian says nothing when a worker is ready, and
        # restarting as soon as 50 answers came dropped one connection once (likely a worker
        # still starting).
        time.sleep(2)
        before = sum(outcomes.values())
        old_workers = worker_pids(url.process)
        url.process.send_signal(signal.SIGHUP)  # granian replaces its workers one by one
        deadline = time.monotonic() + 40
        new_workers = worker_pids(url.process)
        while (old_workers & new_workers or len(new_workers) != 2) and time.monotonic() < deadline:
            time.sleep(0.5)
            new_workers = worker_pids(url.process)
        time.sleep(1)  # and the new ones serve
        stop.set()
        for client in clients:
            client.join()

    assert len(new_workers) == 2 and not old_workers & new_workers, "the workers were not replaced"
    served_during_restart = sum(outcomes.values()) - before
    assert served_during_restart > 50, outcomes
    assert set(outcomes) == {200}, outcomes
