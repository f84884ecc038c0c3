"""Newsletter sending, end to end: one issue to 100,000 subscribers on PostgreSQL, through task
workers, into a local SMTP sink; and the sink's own maximum rate from plain smtplib clients
blasting it with the same message in the same run. Prints both and their ratio.

    .venv/bin/python bench/newsletter_send.py [--subscribers 100000] [--workers 4]
        [--sink smtp-sink|aiosmtpd] [--no-pipelining]

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); creates a throwaway database and
drops it afterwards. The sink runs in processes of its own, so it shares no interpreter lock
with the senders, and advertises PIPELINING (RFC 2920) unless told not to:

- `smtp-sink` (default): Postfix's test server, one C process. The bench takes it from Debian's
  postfix package (apt-get download, unpacked into bench/.tools/postfix; the Postfix daemon is
  neither installed nor started). It appends every transaction to a dump file, which the bench
  reads afterwards.
- `aiosmtpd`: Python's, in `--sinks` processes sharing one port (SO_REUSEPORT). The earlier
  figures were taken with `--sink aiosmtpd --no-pipelining`.

Either way the bench checks what the sink got: every subscriber exactly once. The blasting
clients pipeline whenever the senders do, so the two rates compare like with like.
"""

import argparse
import asyncio
import mmap
import multiprocessing
import os
import pwd
import re
import shutil
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk.testing import free_port, wait_for_port  # noqa: E402

PG = "postgres://postgres@127.0.0.1:5432"
POSTFIX = ROOT / "bench" / ".tools" / "postfix"


def log(message):
    print(message, file=sys.stderr, flush=True)


# The sinks -----------------------------------------------------------------------------------


def run_aiosmtpd(port, pipelining, counter, results, stop):
    from aiosmtpd.smtp import SMTP

    class Handler:
        def __init__(self):
            self.recipients = []

        async def handle_EHLO(self, server, session, envelope, hostname, responses):
            session.host_name = hostname
            if pipelining:  # aiosmtpd answers pipelined commands in order; it just never says so
                responses.insert(-1, "250-PIPELINING")
            return responses

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


class AiosmtpdSink:
    def __init__(self, processes, pipelining):
        self.name = f"aiosmtpd, {processes} processes"
        self.port = free_port()
        self.counter = multiprocessing.Value("q", 0)
        self.results = multiprocessing.Queue()
        self.stop_event = multiprocessing.Event()
        self.processes = [
            multiprocessing.Process(
                target=run_aiosmtpd,
                args=(self.port, pipelining, self.counter, self.results, self.stop_event),
            )
            for _ in range(processes)
        ]

    def start(self):
        for process in self.processes:
            process.start()
        wait_for_port(self.port, timeout=10)
        return self

    @property
    def count(self):
        return self.counter.value

    def stop(self):
        """Stop the sink; how many messages each envelope recipient got (a Counter)."""
        if self.stop_event.is_set():
            return Counter()
        self.stop_event.set()
        received = Counter()
        for _ in self.processes:
            received.update(self.results.get(timeout=30))
        for process in self.processes:
            process.join(10)
        return received


def install_smtp_sink():
    """Postfix's smtp-sink from Debian's package, unpacked under bench/.tools (no daemon)."""
    binary = POSTFIX / "usr" / "sbin" / "smtp-sink"
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if not binary.exists():
        log("fetching smtp-sink from Debian's postfix package...")
        POSTFIX.mkdir(parents=True, exist_ok=True)
        download = ["apt-get", "download", "-qq", "postfix"]
        if subprocess.run(download, cwd=POSTFIX, capture_output=True).returncode:
            subprocess.run([*sudo, "apt-get", "update", "-qq"], env=env, check=True)
            subprocess.run(download, cwd=POSTFIX, check=True, capture_output=True)
        [package] = POSTFIX.glob("postfix_*.deb")
        subprocess.run(["dpkg-deb", "-x", package, POSTFIX], check=True)
    libraries = {"LD_LIBRARY_PATH": str(POSTFIX / "usr" / "lib" / "postfix")}
    linked = subprocess.run(
        ["ldd", binary], env={**os.environ, **libraries}, capture_output=True, text=True
    ).stdout
    if "not found" in linked:
        # The shared libraries the postfix package depends on (Berkeley DB, ICU, ...).
        [package] = POSTFIX.glob("postfix_*.deb")
        depends = subprocess.run(
            ["dpkg-deb", "-f", package, "Depends"], capture_output=True, text=True, check=True
        ).stdout
        needed = [
            alternative.split()[0]
            for alternative in (item.split("|")[0] for item in depends.split(","))
            if alternative.strip().startswith("lib")
        ]
        log(f"installing the libraries smtp-sink links to: {' '.join(needed)}")
        install = [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *needed]
        if subprocess.run(install, env=env, capture_output=True).returncode:
            subprocess.run([*sudo, "apt-get", "update", "-qq"], env=env, check=True)
            subprocess.run(install, env=env, check=True, capture_output=True)
    return binary, libraries


