"""A traffic spike during a busy news hour: many readers, an editor publishing, a worker restart.

    .venv/bin/python bench/spike.py [--seconds 60] [--readers 200] [--publish-every 2]

Production settings (SITE_URL is https, DEBUG off, PostgreSQL, Redis for the page cache, as
bench/pages.py), the demo newsroom, granian with two worker processes and one task worker, as
`scripts/serve` runs them (narration off: Piper would take the cores from the readers).
For `--seconds`:

- `--readers` concurrent readers, each on its own keep-alive connection, ask for a mix of the
  front page, articles, section pages and /news-feed/ as a browser does (gzip and Brotli
  accepted), without pause (or `--think` seconds between pages on average);
- an editor re-publishes a random article every `--publish-every` seconds: a new Wagtail
  revision with a changed standfirst, published from another process (`--publisher` mode of this
  script) exactly as the admin's Publish button does;
- half-way, the task worker is stopped with SIGTERM and a new one started.

Reports requests, errors (any status other than 2xx/3xx, connection errors, no answer within
`--timeout` seconds; the target is 0), requests/s, p50/p95/p99/max latency overall, per page
kind and around the worker restart, how long each publication took to show on its article page
(p50/max; a poller reads the page without compression and looks for the new standfirst; any
answer to a request sent after the publication that still has the old text counts as stale),
and what the task queue holds at the end. Uses a throwaway PostgreSQL database (BENCH_POSTGRES_URL,
default the server at 127.0.0.1:5432) and Redis database 9 at 127.0.0.1 under a key prefix of
its own.
"""

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import create_database, drop_database, production_env

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PY = sys.executable
BIN = Path(sys.executable).parent
# Share of requests per page kind (the rest of a reader's visit: images, CSS and JS, come from
# the browser's cache or nginx and are not Newsdesk's work).
MIX = {"article": 0.5, "front": 0.25, "section": 0.15, "news-feed": 0.10}
VISIBLE_WITHIN = 30.0  # seconds; a publication not on its page by then counts as never seen
MARKER = re.compile(r" \[Update \d+-[0-9a-f]+\]$")
# The article's own standfirst on its page (cards of other articles may carry markers too).
SHOWN_UPDATE = re.compile(rb'class="article__standfirst">[^<]*\[Update (\d+)-[0-9a-f]+\]')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--publish-every", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes")
    parser.add_argument(
        "--think", type=float, default=0, help="mean pause between a reader's pages, seconds"
    )
    parser.add_argument(
        "--timeout", type=float, default=30, help="a request slower than this is an error"
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extra setting for every process, e.g. DB_POOL_SIZE=20 (repeatable)",
    )
    parser.add_argument("--publisher", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def log(message):
    print(message, file=sys.stderr, flush=True)


# The editor: a process of its own, publishing as the admin does.


def run_publisher(every):
    """Publish a random live article every `every` seconds, from the moment a line arrives on
    stdin; print one JSON line per publication (after its transaction has committed) until
    SIGTERM arrives."""
    import django

    django.setup()
    from newsdesk.articles.models import ArticlePage

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    ids = list(ArticlePage.objects.live().values_list("pk", flat=True))
    rng = random.Random(os.getpid())
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.readline()  # "go": the readers have started
    number, next_at = 0, time.monotonic()
    while not stopping.is_set():
        number += 1
        article = ArticlePage.objects.get(pk=rng.choice(ids))
        page = article.get_latest_revision_as_object()
        marker = f"Update {number}-{os.urandom(3).hex()}"
        page.standfirst = MARKER.sub("", page.standfirst) + f" [{marker}]"
        started = time.time()
        page.save_revision().publish()
        published = time.time()
        line = {"path": article.url, "marker": marker, "started": started, "at": published}
        print(json.dumps(line), flush=True)
        next_at += every
        stopping.wait(max(0.0, next_at - time.monotonic()))


# The site under test


def manage(env, *args):
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True)  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def site_paths(env):
    code = (
        "import json;"
        "from newsdesk.articles.models import ArticlePage, SectionPage;"
        "print(json.dumps({"
        "'article': [a.url for a in ArticlePage.objects.live()],"
        "'section': [s.url for s in SectionPage.objects.live()],"
        "'front': ['/'], 'news-feed': ['/news-feed/']}))"
    )
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def start_worker(env, log_file):
    return subprocess.Popen(
        [PY, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.5"],
        cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip


def query(database_url, sql):
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute(sql).fetchall()


def queue_counts(database_url):
    rows = query(
        database_url, "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY 1"
    )
    return dict(rows)


def wait_for_worker(database_url, timeout=60):
    """Until a worker has recorded its heartbeat: it has started and handles SIGTERM."""
    deadline = time.monotonic() + timeout
    while not query(database_url, "SELECT 1 FROM core_workerheartbeat"):
        if time.monotonic() > deadline:
            raise TimeoutError("the task worker did not start")
        time.sleep(0.2)


# Readers


class Connection:
    """One keep-alive HTTP/1.1 connection, as a browser tab keeps to the site."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None
        self.answered = False  # a status line arrived for the request in progress

    async def get(self, path, headers=()):
        """(status, headers, body, reconnected)."""
        reused = self.writer is not None
        try:
            return (*await self._get(path, headers), False)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            if not reused or self.answered:
                raise
        # The server had closed the idle connection before this request reached it: a browser
        # sends it again on a new connection, and so do we (counted as a reconnect).
        return (*await self._get(path, headers), True)

    async def _get(self, path, headers):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        request = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]
        self.writer.write("\r\n".join(request).encode("latin-1"))
        await self.writer.drain()
        self.answered = False
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed")
        self.answered = True
        status = int(status_line.split()[1])
        response_headers = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            response_headers[name.strip().lower()] = value.strip()
        if "content-length" in response_headers:
            body = await self.reader.readexactly(int(response_headers["content-length"]))
        elif "chunked" in response_headers.get("transfer-encoding", ""):
            body = b""
            while size := int((await self.reader.readline()).split(b";")[0], 16):
                body += (await self.reader.readexactly(size + 2))[:-2]
            await self.reader.readline()
        else:
            body = await self.reader.read()
            self.close()
        if response_headers.get("connection", "").lower() == "close":
            self.close()
        return status, response_headers, body

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


BROWSER_HEADERS = (
    "Accept: text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Encoding: gzip, deflate, br",
    "Accept-Language: en",
    "User-Agent: spike-bench",
)


class Results:
    def __init__(self):
        self.samples = []  # (started, kind, seconds, status)
        self.errors = []  # (started, kind, path, what)
        self.cache = {"HIT": 0, "MISS": 0, "": 0}
        self.reconnects = 0
        self.visible = []  # seconds from publish to the page showing it
        self.unseen = []
        self.stale = 0  # old text in answers to requests sent after a publication
        self.publish_seconds = []


async def reader(port, paths, results, stop_at, rng, think, timeout):
    connection = Connection(port)
    kinds, weights = list(MIX), list(MIX.values())
    while time.monotonic() < stop_at:
        kind = rng.choices(kinds, weights)[0]
        path = rng.choice(paths[kind])
        started = time.monotonic()
        try:
            status, headers, _, reconnected = await asyncio.wait_for(
                connection.get(path, BROWSER_HEADERS), timeout
            )
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            connection.close()
            results.errors.append((started, kind, path, f"{type(exc).__name__}: {exc}"))
            continue
        elapsed = time.monotonic() - started
        results.reconnects += reconnected
        results.samples.append((started, kind, elapsed, status))
        cache = headers.get("x-cache", "")
        results.cache[cache] = results.cache.get(cache, 0) + 1
        if not 200 <= status < 400:
            results.errors.append((started, kind, path, f"HTTP {status}"))
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))
    connection.close()


async def watch_publication(port, publication, results):
    """Poll the published article until it shows the new standfirst (or a later one: the
    editor may have published the same article again meanwhile). Every answer to a request
    sent after the publication that still shows the old text is counted as stale."""
    number = int(publication["marker"].split()[1].split("-")[0])
    connection = Connection(port)
    deadline = publication["at"] + VISIBLE_WITHIN
    try:
        while time.time() < deadline:
            asked = time.time()
            try:
                status, _, body, _ = await asyncio.wait_for(
                    connection.get(publication["path"]), VISIBLE_WITHIN
                )
            except (OSError, asyncio.IncompleteReadError):
                connection.close()
                continue
            shown = SHOWN_UPDATE.search(body) if status == 200 else None
            if shown and int(shown.group(1)) >= number:
                results.visible.append(max(0.0, time.time() - publication["at"]))
                return
            if asked > publication["at"]:
                results.stale += 1
            await asyncio.sleep(0.02)
        results.unseen.append(publication["marker"])
    finally:
        connection.close()


async def start_editor(env, args):
    process = await asyncio.create_subprocess_exec(
        PY, str(Path(__file__).resolve()), "--publisher", "--publish-every",
        str(args.publish_every), cwd=ROOT, env=env, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    ready = await process.stdout.readline()
    if not ready:
        raise RuntimeError(f"the publisher did not start (exit code {await process.wait()})")
    return process


async def editor(process, port, results, stop_at):
    process.stdin.write(b"go\n")
    await process.stdin.drain()
    watchers = []
    try:
        while time.monotonic() < stop_at:
            try:
                line = await asyncio.wait_for(process.stdout.readline(), stop_at - time.monotonic())
            except TimeoutError:
                break
            if not line:
                raise RuntimeError(f"the publisher stopped (exit code {await process.wait()})")
            publication = json.loads(line)
            results.publish_seconds.append(publication["at"] - publication["started"])
            watchers.append(asyncio.create_task(watch_publication(port, publication, results)))
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)  # it finishes the publication in hand
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()
    await asyncio.gather(*watchers)


async def restart_worker(env, worker_holder, at, log_file):
    """SIGTERM the task worker at `at` (monotonic), start a new one once it has exited."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    old = worker_holder[0]
    stopped = time.monotonic()
    old.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(old.wait, 60)
    worker_holder[0] = start_worker(env, log_file)
    return {"at": stopped, "exit_code": code, "stop_seconds": time.monotonic() - stopped}


async def warm_up(port, paths):
    """One request per page, as a site that has been up for a while has them in its cache."""
    connection = Connection(port)
    for path in sorted({path for kind in paths.values() for path in kind}):
        status, *_ = await connection.get(path, BROWSER_HEADERS)
        if status != 200:
            raise RuntimeError(f"{path} answered {status} before the spike")
    connection.close()


async def spike(env, args, port, paths, worker_holder, worker_log):
    results = Results()
    rng = random.Random(20261129)
    await warm_up(port, paths)
    publisher = await start_editor(env, args)
    started = time.monotonic()
    stop_at = started + args.seconds
    restart = asyncio.create_task(
        restart_worker(env, worker_holder, started + args.seconds / 2, worker_log)
    )
    readers = [
        asyncio.create_task(
            reader(
                port, paths, results, stop_at, random.Random(rng.random()), args.think, args.timeout
            )
        )
        for _ in range(args.readers)
    ]
    publishing = asyncio.create_task(editor(publisher, port, results, stop_at))
    await asyncio.gather(*readers)
    elapsed = time.monotonic() - started
    restarted = await restart
    await publishing
    return results, elapsed, restarted, started


# Figures


def quantiles(values):
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"n": len(ordered), "p50": at(0.50), "p95": at(0.95), "p99": at(0.99),
            "max": ordered[-1]}  # fmt: skip


def ms(stats, key):
    return f"{stats[key] * 1000:,.0f}" if key in stats else "-"


def timeline(results, started, seconds, step=10):
    """Requests, errors and p99 latency per `step` seconds of the run (by when they started)."""
    rows = []
    for start in range(0, max(1, round(seconds)), step):
        in_step = [s for s in results.samples if start <= s[0] - started < start + step]
        errors = [e for e in results.errors if start <= e[0] - started < start + step]
        stats = quantiles([s[2] for s in in_step])
        rows.append({"from_s": start, "requests": len(in_step), "errors": len(errors), **stats})
    return rows


def report(args, results, elapsed, restarted, started, queue, machine, worker_exit):
    samples = results.samples
    extra = dict(item.split("=", 1) for item in args.env)
    total = len(samples) + sum(1 for e in results.errors if not e[3].startswith("HTTP"))
    overall = quantiles([s[2] for s in samples])
    print(
        f"\n{machine}\ngranian --workers {args.workers} (ASGI), 1 db_worker, PostgreSQL "
        f"(DB_POOL_SIZE {extra.get('DB_POOL_SIZE', 'default')}), Redis page cache; "
        f"{args.readers} readers (pause {args.think:g} s) for {elapsed:.0f} s, a publication "
        f"every {args.publish_every:g} s, the worker restarted once"
    )
    print(
        f"requests: {total:,}   errors: {len(results.errors)}   "
        f"req/s: {total / elapsed:,.0f}   reconnects: {results.reconnects}   "
        f"page cache: {results.cache.get('HIT', 0):,} hits, {results.cache.get('MISS', 0):,} "
        "misses"
    )
    print(f"\n  {'latency, ms':<22} {'n':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}")

    def row(label, stats):
        print(
            f"  {label:<22} {stats['n']:>8,} {ms(stats, 'p50'):>7} {ms(stats, 'p95'):>7} "
            f"{ms(stats, 'p99'):>7} {ms(stats, 'max'):>7}"
        )

    row("all", overall)
    per_kind = {kind: quantiles([s[2] for s in samples if s[1] == kind]) for kind in MIX}
    for kind, stats in per_kind.items():
        row(kind, stats)
    window = [s[2] for s in samples if abs(s[0] - restarted["at"]) <= 5]
    around_restart = quantiles(window)
    row("worker restart ±5 s", around_restart)
    visible = quantiles(results.visible)
    publish = quantiles(results.publish_seconds)
    print(
        f"\npublications: {len(results.publish_seconds)} (publish call p50 {ms(publish, 'p50')} "
        f"ms, max {ms(publish, 'max')} ms); on the article page after p50 {ms(visible, 'p50')} "
        f"ms, max {ms(visible, 'max')} ms (the answer's arrival); never seen within "
        f"{VISIBLE_WITHIN:g} s: {len(results.unseen)}; stale answers to requests sent after a "
        f"publication: {results.stale}"
    )
    print(
        f"worker restart at {restarted['at'] - started:.0f} s: old worker exited with "
        f"{restarted['exit_code']} after {restarted['stop_seconds']:.1f} s; tasks at the end: "
        + ", ".join(f"{status.lower()} {count}" for status, count in sorted(queue.items()))
    )
    steps = timeline(results, started, args.seconds)
    print("\n  from s   requests  errors   p99 ms")
    for step in steps:
        print(
            f"  {step['from_s']:>6} {step['requests']:>10,} {step['errors']:>7,} "
            f"{ms(step, 'p99'):>8}"
        )
    kinds = {}
    for *_, what in results.errors:
        kinds[what[:80]] = kinds.get(what[:80], 0) + 1
    for what, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count:>6} x {what}")
    if worker_exit is not None:
        print(f"  the new task worker exited during the run (code {worker_exit})")
    for when, kind, path, what in results.errors[:5]:
        print(f"  error at {when - started:.1f} s: {kind} {path}: {what}")
    target = not results.errors and not results.unseen and not results.stale and worker_exit is None
    print("target 0 errors, every publication seen, none stale:", "met" if target else "NOT MET")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    summary = {
        "machine": machine,
        "readers": args.readers,
        "think_s": args.think,
        "timeout_s": args.timeout,
        "seconds": round(elapsed, 1),
        "requests": total,
        "errors": len(results.errors),
        "error_samples": [e[1:] for e in results.errors[:50]],
        "requests_per_second": round(total / elapsed, 1),
        "reconnects": results.reconnects,
        "page_cache": results.cache,
        "latency_s": {"all": overall, **per_kind, "worker_restart_5s": around_restart},
        "publications": len(results.publish_seconds),
        "publish_call_s": publish,
        "visible_after_s": visible,
        "unseen": len(results.unseen),
        "stale_answers": results.stale,
        "worker_restart": {k: v for k, v in restarted.items() if k != "at"},
        "tasks_at_end": queue,
        "worker_exit_during_run": worker_exit,
        "timeline": steps,
        "error_kinds": kinds,
        "env": args.env,
    }
    (out / "spike.json").write_text(json.dumps(summary, indent=2))
    return target


