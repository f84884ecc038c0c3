#!/usr/bin/env python
"""The cache backends a Newsdesk without Redis could share between its processes, measured on
what the page cache does with them, against Django's local-memory cache in the same run.

    .venv/bin/python bench/cache.py [--rounds 2000] [--seconds 5] [--readers 4]
                                    [--redis redis://127.0.0.1:6379/9 | --redis '']

Candidates: Django's LocMemCache (per process: the reference, not shared), FileBasedCache,
DatabaseCache on the site's SQLite database (WAL, as settings.py opens it), Newsdesk's
SQLiteCache (its own file), and Newsdesk's RedisCache if a Redis answers at --redis (a server;
for comparison). For each, in one process:

- "hit": what a cached article costs the cache: the versions (get_many of five keys) and the
  page's entry (a 47 KB page with its Brotli and gzip forms, ~67 KB pickled);
- "fill": storing that entry and dropping its "renewing" mark, as `serving.store.fill` does;
- "purge": renewing two path versions (set_many, no timeout);
- "lock": `add` of a renewing mark, then its delete; "count": a rate-limit hit (add + incr + get).

Then with several processes at once (--seconds): --readers processes answering hits in a loop,
one filling and purging, and one writing content to the site's SQLite database the way a
publication does (transactions of a few ms); reported are the hits per second of all readers
and the fill times. Finally correctness across processes: in each of 200 rounds four processes
`add` the same key at once (exactly one may win), four processes `incr` one counter 500 times
each (none may be lost), and a version stored without a timeout must survive 1,000 page writes
into a cache limited to 300 entries.
"""

import argparse
import gzip
import hashlib
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VOCABULARY = (
    "power grid kyiv repairs crews night substation schools monday minister said the of and "
    "to in a is that for on was with as by at from city region front officials residents "
    "water heating winter shelling report council budget energy network households"
)


def page_entry(seed=1):
    rng = random.Random(seed)
    words = VOCABULARY.split()
    paragraphs = []
    size = 0
    while size < 47_000:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(40, 90)))
        paragraph = f'<p class="para" id="p{len(paragraphs)}">{text.capitalize()}.</p>\n'
        paragraphs.append(paragraph)
        size += len(paragraph)
    body = ("<!doctype html><html><body>" + "".join(paragraphs) + "</body></html>").encode()
    headers = {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "default-src 'self'; script-src 'self' 'nonce-x'; " * 6,
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    return {
        "status": 200,
        "headers": headers,
        "body": body,
        "etag": '"0123456789abcdef"',
        "last_modified": "Sun, 29 Nov 2026 18:42:00 GMT",
        "depends": {"articles": 1, "chrome": 2, "feed": 3, "sites": 4},
        "variants": {
            "br": brotli.compress(body, quality=5),
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
        },
    }


VERSION_KEYS = [f"pagecache:content:{name}" for name in ("articles", "feed", "chrome", "sites")]
VERSION_KEYS.append("pagecache:v:path")
PAGE_KEY = "pagecache:p:article"


def configure(workdir, redis_url):
    import django
    from django.conf import settings

    from newsdesk import settings as site_settings

    database = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(workdir / "site.sqlite3"),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
    if site_settings.DATABASES["default"]["ENGINE"] == database["ENGINE"]:
        database["OPTIONS"] = site_settings.DATABASES["default"]["OPTIONS"]
    options = {"MAX_ENTRIES": 10_000}
    caches = {
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "filebased": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(workdir / "files"),
        },
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bench_cache",
        },
        "sqlite": {
            "BACKEND": "newsdesk.serving.sqlite_cache.SQLiteCache",
            "LOCATION": str(workdir / "cache.sqlite3"),
        },
    }
    for config in caches.values():
        config["OPTIONS"] = options
    if redis_url:
        caches["redis"] = {
            "BACKEND": "newsdesk.serving.redis_cache.RedisCache",
            "LOCATION": redis_url,
        }
    for config in caches.values():
        config["KEY_PREFIX"] = f"bench{os.getpid()}"
    settings.configure(
        DATABASES={"default": database},
        CACHES={"default": caches["locmem"], **caches},
        INSTALLED_APPS=[],
        USE_TZ=True,
    )
    django.setup()
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    with sqlite3.connect(database["NAME"]) as db:
        db.execute("CREATE TABLE content (id INTEGER PRIMARY KEY, body TEXT)")
    return list(caches)


