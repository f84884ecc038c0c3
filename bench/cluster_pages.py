"""Reader pages from two web nodes behind nginx against one, in the same run: req/s of the
article page with the page cache off (every request rendered) and on.

    .venv/bin/python bench/cluster_pages.py [--seconds 15] [--connections 32] [--rounds 3]

The nodes (granian, one worker each) share PostgreSQL, Redis and an S3 bucket (moto's server)
as in bench/cluster.py. nginx balances without a cache of its own, so every request reaches a
node. One nginx sends to node A only, another to nodes A and B; wrk loads each in turn, `rounds`
times, and each one's median run is printed. On one machine the nodes share its cores: two nodes
gain only where one node leaves cores idle (one worker process waits on the database and Redis).
Run it where each node has cores of its own for the gain of a second machine.
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster import cluster_env, create_content  # noqa: E402
from cluster_nodes import S3, Balancer, WebNode, get, wrk  # noqa: E402
from common import create_database, drop_database  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=15, help="per mode, over all rounds")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    return parser.parse_args()


def measure(env, workdir, path, args, cache):
    """{"one node": rps, "two nodes": rps} with the page cache on or off."""
    env = {**env, "PAGE_CACHE_ENABLED": "1" if cache else "0"}
    label = "cached" if cache else "uncached"
    nodes = [WebNode(f"{label}-a", env, workdir), WebNode(f"{label}-b", env, workdir)]
    balancers = {
        "one node": Balancer(workdir / f"{label}-one", nodes[:1]),
        "two nodes": Balancer(workdir / f"{label}-two", nodes),
    }
    try:
        for balancer in balancers.values():
            for _ in range(3):  # fills the caches and each process's memory
                assert get(balancer.url + path)[0] == 200
        runs = {mode: [] for mode in balancers}
        for _ in range(args.rounds):
            for mode, balancer in balancers.items():
                seconds = max(args.seconds // args.rounds, 2)
                runs[mode].append(wrk(balancer.url + path, seconds, args.connections))
        return {
            mode: {"rps": statistics.median(r["rps"] for r in found),
                   "failed": sum(r["failed"] for r in found)}
            for mode, found in runs.items()
        }  # fmt: skip
    finally:
        for process in [*balancers.values(), *nodes]:
            process.stop()


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-cluster-pages-"))
    base, name, database_url = create_database("bench_cluster_pages")
    s3 = None
    try:
        s3 = S3(workdir)
        env = cluster_env(workdir, database_url, s3.bucket)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        article, *_ = create_content(0)
        print(f"article page, wrk -c{args.connections}, {os.cpu_count()} cores shared by all")
        for cache in (False, True):
            found = measure(env, workdir, article.url, args, cache)
            one, two = found["one node"]["rps"], found["two nodes"]["rps"]
            print(
                f"{'cached' if cache else 'uncached'}: one node {one:.0f} req/s, two nodes "
                f"{two:.0f} req/s (x{two / one:.2f}); failed requests "
                f"{found['one node']['failed'] + found['two nodes']['failed']}",
                flush=True,
            )
    finally:
        if s3 is not None:
            s3.stop()
        from django.db import connections

        connections.close_all()
        drop_database(base, name)
        print(f"logs: {workdir}")


if __name__ == "__main__":
    main()
