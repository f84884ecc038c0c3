"""A real SMTP server for tests and benchmarks: aiosmtpd on a free loopback port.

    with smtp_server() as server:
        settings.MAILERS = {"default": server.mailer}   # this process sends to it
        env = {"EMAIL_URL": server.url}                  # and so do workers started with env
        ...
        server.wait_for(3)
        [message] = server.messages_to("reader@example.org")
        assert message["Subject"] == "..."

Messages are kept as received bytes and parsed (`email.message.EmailMessage`, default policy) only
when a test asks for them, so counting thousands of them stays cheap. Recipients listed in
`refuse` are answered 550 at RCPT, those in `defer` 451, to test how senders handle both; with
`hang_up_after=N` the server keeps the Nth message but drops the connection instead of answering,
as a server (or network) failing at the worst moment does. With `pipelining=True` it advertises
PIPELINING (RFC 2920), as Postfix and the big providers do; aiosmtpd reads commands from a stream
and answers them in order, so it takes pipelined commands as they come without advertising it.
"""

import email
import email.policy
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

from aiosmtpd.controller import Controller

from newsdesk.testing import free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list
    data: bytes
    at: float = field(default_factory=time.monotonic)

    @cached_property
    def message(self):
        return email.message_from_bytes(self.data, policy=email.policy.default)


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_EHLO(self, smtp, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.server.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address.lower() in self.server.refuse:
            return "550 5.1.1 No such mailbox here"
        if address.lower() in self.server.defer:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        self.server._add(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if self.server.count == self.server.hang_up_after:
            smtp.transport.close()
        return "250 OK: queued"


class SMTPServer:
    def __init__(self, port=None, refuse=(), defer=(), hang_up_after=None, pipelining=False):
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.hang_up_after = hang_up_after
        self.pipelining = pipelining
        self.refuse = {address.lower() for address in refuse}
        self.defer = {address.lower() for address in defer}
        self._received = []
        self._changed = threading.Condition()
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def url(self):
        """For EMAIL_URL in the environment of processes that should send here."""
        return f"smtp://{self.host}:{self.port}"

    @property
    def mailer(self):
        """A MAILERS entry sending here, for `settings.MAILERS = {"default": server.mailer}`."""
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": self.host, "port": self.port, "timeout": 10},
        }

    def _add(self, received):
        with self._changed:
            self._received.append(received)
            self._changed.notify_all()

    @property
    def received(self):
        """Everything received so far, oldest first (a copy; safe to keep)."""
        with self._changed:
            return list(self._received)

    @property
    def count(self):
        with self._changed:
            return len(self._received)

    @property
    def messages(self):
        return [received.message for received in self.received]

    def clear(self):
        with self._changed:
            self._received.clear()

    def recipients(self):
        """How many messages each envelope recipient got (a Counter)."""
        return Counter(rcpt.lower() for received in self.received for rcpt in received.rcpt_tos)

    def messages_to(self, address):
        address = address.lower()
        return [
            received.message
            for received in self.received
            if address in (rcpt.lower() for rcpt in received.rcpt_tos)
        ]

    def wait_for(self, count, timeout=10):
        """Block until at least `count` messages arrived; TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._received) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"{len(self._received)} of {count} messages after {timeout} s"
                    )
                self._changed.wait(remaining)
            return list(self._received)


@contextmanager
def smtp_server(**options):
    with SMTPServer(**options) as server:
        yield server
