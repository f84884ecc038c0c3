"""Newsdesk as a cluster: two web nodes and two task workers sharing one PostgreSQL, one Redis
and one S3 bucket (moto's server), behind an nginx that balances between the web nodes.

    .venv/bin/python bench/cluster.py [--rounds 5] [--clients 10] [--load-seconds 6]

Every node is a process of its own with its own memory and its own (empty) MEDIA_ROOT, as on
separate machines. Prints:
- freshness: an editor publishes through node A (Wagtail's publish action over HTTP); seconds
  until node B serves the change on the article and its section (p50/max over the rounds);
- SSE: items posted while readers hold streams open on node A, node B and through nginx: how
  many of the (item, reader) deliveries arrived;
- narration: articles narrated by the workers, played (a Range request on the audio the page
  links to) through the pages of both nodes; one worker is killed (SIGKILL) while it narrates:
  tasks lost;
- web node killed under load: requests through nginx that failed while node A was killed.

Uses the PostgreSQL at BENCH_POSTGRES_URL (a database is created and dropped), Redis at
BENCH_REDIS_URL (default redis://127.0.0.1:6379/9, keys under a prefix of this run), and Debian's
nginx and wrk. Too slow for the test suite (a minute or more): a bench.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_nodes import S3, Balancer, WebNode, Worker, get, wait_for, wrk  # noqa: E402
from cluster_sse import sse_delivery  # noqa: E402
from common import create_database, drop_database, production_env  # noqa: E402

AUDIO = re.compile(r'<audio\b[^>]*?\ssrc="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="publications through node A")
    parser.add_argument("--clients", type=int, default=10, help="SSE readers per way in")
    parser.add_argument("--items", type=int, default=5, help="feed items posted")
    parser.add_argument("--narrations", type=int, default=4)
    parser.add_argument("--load-seconds", type=int, default=6)
    return parser.parse_args()


def cluster_env(workdir, database_url, bucket):
    return production_env(
        workdir, database_url, "cluster",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        NARRATION_ON_PUBLISH="0",  # narrations are asked for below, not by every publication
        WORKER_HEARTBEAT_INTERVAL="1", TASK_STALE_AFTER="4",
        **bucket.env,
    )  # fmt: skip


def create_content(narrations):
    """A section, the article the editor republishes, short articles to narrate, the editor's
    session: (article, section, [articles to narrate], session key)."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from newsdesk.articles.models import ArticlePage, SectionPage
    from newsdesk.frontpage.models import HomePage

    home = HomePage.objects.get()
    section = home.add_child(instance=SectionPage(title="News", slug="news"))
    section.save_revision().publish()

    def article(n, text):
        page = ArticlePage(title=f"Cluster story {n}", slug=f"cluster-story-{n}",
                           standfirst="Two nodes, one site.", live=False,
                           body=[("paragraph", f"<p>{text}</p>")])  # fmt: skip
        section.add_child(instance=page)
        page.save_revision().publish()
        return ArticlePage.objects.get(pk=page.pk)

    main = article(0, "The first paragraph of the story.")
    # Long enough (~60 words, seconds of synthesis) for both workers to be busy at once.
    text = " ".join(["Crews restored power to the eastern districts before dawn."] * 6)
    spoken = [article(n, f"Report {n}. {text}") for n in range(1, narrations + 1)]
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12)
    session = SessionStore()
    session["_auth_user_id"] = str(editor.pk)
    session["_auth_user_hash"] = editor.get_session_auth_hash()
    session["_auth_user_backend"] = "newsdesk.accounts.backends.LockoutModelBackend"
    session.create()
    return main, section, spoken, session.session_key


