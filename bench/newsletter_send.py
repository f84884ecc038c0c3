"""Newsletter sending, end to end: one issue to 100,000 subscribers on PostgreSQL, through task
workers, into a local SMTP sink; and the sink's own maximum rate from plain smtplib clients
blasting it with the same message in the same run. Prints both and their ratio.

    .venv/bin/python bench/newsletter_send.py [--subscribers 100000] [--workers 2] [--sinks 2]

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); creates a throwaway database and
drops it afterwards. The sink is aiosmtpd in processes of its own (sharing one port with
SO_REUSEPORT), so it does not share an interpreter lock with the senders. It checks what it got:
every subscriber exactly once.
"""

import argparse
import asyncio
import multiprocessing
import os
import smtplib
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG = "postgres://postgres@127.0.0.1:5432"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The sink ------------------------------------------------------------------------------------


def run_sink(port, counter, results, stop):
    from aiosmtpd.smtp import SMTP

    class Handler:
        def __init__(self):
            self.recipients = []

        async def handle_DATA(self, server, session, envelope):
            self.recipients.extend(envelope.rcpt_tos)
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    handler = Handler()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(
            lambda: SMTP(handler, hostname="sink.bench", loop=loop),
            "127.0.0.1",
            port,
            reuse_port=True,
        )
    )

    def check():
        if stop.is_set():
            loop.stop()
        else:
            loop.call_later(0.1, check)

    loop.call_later(0.1, check)
    loop.run_forever()
    server.close()
    results.put(Counter(handler.recipients))


class Sink:
    def __init__(self, processes):
        self.port = free_port()
        self.counter = multiprocessing.Value("q", 0)
        self.results = multiprocessing.Queue()
        self.stop_event = multiprocessing.Event()
        self.processes = [
            multiprocessing.Process(
                target=run_sink, args=(self.port, self.counter, self.results, self.stop_event)
            )
            for _ in range(processes)
        ]

    def start(self):
        for process in self.processes:
            process.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the sink did not start")

    @property
    def count(self):
        return self.counter.value

    def stop(self):
        self.stop_event.set()
        received = Counter()
        for _ in self.processes:
            received.update(self.results.get(timeout=30))
        for process in self.processes:
            process.join(10)
        return received


def blast_one(port, count, data, barrier):
    client = smtplib.SMTP("127.0.0.1", port, local_hostname="blast.bench")
    barrier.wait()
    for n in range(count):
        client.sendmail("newsroom@bench.example", [f"blast{n}@example.org"], data)
    client.quit()


