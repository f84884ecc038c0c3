"""Server-Sent Events for the live feed: one poller per process, fanned out to every open stream.

Every write to a feed item gives the row the next cursor (see `FeedItem.save`), and writers commit
in cursor order. So "what changed since N" is one indexed query, whichever process saved the row,
and an SSE event's id is the row's cursor: a reconnecting browser sends it back as
`Last-Event-ID` and is sent exactly the rows written after it.

The poller runs its queries in one thread of its own, and only while at least one stream is
open in the process. Streams hold no database connection. Nor does the poller between polls,
when connections come from a pool (PostgreSQL with DB_POOL_SIZE): it hands its connection back
after each query, which costs ~0.1 ms of CPU where keeping it would take one of the few pooled
connections that pages need, for as long as any stream is open. Without a pool it keeps its
own connection, which takes nothing from others, where reconnecting for each poll would cost
1-3 ms of CPU.
"""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, connection

from newsdesk.livefeed.models import FeedItem

log = logging.getLogger(__name__)

# A reconnecting client is sent at most this many rows; older changes are for items far down
# the feed that no open page shows any more.
CATCH_UP_LIMIT = 500
POLL_BATCH = 500
# A client that has not read this many events is too slow to keep: its stream ends and the
# browser reconnects, catching up from the database.
QUEUE_LIMIT = 1000

PREAMBLE = b"retry: 2000\n: connected\n\n"
KEEPALIVE = object()
DROPPED = object()


def parse_event_id(value):
    """A cursor from `Last-Event-ID` (or ?after=); None for anything else, meaning "from now"."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def format_event(cursor, kind, data):
    lines = [f"id: {cursor}", f"event: {kind}"]
    lines += [f"data: {line}" for line in data.splitlines() or [""]]
    return ("\n".join(lines) + "\n\n").encode()


def rows_to_events(rows):
    """(cursor, language, event) for each row: a stream sends the events of its edition."""
    events = []
    for pk, cursor, removed_at, fragment, language in rows:
        if removed_at is None:
            events.append((cursor, language, format_event(cursor, "item", fragment)))
        else:
            events.append((cursor, language, format_event(cursor, "remove", f"feed-item-{pk}")))
    return events


EVENT_FIELDS = ("pk", "cursor", "removed_at", "fragment", "locale__language_code")


def read_cursor():
    return FeedItem.objects.current_cursor()


def read_changes(after):
    rows = FeedItem.objects.changed_after(after).values_list(*EVENT_FIELDS)
    return rows_to_events(rows[:POLL_BATCH])


def read_catch_up(after, language):
    rows = (
        FeedItem.objects.filter(cursor__gt=after)
        .in_edition(language)
        .order_by("-cursor")
        .values_list(*EVENT_FIELDS)[:CATCH_UP_LIMIT]
    )
    return rows_to_events(reversed(list(rows)))


def run_query(query, *args):
    """Run `query` in the poller's thread, then hand a pooled connection back; after a database
    error, close the connection so that the next query reconnects."""
    try:
        return query(*args)
    except DatabaseError:
        connection.close()
        raise
    finally:
        if connection.settings_dict["OPTIONS"].get("pool"):
            connection.close()


class Subscription:
    def __init__(self, language):
        self.queue = asyncio.Queue()
        self.sent = 0
        self.language = language


class Broadcaster:
    """Polls for changed rows once per interval and hands each event to every open stream."""

    def __init__(self):
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="livefeed-poller")
        self.loop = None
        self.subscribers = set()
        self.task = None
        self.ready = None
        self.cursor = None
        self.polls = 0

    @property
    def interval(self):
        return settings.LIVEFEED_POLL_SECONDS

    async def run(self, query, *args):
        return await asyncio.get_running_loop().run_in_executor(
            self.executor, run_query, query, *args
        )

    async def subscribe(self, after, language):
        """A subscription to one edition's events and those it missed since cursor `after`
        (None: from now)."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop:
            # A new event loop (a test's, or after a fork): nothing of the old one is usable.
            self.loop, self.subscribers, self.task, self.cursor = loop, set(), None, None
        subscription = Subscription(language)
        # Registered before reading the backlog: whatever is written after that read reaches
        # the queue, and duplicates are skipped by cursor.
        self.subscribers.add(subscription)
        try:
            if self.task is None:
                self.ready = loop.create_future()
                self.task = loop.create_task(self.poll())
            await asyncio.shield(self.ready)
            if after is None:
                subscription.sent = self.cursor
                return subscription, []
            backlog = await self.run(read_catch_up, after, language)
            subscription.sent = max([after, *(cursor for cursor, _, _ in backlog)])
            return subscription, backlog
        except BaseException:
            self.unsubscribe(subscription)
            raise

    def unsubscribe(self, subscription):
        self.subscribers.discard(subscription)

    def publish(self, item):
        for subscription in list(self.subscribers):
            if subscription.queue.qsize() >= QUEUE_LIMIT:
                self.unsubscribe(subscription)
                subscription.queue.put_nowait(DROPPED)
            else:
                subscription.queue.put_nowait(item)

    async def poll(self):
        loop = asyncio.get_running_loop()
        try:
            while self.cursor is None:
                try:
                    self.cursor = await self.run(read_cursor)
                except DatabaseError:
                    log.exception("Live feed: cannot read the feed cursor; retrying")
                    await asyncio.sleep(max(self.interval, 1))
            self.ready.set_result(None)
            last_keepalive = loop.time()
            while self.subscribers:
                await asyncio.sleep(self.interval)
                try:
                    changes = await self.run(read_changes, self.cursor)
                    self.polls += 1
                except DatabaseError:
                    log.exception("Live feed: polling failed; retrying")
                    changes = []
                for cursor, language, event in changes:
                    self.publish((cursor, language, event))
                    self.cursor = cursor
                if loop.time() - last_keepalive >= settings.LIVEFEED_KEEPALIVE_SECONDS:
                    self.publish(KEEPALIVE)
                    last_keepalive = loop.time()
        finally:
            self.task, self.cursor = None, None


broadcaster = Broadcaster()


async def event_stream(after, *, seconds, language):
    """The body of one SSE response: the missed events, then live ones and keep-alives, for at
    most `seconds` (the browser then reconnects with `Last-Event-ID` and misses nothing)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    subscription, backlog = await broadcaster.subscribe(after, language)
    try:
        # Sent once subscribed: from here on, nothing written is missed.
        yield PREAMBLE
        for _, _, event in backlog:
            yield event
        while True:
            try:
                item = await asyncio.wait_for(
                    subscription.queue.get(), timeout=max(0, deadline - loop.time())
                )
            except TimeoutError:
                return
            if item is DROPPED:
                return
            if item is KEEPALIVE:
                yield b": keep-alive\n\n"
                continue
            cursor, language, event = item
            if cursor > subscription.sent and language == subscription.language:
                subscription.sent = cursor
                yield event
    finally:
        broadcaster.unsubscribe(subscription)


async def missed_events(after, language):
    """For a server without ASGI, where an open stream would hold a thread: what was missed,
    in one response; the browser asks again after the retry time (polling, same protocol)."""
    events = await sync_to_async(read_catch_up)(after, language) if after is not None else []
    return PREAMBLE + b"".join(event for _, _, event in events)