def forget_cache(prefix):
    """Drop this run's page cache entries (other runs may share Redis database 9)."""
    import redis

    client = redis.Redis(db=9)
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        client.delete(key)


def machine_line():
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    return f"Machine: {os.cpu_count()} cores, {cpu.group(1) if cpu else 'unknown CPU'}"


def wait_for_page(port, timeout=60):
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("the server did not answer")


def main():
    args = parse_args()
    if args.publisher:
        run_publisher(args.publish_every)
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.readers * 4)), hard))
    from newsdesk.testing import free_port

    workdir = Path(tempfile.mkdtemp(prefix="bench-spike-"))
    base, name, database_url = create_database("bench_spike")
    env = production_env(
        workdir, database_url, "spike", NARRATION_ON_PUBLISH="0", PYTHONUNBUFFERED="1"
    )
    env.update(item.split("=", 1) for item in args.env)
    port = free_port()
    server = None
    met = False
    worker = [None]
    worker_log = (workdir / "worker.log").open("w")
    server_log = (workdir / "server.log").open("w")
    try:
        log("preparing the demo newsroom (migrate, load_demo, collectstatic, search index)...")
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--force")
        manage(env, "collectstatic", "--no-input")
        manage(env, "db_worker", "--queue-name", "*", "--batch", "--no-startup-delay")
        paths = site_paths(env)
        server = subprocess.Popen(
            [str(BIN / "granian"), "--interface", "asginl", "--host", "127.0.0.1", "--port",
             str(port), "--workers", str(args.workers), "--workers-kill-timeout", "3",
             "--log-level", "warning", "--no-ws", "newsdesk.asgi:application"],
            cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_page(port)
        worker[0] = start_worker(env, worker_log)
        wait_for_worker(database_url)
        log(
            f"{len(paths['article'])} articles, {len(paths['section'])} sections; "
            f"{args.readers} readers for {args.seconds:g} s..."
        )
        results, elapsed, restarted, started = asyncio.run(
            spike(env, args, port, paths, worker, worker_log)
        )
        # Let the new worker finish what the publications queued, then look at the queue.
        deadline = time.monotonic() + 60
        while (queue := queue_counts(database_url)).get("READY") or queue.get("RUNNING"):
            if time.monotonic() > deadline:
                break
            time.sleep(1)
        worker_exit = worker[0].poll()
        met = report(args, results, elapsed, restarted, started, queue, machine_line(), worker_exit)
    finally:
        for process in (worker[0], server):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
        worker_log.close()
        server_log.close()
        if not met:
            for log_name in ("server.log", "worker.log"):
                log(f"--- the end of {log_name}:\n" + (workdir / log_name).read_text()[-1500:])
        drop_database(base, name)
        forget_cache(env["CACHE_KEY_PREFIX"])
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
