"""One poller per process serves every open stream with one query per interval."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.livefeed import services
from newsdesk.livefeed.stream import Broadcaster, event_stream, parse_event_id
from newsdesk.testing import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def capture_poller_queries(broadcaster):
    """Start recording the queries the poller's own thread (and connection) makes."""
    context = CaptureQueriesContext(connection)
    broadcaster.executor.submit(context.__enter__).result()
    return lambda: broadcaster.executor.submit(lambda: list(context.captured_queries)).result()


def test_it_polls_once_per_interval_for_all_streams(settings, monkeypatch):
    settings.LIVEFEED_POLL_SECONDS = 0.1
    broadcaster = Broadcaster()
    monkeypatch.setattr("newsdesk.livefeed.stream.broadcaster", broadcaster)
    queries = capture_poller_queries(broadcaster)

    async def scenario():
        streams = [event_stream(None, seconds=60, language="en") for _ in range(200)]
        firsts = await asyncio.gather(*(anext(stream) for stream in streams))
        assert all(first.startswith(b"retry:") for first in firsts)
        # Ten polls with every stream open; the poller runs in this loop, the wait in a thread.
        await asyncio.to_thread(wait_until, lambda: broadcaster.polls >= 10)
        item = await asyncio.to_thread(services.post_item, text="<p>To everyone</p>")
        received = await asyncio.gather(*(anext(stream) for stream in streams))
        for stream in streams:
            await stream.aclose()
        return item, received, broadcaster.polls

    # In a thread of its own: a browser test may have left an event loop running in this one.
    with ThreadPoolExecutor(1) as runner:
        item, received, polls = runner.submit(asyncio.run, scenario()).result()
    broadcaster.executor.submit(lambda: connection.close()).result()  # so the db can be dropped
    assert all(f"id: {item.cursor}\n".encode() in event for event in received)
    assert len(broadcaster.subscribers) == 0
    polls_and_start = len(queries())
    # One query to find the current cursor, then one per poll, whatever the number of streams.
    assert polls_and_start == polls + 1
    assert polls >= 10


@pytest.mark.parametrize(
    ("value", "cursor"),
    [("42", 42), (" 7 ", 7), ("0", 0), ("", None), (None, None), ("x", None), ("-1", None),
     ("4.2", None), ("1" * 19, None), ("²", None)],
)  # fmt: skip
def test_it_reads_only_plain_cursors_from_last_event_id(value, cursor):
    assert parse_event_id(value) == cursor
