"""Cold render of the article page and the front page, in-process: no HTTP, no server.

    .venv/bin/python bench/render.py [--renders 200] [--baseline PATH] [--rounds 4]

Each checkout (this one, and with --baseline another one, e.g. a `git worktree` of an older
commit) is measured by a process of its own that imports that checkout's code: it loads the
demo newsroom (`manage.py migrate` and `load_demo`) into a fresh SQLite database in a temporary
directory, or, when DATABASE_URL names a PostgreSQL server, into a throwaway database created on
it and dropped afterwards. The pages go through Django's test client: the whole middleware
stack and Wagtail's serve path, as a request in a web process, without the socket.

"Cold" is the first reader after a publication with every cache of the app switched off: the
page cache off (PAGE_CACHE_ENABLED=0), the template fragments off (FRAGMENT_CACHE_SECONDS=0),
and before each render the versions a publication renews ("articles", "feed", "chrome" and the
page's path) are renewed, so the objects cached under them (navigation, the latest articles,
related stories, newsletters) are built anew too. "Warm" is the same page with its fragments
on and filled (every later reader while the page cache is off). "After" is between the two,
the first reader of the page after another article's publication as it happens on a server:
the fragments on and filled, and before each render the edition's "articles" version renewed
(what publishing an article renews besides its own paths), so "More news" and the related
stories are rendered anew and the rest comes from the fragments. Each figure: p50 and p95 of
the render time in milliseconds, the p50 of the CPU time the rendering thread used (less
disturbed than the wall time on a loaded machine), and the database queries per render.

With --baseline both processes load their demo first, then take turns (--rounds), so that
whatever else the machine does weighs on both alike; the ratio is baseline / new.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
PAGES = ("article", "front")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=200, help="cold renders of each page")
    parser.add_argument(
        "--warm-renders", type=int, default=None, help="renders after and warm; default: --renders"
    )
    parser.add_argument("--rounds", type=int, default=4, help="turns taken with --baseline")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def log(message):
    print(message, file=sys.stderr, flush=True)


# The measuring process: one checkout's code, its own database.


def child_env(workdir):
    """Settings for the measuring process, before Django reads them."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings",
        DEBUG="0",
        PAGE_CACHE_ENABLED="0",
        FRAGMENT_CACHE_SECONDS="0",
        MEDIA_ROOT=str(workdir / "media"),
        CACHE_FILE=str(workdir / "cache.sqlite3"),
        CACHE_KEY_PREFIX=f"render{os.getpid()}",
        EMAIL_URL="locmem:",
        LOG_LEVEL="ERROR",
        # Tasks (narration, search index, renditions) wait in the queue: no worker runs.
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        NARRATION_ON_PUBLISH="0",
    )
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        sys.path.insert(0, str(HERE.parent))
        from common import create_database

        os.environ["BENCH_POSTGRES_URL"] = server
        base, name, url = create_database("bench_render")
        os.environ["DATABASE_URL"] = url
        return base, name
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    return None


def prepare(root):
    import django
    from django.core.management import call_command

    django.setup()
    import newsdesk

    assert Path(newsdesk.__file__).resolve().is_relative_to(root), newsdesk.__file__
    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    if not (root / "staticfiles" / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)

    from newsdesk.frontpage.models import HomePage

    # The default edition's front page: the first made (an older checkout has only that one).
    home = HomePage.objects.order_by("path").first()
    return {"article": home.lead_story.url, "front": "/"}


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def renew_versions(path):
    """What a publication does to the versions: everything cached under them is out of date."""
    from newsdesk.serving import versions

    keys = [versions.content_version_key(name) for name in ("articles", "feed", "chrome")]
    versions.renew_versions([*keys, versions.path_version_key(path)])


def renew_articles():
    """What publishing another article of the edition does to the versions of this page."""
    from newsdesk.serving import versions

    versions.renew_versions([versions.content_version_key("articles")])


MODES = ("cold", "after", "warm")


