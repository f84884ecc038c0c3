"""Live feed under load: 1,000 open SSE streams on loopback, 50 updates posted.

    .venv/bin/python bench/livefeed.py [--clients 1000] [--items 50] [--workers 2]

Runs against a throwaway PostgreSQL database (created and dropped here; the server at
127.0.0.1:5432 unless BENCH_POSTGRES_URL says otherwise) served by granian over ASGI, as in
production. The clients connect all at once to a server that has just started, as every open
page reconnects after a deploy. The updates are saved by this process through the same service
the admin uses, so every one crosses from one process to others through the database.

Prints, for every (client, update) pair, the delay from the save's commit to the event's arrival
(p50/p99/max), the server's memory, and the database query rate of the server while the streams
are open (from PostgreSQL's table statistics, so nothing in the server counts for itself).
No peer has live push to compare with (WordPress plugins poll every 10 s), so no ratio is given.
"""

import argparse
import asyncio
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ITEM_ID = re.compile(rb'id="feed-item-(\d+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gap", type=float, default=0.2, help="seconds between two posts")
    return parser.parse_args()


def create_database():
    import psycopg

    base = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"bench_livefeed_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(base)
    return base, name, parts._replace(path=f"/{name}").geturl()


def drop_database(base, name):
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def tree_rss_mb(pid):
    """Resident memory of a process and all its descendants, in MB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        pending += [int(child) for child in children]
    return total / 1024


def table_reads():
    """Scans of any table of the bench database so far, as PostgreSQL counts them.

    Every query that reads rows scans at least one table; VACUUM, ANALYZE and the statistics
    queries here do not count, which makes this a clean count of the server's queries.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT sum(seq_scan + coalesce(idx_scan, 0)) FROM pg_stat_user_tables")
        return cursor.fetchone()[0]


class Client:
    def __init__(self):
        self.received = {}
        self.connected = asyncio.Event()
        self.status = "no answer"

    async def run(self, port):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as error:
            self.status = f"no connection ({error.strerror})"
            return
        writer.write(
            b"GET /news-feed/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Accept: text/event-stream\r\n\r\n"
        )
        await writer.drain()
        buffer = b""
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    return
                now = time.time()
                if self.status == "no answer":
                    self.status = chunk.split(b"\r\n", 1)[0].decode("latin-1")
                buffer += chunk
                if b": connected" in buffer and not self.connected.is_set():
                    self.connected.set()
                *events, buffer = buffer.split(b"\n\n")
                for event in events:
                    for match in ITEM_ID.finditer(event):
                        self.received.setdefault(int(match.group(1)), now)
        finally:
            writer.close()


async def main(args, port, server):
    from asgiref.sync import sync_to_async

    from newsdesk.livefeed import services

    clients = [Client() for _ in range(args.clients)]
    tasks = [asyncio.create_task(client.run(port)) for client in clients]
    started = time.monotonic()
    try:
        await asyncio.wait_for(asyncio.gather(*(c.connected.wait() for c in clients)), 120)
    except TimeoutError:
        waiting = Counter(c.status for c in clients if not c.connected.is_set())
        sys.exit(
            f"{sum(waiting.values())} of {args.clients} streams not open after 120 s: {waiting}"
        )
    print(f"{args.clients} streams open in {time.monotonic() - started:.1f} s")

    # PostgreSQL reports an idle backend's scans up to 10 s late: those of the streams' opening
    # must not count as idle queries.
    await asyncio.sleep(11)
    idle_seconds = 20
    count_reads = sync_to_async(table_reads, thread_sensitive=True)
    before = await count_reads()
    await asyncio.sleep(idle_seconds)
    idle_rate = (await count_reads() - before) / idle_seconds
    memory = tree_rss_mb(server.pid)

    saved = {}
    post = sync_to_async(services.post_item, thread_sensitive=True)
    for n in range(args.items):
        item = await post(text=f"<p>Benchmark update {n}</p>")
        saved[item.pk] = time.time()  # the service has committed when it returns
        await asyncio.sleep(args.gap)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if all(len(c.received) >= len(saved) for c in clients):
            break
        await asyncio.sleep(0.1)
    memory = max(memory, tree_rss_mb(server.pid))
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    delays, missing = [], 0
    for client in clients:
        for pk, at in saved.items():
            if pk in client.received:
                delays.append(client.received[pk] - at)
            else:
                missing += 1
    delays.sort()
    quantile = statistics.quantiles(delays, n=100, method="inclusive")
    print(f"updates posted: {len(saved)}, deliveries: {len(delays)}, missing: {missing}")
    print(
        f"save-to-receipt delay: p50 {quantile[49] * 1000:.0f} ms, "
        f"p99 {quantile[98] * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms"
    )
    print(f"server memory (RSS, all {args.workers} workers): {memory:.0f} MB")
    print(
        f"server queries while {args.clients} idle streams were open: {idle_rate:.1f}/s in all, "
        f"{idle_rate / args.workers:.1f}/s per process "
        f"(poll interval {os.environ.get('LIVEFEED_POLL_SECONDS', '0.5')} s)"
    )
    target = quantile[98] <= 1.0 and missing == 0
    print("target p99 <= 1 s and nothing missing:", "met" if target else "NOT MET")


def run():
    args = parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.clients * 4)), hard))
    base, dbname, url = create_database()
    os.environ.update(
        DATABASE_URL=url, DJANGO_SETTINGS_MODULE="newsdesk.settings", LOG_LEVEL="WARNING"
    )
    server = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from newsdesk.testing import free_port, subprocess_env, wait_for_port

        call_command("migrate", verbosity=0)
        from django.db import connection

        # Settle the fresh database now, so autovacuum does not run during the measurement.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        # A backend reports its statistics late; closing makes it report migrate's scans now.
        connection.close()
        port = free_port()
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/granian"), "--interface", "asginl", "--port", str(port),
             "--workers", str(args.workers), "--workers-kill-timeout", "3", "--backlog", "2048",
             "--log-level", "warning", "--no-ws", "newsdesk.asgi:application"],
            cwd=ROOT, env=subprocess_env(LOG_LEVEL="WARNING"),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(port, process=server)
        print(f"granian, {args.workers} workers, PostgreSQL; {os.cpu_count()} CPU cores shared")
        asyncio.run(main(args, port, server))
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        from django.db import connections

        connections.close_all()
        drop_database(base, dbname)


if __name__ == "__main__":
    run()