def blast(sink, data, total, clients):
    """The sink's own maximum: plain smtplib clients sending `data` as fast as it takes it."""
    barrier = multiprocessing.Barrier(clients + 1)
    processes = [
        multiprocessing.Process(target=blast_one, args=(sink.port, total // clients, data, barrier))
        for _ in range(clients)
    ]
    for process in processes:
        process.start()
    before = sink.count
    barrier.wait()
    started = time.monotonic()
    for process in processes:
        process.join()
    seconds = time.monotonic() - started
    return (sink.count - before) / seconds


# The newsroom --------------------------------------------------------------------------------


def create_database(name):
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(subscribers):
    """A newsletter with `subscribers` confirmed readers and an issue of five stories."""
    from django.db import connection
    from django.utils.text import slugify

    from newsdesk.articles.models import ArticlePage, SectionPage
    from newsdesk.frontpage.models import HomePage
    from newsdesk.newsletters.models import Issue, IssueArticle, Newsletter

    home = HomePage.objects.get()
    section = SectionPage(title="News", slug="news")
    home.add_child(instance=section)
    section.save_revision().publish()
    paragraph = (
        "Repair crews worked through the night to restore power to the districts on the left "
        "bank, and by morning most households had electricity again, the grid operator said. "
    )
    articles = []
    for n in range(5):
        title = f"Story number {n + 1} of the morning, told in a headline of usual length"
        article = ArticlePage(
            title=title,
            slug=slugify(title)[:50],
            standfirst=paragraph[:280],
            body=[("paragraph", f"<p>{paragraph * 4}</p>")],
        )
        section.add_child(instance=article)
        article.save_revision().publish()
        articles.append(article)
    newsletter = Newsletter.objects.create(
        slug="morning-brief", name="The Morning Brief", cadence="Every weekday at 7 a.m."
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO newsletters_subscriber "
            "(email, created_at, source_url, suppressed, suppressed_reason, confirm_nonce) "
            "SELECT 'reader' || g || '@example.org', now(), '', false, '', '' "
            "FROM generate_series(1, %s) g",
            [subscribers],
        )
        cursor.execute(
            "INSERT INTO newsletters_subscription "
            "(subscriber_id, newsletter_id, status, created_at, confirmed_at) "
            "SELECT id, %s, 'confirmed', now(), now() FROM newsletters_subscriber",
            [newsletter.pk],
        )
    issue = Issue.objects.create(
        newsletter=newsletter,
        subject="Tuesday: power is back, grain moves, and what Brussels decided",
        intro=f"<p>{paragraph * 2}</p>",
    )
    for article in articles:
        IssueArticle.objects.create(issue=issue, article=article)
    return issue


def start_workers(count, env):
    return [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "mail", "--interval", "0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        for _ in range(count)
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes")
    parser.add_argument("--sinks", type=int, default=2, help="SMTP sink processes")
    parser.add_argument("--batch", type=int, default=200, help="NEWSLETTER_BATCH_SIZE")
    parser.add_argument("--blast", type=int, default=20_000, help="messages for the sink's max")
    args = parser.parse_args()

    database = f"newsletters_bench_{os.getpid()}"
    create_database(database)
    sink = Sink(args.sinks).start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "DATABASE_URL": f"{PG}/{database}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "NEWSLETTER_BATCH_SIZE": str(args.batch),
        "NEWSLETTER_SENDERS": str(args.workers),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    workers = []
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from newsdesk.newsletters import composer, services
        from newsdesk.newsletters.models import Delivery, Issue

        call_command("migrate", verbosity=0)
        issue = seed(args.subscribers)
        sample = (
            composer.IssueMail.for_issue(issue, frozen=False)
            .message_for(email_address="reader1@example.org", subscriber_id=1)
            .message()
            .as_bytes()
        )
        print(f"{args.subscribers:,} subscribers; one message is {len(sample):,} bytes")

        sink_before = blast(sink, sample, args.blast, clients=args.workers)
        print(f"sink maximum (smtplib, {args.workers} clients): {sink_before:,.0f} messages/s")

        workers = start_workers(args.workers, env)
        time.sleep(3)  # let the workers start before the clock does
        before = sink.count
        started = time.monotonic()
        services.send_now(issue=issue)
        first_mail = None
        while True:
            time.sleep(0.05)
            if first_mail is None and sink.count > before:
                first_mail = time.monotonic()
            if sink.count - before >= args.subscribers:
                issue.refresh_from_db()
                if issue.status == Issue.Status.SENT:
                    break
            if time.monotonic() - started > 1800:
                raise RuntimeError(f"only {sink.count - before} messages after 30 minutes")
        elapsed = time.monotonic() - started
        end_to_end = args.subscribers / elapsed
        sending = args.subscribers / (time.monotonic() - first_mail)
        preparation = first_mail - started
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(30)
        workers = []

        sink_after = blast(sink, sample, args.blast, clients=args.workers)
        print(f"sink maximum again after the send:        {sink_after:,.0f} messages/s")
        sink_max = max(sink_before, sink_after)
        received = sink.stop()
        readers = Counter({r: n for r, n in received.items() if r.startswith("reader")})
        duplicates = sum(n - 1 for n in readers.values())
        missing = args.subscribers - len(readers)
        sent = Delivery.objects.filter(issue=issue, status="sent").count()

        print(
            f"end to end: {args.subscribers:,} messages in {elapsed:.1f} s = "
            f"{end_to_end:,.0f} messages/s ({preparation:.1f} s to the first message: "
            f"rows, render, workers picking up; {sending:,.0f}/s after that)"
        )
        print(f"ratio to the sink's maximum: {end_to_end / sink_max:.2f}")
        print(
            f"check: {len(readers):,} subscribers got it, {missing} missing, "
            f"{duplicates} duplicates; {sent:,} rows marked sent"
        )
        if missing or duplicates or sent != args.subscribers:
            raise SystemExit("the send was not exactly once")
    finally:
        for worker in workers:
            worker.kill()
        if not sink.stop_event.is_set():
            sink.stop_event.set()
        from django.db import connections

        connections.close_all()
        drop_database(database)


if __name__ == "__main__":
    main()