class PostfixSink:
    """smtp-sink, counting messages as it goes (-c) and dumping every transaction (-D)."""

    RECIPIENT = re.compile(rb"X-Rcpt-Args: <([^>\r\n]*)>\n")

    def __init__(self, pipelining):
        self.name = "Postfix smtp-sink, 1 process"
        self.port = free_port()
        self.pipelining = pipelining
        self.process = None
        self.count = 0

    def start(self):
        binary, libraries = install_smtp_sink()
        self.folder = Path(tempfile.mkdtemp(prefix="newsletter-sink-"))
        command = [binary, "-c", "-h", "sink.bench", "-D", self.folder / "dump"]
        if not self.pipelining:
            command.append("-p")
        if os.geteuid() == 0:  # it will not run as root, and writes the dump as that user
            command += ["-u", "nobody"]
            os.chown(self.folder, pwd.getpwnam("nobody").pw_uid, -1)
        command += [f"127.0.0.1:{self.port}", "256"]
        self.process = subprocess.Popen(
            command,
            env={**os.environ, **libraries},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._follow_counter, daemon=True).start()
        wait_for_port(self.port, timeout=10, process=self.process)
        return self

    def _follow_counter(self):
        # -c rewrites "sess=N quit=N mesg=N\r" each time a message ends.
        tail = b""
        while chunk := os.read(self.process.stdout.fileno(), 65536):
            tail = (tail + chunk)[-200:]
            counts = re.findall(rb"mesg=(\d+)", tail)
            if counts:
                self.count = int(counts[-1])
            elif b"fatal" in tail:
                log(tail.decode(errors="replace"))

    def stop(self):
        """Stop the sink; how many messages each envelope recipient got (a Counter)."""
        if self.process is None:
            return Counter()
        process, self.process = self.process, None
        process.terminate()
        process.wait(10)
        received = Counter()
        dump = self.folder / "dump"
        if dump.exists() and dump.stat().st_size:
            with dump.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as m:
                received.update(match.decode() for match in self.RECIPIENT.findall(m))
        shutil.rmtree(self.folder, ignore_errors=True)
        return received


# The sink's maximum --------------------------------------------------------------------------


def blast_one(port, count, data, barrier):
    client = smtplib.SMTP("127.0.0.1", port, local_hostname="blast.bench")
    client.ehlo()
    if client.has_extn("pipelining"):
        # As the senders do it: envelope and DATA in one write, then the message.
        message = data.replace(b"\n.", b"\n..") + b".\r\n"
        barrier.wait()
        for n in range(count):
            client.send(
                f"MAIL FROM:<newsroom@bench.example>\r\nRCPT TO:<blast{n}@example.org>\r\n"
                "DATA\r\n".encode()
            )
            codes = [client.getreply()[0] for _ in range(3)]
            client.send(message)
            codes.append(client.getreply()[0])
            assert codes == [250, 250, 354, 250], codes
    else:
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
    deadline = time.monotonic() + 5
    while sink.count - before < clients * (total // clients) and time.monotonic() < deadline:
        time.sleep(0.01)  # smtp-sink's counter reaches us through a pipe
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
    parser.add_argument("--workers", type=int, default=4, help="db_worker processes")
    parser.add_argument("--sink", choices=["smtp-sink", "aiosmtpd"], default="smtp-sink")
    parser.add_argument("--sinks", type=int, default=2, help="aiosmtpd sink processes")
    parser.add_argument(
        "--no-pipelining", action="store_true", help="the sink does not advertise PIPELINING"
    )
    parser.add_argument("--batch", type=int, default=200, help="NEWSLETTER_BATCH_SIZE")
    parser.add_argument("--blast", type=int, default=20_000, help="messages for the sink's max")
    args = parser.parse_args()

    database = f"newsletters_bench_{os.getpid()}"
    create_database(database)
    pipelining = not args.no_pipelining
    if args.sink == "aiosmtpd":
        sink = AiosmtpdSink(args.sinks, pipelining).start()
    else:
        sink = PostfixSink(pipelining).start()
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

        from newsdesk.newsletters import composer, tasks
        from newsdesk.newsletters.models import Delivery, Issue

        call_command("migrate", verbosity=0)
        issue = seed(args.subscribers)
        _, sample = composer.IssueMail.for_issue(issue, frozen=False).envelope_for(
            email_address="reader1@example.org", subscriber_id=1
        )
        print(f"{args.subscribers:,} subscribers; one message is {len(sample):,} bytes")
        print(f"sink: {sink.name}, {'with' if pipelining else 'without'} PIPELINING")

        sink_before = blast(sink, sample, args.blast, clients=args.workers)
        print(f"sink maximum (smtplib, {args.workers} clients): {sink_before:,.0f} messages/s")

        workers = start_workers(args.workers, env)
        time.sleep(3)  # let the workers start before the clock does
        before = sink.count
        started = time.monotonic()
        tasks.send_now(issue=issue)
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
        sink.stop()
        from django.db import connections

        connections.close_all()
        drop_database(database)


if __name__ == "__main__":
    main()