def measure(client, path, renders, mode):
    from django.conf import settings
    from django.db import connection

    cold = mode == "cold"
    settings.FRAGMENT_CACHE_SECONDS = 0 if cold else 600
    if not cold:
        client.get(path)  # fills the fragments
    counter = QueryCounter()
    times, cpu, queries = [], [], []
    for _ in range(renders):
        if cold:
            renew_versions(path)
        elif mode == "after":
            renew_articles()
        counter.count = 0
        with connection.execute_wrapper(counter):
            started, started_cpu = time.perf_counter(), time.thread_time()
            response = client.get(path)
            elapsed = time.perf_counter() - started
            cpu.append((time.thread_time() - started_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        times.append(elapsed * 1000)
        queries.append(counter.count)
    return {"times": times, "cpu": cpu, "queries": queries, "html_bytes": len(response.content)}


def child(root):
    """Load the demo, answer "ready", then measure what each line of standard input asks
    ({"page", "renders", "mode"}), one JSON line back each."""
    sys.path.insert(0, str(root))
    os.chdir(root)
    workdir = Path(tempfile.mkdtemp(prefix="bench-render-"))
    database = child_env(workdir)
    out = sys.stdout
    sys.stdout = sys.stderr  # only the answers go to the parent's pipe
    try:
        paths = prepare(root)
        from django.test import Client

        client = Client()
        for path in paths.values():  # renditions and the remembered site exist, as on a server
            for mode in MODES:
                measure(client, path, 2, mode)
        print(json.dumps({"ready": paths}), file=out, flush=True)
        for line in sys.stdin:
            ask = json.loads(line)
            result = measure(client, paths[ask["page"]], ask["renders"], ask["mode"])
            print(json.dumps(result), file=out, flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        if database:
            from common import drop_database

            drop_database(*database)
        shutil.rmtree(workdir, ignore_errors=True)


# The parent: starts one measuring process per checkout and prints the figures.


class Checkout:
    def __init__(self, label, root):
        self.label = label
        self.root = root.resolve()
        log(f"{label}: loading the demo newsroom ({self.root})...")
        self.process = subprocess.Popen(
            [sys.executable, str(HERE), "--child", str(self.root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=self.root,
        )
        self.paths = self.read()["ready"]
        self.runs = {}

    def read(self):
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.label} process stopped (exit {self.process.wait()})")
        return json.loads(line)

    def ask(self, page, renders, mode):
        self.process.stdin.write(json.dumps({"page": page, "renders": renders, "mode": mode}))
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        found = self.read()
        run = self.runs.setdefault((page, mode), {"times": [], "cpu": [], "queries": []})
        run["times"] += found["times"]
        run["cpu"] += found["cpu"]
        run["queries"] += found["queries"]
        run["html_bytes"] = found["html_bytes"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(60)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(run):
    queries = sorted(set(run["queries"]))
    return {
        "p50_ms": round(statistics.median(run["times"]), 2),
        "p95_ms": round(percentile(run["times"], 0.95), 2),
        "cpu_p50_ms": round(statistics.median(run["cpu"]), 2),
        "queries": queries[0] if len(queries) == 1 else queries,
        "renders": len(run["times"]),
        "html_bytes": run["html_bytes"],
    }


def shares(total, rounds):
    return [total // rounds + (1 if i < total % rounds else 0) for i in range(rounds)]


def report(checkouts, args):
    results = {c.label: {} for c in checkouts}
    print(f"\n{'page':<8} {'mode':<5} {'code':<9} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8}"
          f" {'queries':>8} {'renders':>8} {'HTML B':>8}")  # fmt: skip
    for page in PAGES:
        for mode in MODES:
            if (page, mode) not in checkouts[0].runs:
                continue
            figures = {}
            for checkout in checkouts:
                found = figures[checkout.label] = summary(checkout.runs[(page, mode)])
                results[checkout.label][f"{page}_{mode}"] = found
                print(f"{page:<8} {mode:<5} {checkout.label:<9} {found['p50_ms']:>8.2f}"
                      f" {found['p95_ms']:>8.2f} {found['cpu_p50_ms']:>8.2f}"
                      f" {str(found['queries']):>8}"
                      f" {found['renders']:>8} {found['html_bytes']:>8}")  # fmt: skip
            if len(figures) == 2:
                old, new = figures["baseline"], figures["new"]
                ratio = old["p50_ms"] / new["p50_ms"]
                cpu_ratio = old["cpu_p50_ms"] / new["cpu_p50_ms"]
                results.setdefault("ratio_p50", {})[f"{page}_{mode}"] = round(ratio, 2)
                results.setdefault("ratio_cpu_p50", {})[f"{page}_{mode}"] = round(cpu_ratio, 2)
                print(f"{page:<8} {mode:<5} {'ratio':<9} {ratio:>7.2f}x {'':>8} {cpu_ratio:>7.2f}x"
                      "  (baseline / new)")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def main():
    args = parse_args()
    if args.child:
        return child(args.child)
    warm = args.renders if args.warm_renders is None else args.warm_renders
    checkouts = [Checkout("new", ROOT)]
    try:
        if args.baseline:
            checkouts.append(Checkout("baseline", args.baseline))
        rounds = args.rounds if args.baseline else 1
        for turn, (cold_share, warm_share) in enumerate(
            zip(shares(args.renders, rounds), shares(warm, rounds), strict=True)
        ):
            log(f"round {turn + 1} of {rounds}...")
            # Alternate which checkout goes first, so neither always follows the other.
            for checkout in checkouts if turn % 2 == 0 else checkouts[::-1]:
                for page in PAGES:
                    checkout.ask(page, cold_share, "cold")
                    if warm_share:
                        checkout.ask(page, warm_share, "after")
                        checkout.ask(page, warm_share, "warm")
    finally:
        for checkout in checkouts:
            checkout.stop()
    report(checkouts, args)


if __name__ == "__main__":
    main()