def cache(alias):
    from django.core.cache import caches

    return caches[alias]


def hit(store):
    store.get_many(VERSION_KEYS)
    return store.get(PAGE_KEY)


def fill(store, entry):
    store.set(PAGE_KEY, entry, 600)
    store.delete(PAGE_KEY + ":renewing")


def purge(store):
    store.set_many(dict.fromkeys(VERSION_KEYS[-1:] + ["pagecache:v:other"], time.time_ns()), None)


def lock(store):
    store.add(PAGE_KEY + ":renewing", 1, 10)
    store.delete(PAGE_KEY + ":renewing")


def count(store):
    store.add("ratelimit:x", 0, 120)
    store.incr("ratelimit:x")
    store.get("ratelimit:y", 0)


def timed(operation, rounds):
    """Microseconds per call: the median of five batches."""
    batches = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(rounds // 5):
            operation()
        batches.append((time.perf_counter() - started) / (rounds // 5) * 1e6)
    return statistics.median(batches)


def single(alias, entry, rounds):
    store = cache(alias)
    store.clear()
    store.set_many(dict.fromkeys(VERSION_KEYS, time.time_ns()), None)
    fill(store, entry)
    assert hit(store)["body"] == entry["body"]
    return {
        "hit": timed(lambda: hit(store), rounds),
        "fill": timed(lambda: fill(store, entry), rounds // 4),
        "purge": timed(lambda: purge(store), rounds // 4),
        "lock": timed(lambda: lock(store), rounds),
        "count": timed(lambda: count(store), rounds),
    }


def reader(alias, until, hits):
    store = cache(alias)
    done = 0
    while time.time() < until:
        hit(store)
        done += 1
    hits.put(done)


def filler(alias, entry, until, times):
    store = cache(alias)
    took = []
    while time.time() < until:
        started = time.perf_counter()
        fill(store, entry)
        took.append(time.perf_counter() - started)
        purge(store)
        time.sleep(0.005)
    times.put(took)


def publisher(database, until):
    """Content writes as a publication makes them: the write lock held a few milliseconds."""
    db = sqlite3.connect(database, timeout=20, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    while time.time() < until:
        db.execute("BEGIN IMMEDIATE")
        for _ in range(20):
            db.execute("INSERT INTO content (body) VALUES (?)", ("x" * 2000,))
        time.sleep(0.003)
        db.execute("COMMIT")
        time.sleep(0.02)


def concurrent(alias, entry, seconds, readers, database):
    from django.db import connections

    store = cache(alias)
    store.clear()
    store.set_many(dict.fromkeys(VERSION_KEYS, time.time_ns()), None)
    fill(store, entry)
    connections.close_all()
    until = time.time() + seconds
    hits, times = multiprocessing.Queue(), multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=reader, args=(alias, until, hits)) for _ in range(readers)
    ]
    processes.append(multiprocessing.Process(target=filler, args=(alias, entry, until, times)))
    processes.append(multiprocessing.Process(target=publisher, args=(database, until)))
    for process in processes:
        process.start()
    total = sum(hits.get() for _ in range(readers))
    fills = sorted(times.get())
    for process in processes:
        process.join()
    return {
        "hits/s": total / seconds,
        "fill p50 ms": fills[len(fills) // 2] * 1000 if fills else float("nan"),
        "fill p99 ms": fills[int(len(fills) * 0.99)] * 1000 if fills else float("nan"),
    }


def adder(alias, rounds, barrier, wins):
    store = cache(alias)
    won = []
    for number in range(rounds):
        barrier.wait()
        if store.add(f"lock:{number}", os.getpid(), 60):
            won.append(number)
    wins.put(won)


def incrementer(alias, times, barrier):
    store = cache(alias)
    barrier.wait()
    for _ in range(times):
        store.incr("counter")


def correctness(alias, entry):
    from django.db import connections

    store = cache(alias)
    store.clear()
    connections.close_all()
    workers, rounds, times = 4, 200, 500
    barrier, wins = multiprocessing.Barrier(workers), multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=adder, args=(alias, rounds, barrier, wins))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    won = [number for _ in processes for number in wins.get()]
    for process in processes:
        process.join()
    wrong_rounds = sum(1 for number in range(rounds) if won.count(number) != 1)

    store.set("counter", 0, 600)
    connections.close_all()
    barrier = multiprocessing.Barrier(workers)
    processes = [
        multiprocessing.Process(target=incrementer, args=(alias, times, barrier))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    lost = workers * times - store.get("counter", 0)

    store.clear()
    store._max_entries = 300  # noqa: SLF001 (what MAX_ENTRIES sets)
    # Keys as the page cache and {% cache %} name them: a path's version, then fragments.
    version_key = f"pagecache:v:{hashlib.md5(b'/news/a-story/').hexdigest()}"
    store.set(version_key, 12345, None)
    for number in range(1000):
        fragment = f"template.cache.article-main.{hashlib.md5(str(number).encode()).hexdigest()}"
        store.set(fragment, entry["body"][:2000], 600)
    kept = store.get(version_key) == 12345
    store._max_entries = 10_000  # noqa: SLF001
    store.clear()
    return {
        "add: rounds without one winner": f"{wrong_rounds} of {rounds}",
        "incr: counts lost": f"{lost} of {workers * times}",
        "version kept when culled": "yes" if kept else "NO",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2000, help="calls timed per operation")
    parser.add_argument("--seconds", type=float, default=5, help="of each concurrent run")
    parser.add_argument("--readers", type=int, default=4, help="reading processes")
    parser.add_argument(
        "--redis",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        help="a Redis to compare with ('' for none)",
    )
    args = parser.parse_args()
    multiprocessing.set_start_method("fork")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-cache-"))
    try:
        aliases = configure(workdir, args.redis)
        entry = page_entry()
        print(
            f"page entry: body {len(entry['body']):,} B, br {len(entry['variants']['br']):,} B,"
            f" gzip {len(entry['variants']['gzip']):,} B; {os.cpu_count()} cores,"
            f" load {os.getloadavg()[0]:.2f}"
        )
        single_results = {alias: single(alias, entry, args.rounds) for alias in aliases}
        base = single_results["locmem"]
        print("\nOne process, microseconds per operation (x LocMemCache):")
        names = list(base)
        print(f"{'backend':<10}" + "".join(f"{name:>18}" for name in names))
        for alias, figures in single_results.items():
            cells = "".join(f"{figures[n]:>9.1f} ({figures[n] / base[n]:>4.1f}x)" for n in names)
            print(f"{alias:<10}{cells}")

        shared = [alias for alias in aliases if alias != "locmem"]
        print(
            f"\n{args.readers} processes reading hits, one filling and purging, one writing"
            f" content to the site's SQLite database, {args.seconds:g} s:"
        )
        database = str(workdir / "site.sqlite3")
        for alias in ["locmem", *shared]:
            figures = concurrent(alias, entry, args.seconds, args.readers, database)
            note = " (each process its own cache: not shared)" if alias == "locmem" else ""
            print(
                f"{alias:<10} {figures['hits/s']:>10,.0f} hits/s"
                f"   fill p50 {figures['fill p50 ms']:.2f} ms, p99 {figures['fill p99 ms']:.2f}"
                f" ms{note}"
            )

        print("\nAcross processes (4 at once):")
        for alias in shared:
            figures = correctness(alias, entry)
            print(f"{alias:<10} " + "; ".join(f"{k}: {v}" for k, v in figures.items()))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
