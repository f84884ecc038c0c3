"""What the live feed's tests share: a real SSE client and a signed-in admin over HTTP."""

import asyncio
import re
import select
import socket
import threading
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import requests

from newsdesk.livefeed.forms import contentstate_from_plain_text
from newsdesk.testing import wait_until


@dataclass
class Event:
    id: str
    event: str
    data: str

    @property
    def item_id(self):
        match = re.search(r'id="(feed-item-\d+)"', self.data)
        return match.group(1) if match else self.data.strip()


class EventStream:
    """An EventSource as a browser opens one: GET, then read events as they arrive.

    Written on a plain socket because waiting for the next event must time out without
    spoiling the connection, which http.client's reader does not allow.
    """

    def __init__(self, base_url, last_event_id=None, query="", path="/news-feed/stream/"):
        parts = urlsplit(base_url)
        self.socket = socket.create_connection((parts.hostname, parts.port), timeout=10)
        headers = [
            f"GET {quote(path)}{query} HTTP/1.1",
            f"Host: {parts.netloc}",
            "Accept: text/event-stream",
        ]
        if last_event_id is not None:
            headers.append(f"Last-Event-ID: {last_event_id}")
        self.socket.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        self.raw, self.body, self.ended = b"", b"", False
        deadline = time.monotonic() + 10
        while b"\r\n\r\n" not in self.raw:
            if not self.receive(deadline):
                raise ConnectionError("no response headers")
        head, self.raw = self.raw.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        self.status = int(status_line.split()[1])
        self.headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        self.chunked = "chunked" in self.headers.get("transfer-encoding", "")
        self.decode()
        self.comments = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.socket.close()

    def receive(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([self.socket], [], [], remaining)[0]:
            return False
        data = self.socket.recv(65536)
        if not data:
            self.ended = True
            return False
        self.raw += data
        return True

    def decode(self):
        if not self.chunked:
            self.body, self.raw = self.body + self.raw, b""
            return
        while b"\r\n" in self.raw:
            size_line, rest = self.raw.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            if len(rest) < size + 2:
                return
            if size == 0:
                self.ended = True
            self.body += rest[:size]
            self.raw = rest[size + 2 :]

    def readline(self, deadline):
        while b"\n" not in self.body:
            if self.ended:
                raise ConnectionError("the server ended the stream")
            if not self.receive(deadline):
                if self.ended:
                    raise ConnectionError("the server ended the stream")
                return None
            self.decode()
        line, self.body = self.body.split(b"\n", 1)
        return line.decode()

    def wait_for_comment(self, text, timeout=5.0):
        """Read up to the comment `text`, leaving any events after it to be read."""
        deadline = time.monotonic() + timeout
        while text not in self.comments:
            line = self.readline(deadline)
            if line is None:
                raise TimeoutError(f"no {text!r} comment within {timeout} s")
            if line.startswith(":"):
                self.comments.append(line[1:].strip())

    def next_event(self, timeout=5.0):
        """The next event, or None when none arrives within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        fields = {}
        while True:
            line = self.readline(deadline)
            if line is None:
                return None
            if not line:
                if "event" in fields or "data" in fields:
                    return Event(
                        fields.get("id", ""), fields.get("event", "message"), fields.get("data", "")
                    )
                continue
            if line.startswith(":"):
                self.comments.append(line[1:].strip())
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data" and name in fields:
                value = fields[name] + "\n" + value
            fields[name] = value

    def events_within(self, seconds):
        events, deadline = [], time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            event = self.next_event(remaining)
            if event is None:
                break
            events.append(event)
        return events


class AdminSession:
    """A member of staff signed in to the admin of a running server."""

    def __init__(self, base_url, username, password="correct-horse-battery"):
        self.base_url = base_url
        self.http = requests.Session()
        login = self.http.get(f"{base_url}/admin/login/", timeout=10)
        response = self.http.post(
            f"{base_url}/admin/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": csrf_token(login.text),
            },
            headers={"Referer": f"{base_url}/admin/login/"},
            timeout=10,
        )
        assert "/admin/login/" not in response.url, "sign-in failed"

    def quick_post(self, text, **fields):
        url = f"{self.base_url}/admin/news-feed/"
        form = self.http.get(url, timeout=10)
        data = {
            "text": contentstate_from_plain_text(text),
            "csrfmiddlewaretoken": csrf_token(form.text),
            **fields,
        }
        return self.http.post(url, data=data, headers={"Referer": url}, timeout=10)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class Crowd:
    """Many EventSources opened at once, as browsers reconnecting after a deploy open them.

    Each is a coroutine on a raw socket (a thread per client would cost more than the server
    under test), all in one event loop running in a thread of its own; the test reads what
    they received from its own thread.

    Like a browser's EventSource, a client whose connection fails before any answer (refused,
    or reset: a kernel whose listen queue overflowed while the new process was still starting
    drops the half-open connection) tries again after the retry time, a few times; what it
    last failed with is kept, so that a failure says why. Like the site's script
    (newsdesk/static/js/site.js), one that has no answer within ANSWER_SECONDS tries again
    too: granian 2.8 drops an occasional request of a burst on a fresh worker (it reports the
    client gone, Django stops, and the connection stays open with no answer).
    """

    RETRY_SECONDS = 2
    ATTEMPTS = 5
    ANSWER_SECONDS = 10

    def __init__(self, base_url, count):
        parts = urlsplit(base_url)
        self.address = (parts.hostname, parts.port)
        self.received = [b""] * count
        self.ended = [False] * count
        self.errors = [None] * count
        self.attempts = [0] * count
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        for n in range(count):
            asyncio.run_coroutine_threadsafe(self.read(n), self.loop)

    async def read(self, n):
        try:
            while True:
                self.attempts[n] += 1
                try:
                    await self.stream(n)
                except OSError as error:
                    self.errors[n] = f"{type(error).__name__}: {error}"
                if self.received[n] or self.attempts[n] >= self.ATTEMPTS:
                    return
                await asyncio.sleep(self.RETRY_SECONDS)
        finally:
            self.ended[n] = True

    async def stream(self, n):
        reader, writer = await asyncio.open_connection(*self.address)
        try:
            writer.write(
                f"GET /news-feed/stream/ HTTP/1.1\r\nHost: {self.address[0]}\r\n"
                "Accept: text/event-stream\r\n\r\n".encode()
            )
            try:
                chunk = await asyncio.wait_for(reader.read(65536), self.ANSWER_SECONDS)
            except TimeoutError:
                raise TimeoutError(f"no answer within {self.ANSWER_SECONDS} s") from None
            while chunk:
                self.received[n] += chunk
                chunk = await reader.read(65536)
        finally:
            writer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        async def cancel():
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def count(self, marker):
        return sum(marker in received for received in self.received)

    def statuses(self):
        """How many clients got each status line, or else the error they last failed with (or
        nothing yet), and how many needed more than one attempt."""
        lines = Counter(
            received.split(b"\r\n", 1)[0].decode() or (error or "no answer yet")
            for received, error in zip(self.received, self.errors, strict=True)
        )
        lines["clients that tried again"] = sum(attempts > 1 for attempts in self.attempts)
        return lines

    def wait_for(self, marker, timeout):
        """How many clients received `marker`, once all have or the others' streams ended."""

        def settled():
            pairs = zip(self.received, self.ended, strict=True)
            return all(marker in received or ended for received, ended in pairs)

        with suppress(TimeoutError):
            wait_until(settled, timeout, interval=0.1)
        return self.count(marker)