def publish_through(node, article, marker, session):
    """A draft with `marker` in its title, published by Wagtail's publish action on `node`."""
    draft = article.get_latest_revision_as_object()
    draft.title = f"Cluster story ({marker})"
    draft.save_revision()
    action = f"{node.url}/admin/bulk/wagtailcore/page/publish/?id={article.pk}"
    cookie = {"Cookie": f"sessionid={session}", "X-Forwarded-Proto": "https"}
    status, headers, body = get(action, cookie)
    token = CSRF.search(body.decode()).group(1)
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    form = f"csrfmiddlewaretoken={token}".encode()
    headers = {
        **cookie,
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "Origin": "https://127.0.0.1",
        "Referer": "https://127.0.0.1/admin/",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    status, _, _ = get(action, headers, data=form)
    if status != 302:  # to the page listing, once published
        raise RuntimeError(f"publishing through {node.name} answered {status}")


def first_fresh(url, marker, published, timeout=10):
    """(sent, answered): seconds after `published` at which the first request that got
    `marker` was sent, and answered."""
    while (sent := time.monotonic() - published) < timeout:
        if marker in get(url)[2].decode():
            return sent, time.monotonic() - published
    return float("inf"), float("inf")


def freshness(a, b, article, section, session, rounds):
    """Seconds from the publish action's answer until node B serves the new title, on the
    article and its section, each polled by a thread of its own: when the first request that
    got it was sent ("seen"), and when it was answered (adding node B's render of the page)."""
    paths = {"article": article.url, "section": section.url}
    delays = {f"{page}_{when}": [] for page in paths for when in ("seen", "answered")}
    with ThreadPoolExecutor(len(paths)) as pool:
        for n in range(rounds):
            marker = f"fresh-{os.getpid()}-{n}"
            for path in paths.values():  # node B holds both in its caches
                get(b.url + path)
            publish_through(a, article, marker, session)
            published = time.monotonic()
            polls = {page: pool.submit(first_fresh, b.url + path, marker, published)
                     for page, path in paths.items()}  # fmt: skip
            for page, poll in polls.items():
                seen, answered = poll.result()
                delays[f"{page}_seen"].append(seen)
                delays[f"{page}_answered"].append(answered)
    return {f"{label}_{name}_s": round(figure(seconds), 3) for label, seconds in delays.items()
            for name, figure in (("p50", statistics.median), ("max", max))}  # fmt: skip


def narrations(nodes, workers, articles):
    """Ask for the narrations, kill the first worker while both run a task, wait for all."""
    from django_tasks_db.models import DBTaskResult

    from newsdesk.narration.models import Narration
    from newsdesk.narration.tasks import request_narration

    for article in articles:
        request_narration(article=article)
    running = DBTaskResult.objects.filter(status="RUNNING")
    # Both workers busy, so the one killed holds a task.
    busy, _ = wait_for(lambda: len({t.worker_ids[-1] for t in running.all()}) >= 2, 60, 0.05)
    workers[0].kill()
    ready = Narration.objects.filter(article__in=articles, status=Narration.Status.READY)
    _, seconds = wait_for(lambda: ready.count() == len(articles), 240, 0.2)
    waiting = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
    wait_for(lambda: not waiting.exists(), 120, 0.2)
    # Every task of the run (narrations, search and reference index updates): one the killed
    # worker held was claimed again by the other (two worker ids); none may end otherwise.
    tasks = list(DBTaskResult.objects.all())
    lost = sum(task.status != "SUCCESSFUL" for task in tasks)
    taken_over = sum(len(task.worker_ids) > 1 for task in tasks)
    played = 0
    for article in articles:
        for node in nodes:
            found = AUDIO.search(get(node.url + article.url)[2].decode())
            if found:
                status, headers, part = get(found.group(1), {"Range": "bytes=100-199"})
                played += status == 206 and len(part) == 100
    return {"narrations": len(articles), "narrations_ready": ready.count(),
            "both_busy_at_kill": bool(busy), "tasks": len(tasks), "tasks_lost": lost,
            "taken_over": taken_over,
            "all_ready_s": round(seconds, 1),
            "played_through_both_nodes": f"{played} of {2 * len(articles)}"}  # fmt: skip


def kill_under_load(balancer, node, path, seconds):
    """wrk through nginx on a page both nodes hold; node A is killed (SIGKILL) a third of the
    way in. A request node A had taken and not answered is retried by nginx on node B."""
    status = get(balancer.url + path)[0]
    killer = threading.Timer(seconds / 3, node.kill)
    killer.start()
    result = wrk(balancer.url + path, seconds, 16)
    killer.join()
    return {"page_status": status, "node_a_exit": node.process.returncode, **result}


def database_connections():
    """Connections to the cluster's database now: both web nodes' pools (each node 1 granian
    worker, DB_POOL_SIZE 8), both workers, this process."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    base, name, database_url = create_database("bench_cluster")
    running = []
    try:
        s3 = S3(workdir)
        running.append(s3)
        env = cluster_env(workdir, database_url, s3.bucket)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        article, section, spoken, session = create_content(args.narrations)
        nodes = [WebNode("node-a", env, workdir), WebNode("node-b", env, workdir)]
        workers = [Worker("worker-1", env, workdir), Worker("worker-2", env, workdir)]
        balancer = Balancer(workdir, nodes)
        running += [*nodes, *workers, balancer]
        print(
            f"2 web nodes, 2 workers, PostgreSQL, Redis, S3 (moto), nginx; {os.cpu_count()} cores"
        )
        report("freshness (node B after a publication on node A)",
               freshness(*nodes, article, section, session, args.rounds))  # fmt: skip
        report("live feed", sse_delivery(nodes, balancer, args.clients, args.items))
        report("PostgreSQL", {"connections": database_connections()})
        report("narration (worker 1 killed)", narrations(nodes, workers, spoken))
        report("node A killed under load",
               kill_under_load(balancer, nodes[0], article.url, args.load_seconds))  # fmt: skip
    finally:
        for process in reversed(running):
            process.stop()
        from django.db import connections

        connections.close_all()
        drop_database(base, name)
        print(f"logs: {workdir}")


def report(name, figures):
    print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in figures.items()), flush=True)


if __name__ == "__main__":
    main()
