"""Redis memory per 1,000 cached pages, measured: the demo newsroom's pages stored in a Redis of
this run's own, and Redis's INFO memory read before and after.

    .venv/bin/python bench/redis_memory.py [--pages 1000]

Starts `redis-server` on a free loopback port (nothing else writes to it, so INFO's
used_memory counts only this run's entries) and loads the demo on a throwaway SQLite file.
Each page is fetched anonymously, so the page cache stores it as in production (the page with
its gzip and Brotli forms and its headers). The demo has fewer pages than that: articles are
also fetched with `?page=2`, `?page=3`... which the page cache keeps as entries of their own
with the same content, so every entry is a real page's.

Also prints what the front page and the lead article send readers to fetch from media storage:
their pictures, the bytes of each `src` rendition (a browser may pick a smaller one from
`srcset`), and of those not lazy-loaded (fetched by every page view).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    return parser.parse_args()


def used_memory(client):
    return client.info("memory")["used_memory"]


def page_urls(count):
    """`count` reader URLs: every live page once, then articles again with ?page=N."""
    from wagtail.models import Page

    from newsdesk.articles.models import ArticlePage

    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    articles = [article.url for article in ArticlePage.objects.live().public()]
    urls, n = list(pages), 2
    while len(urls) < count:
        urls += [f"{url}?page={n}" for url in articles]
        n += 1
    return urls[:count]


def measure(client, count):
    from django.test import Client

    reader = Client()
    client.flushdb()
    before = used_memory(client)
    sizes, statuses = [], {}
    for url in page_urls(count):
        response = reader.get(url)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        sizes.append(len(response.content))
    keys = [key for key in client.scan_iter("*pagecache:p:*") if not key.endswith(b":renewing")]
    stored = sum(client.memory_usage(key) or 0 for key in keys)
    after = used_memory(client)
    return {
        "requests": len(sizes),
        "statuses": statuses,
        "page_entries": len(keys),
        "html_kb_mean": round(sum(sizes) / len(sizes) / 1024, 1),
        "entries_mb_per_1000": round(stored / len(keys) * 1000 / 2**20, 1),
        "used_memory_mb_per_1000": round((after - before) / len(keys) * 1000 / 2**20, 1),
        "used_memory_mb_total": round(after / 2**20, 1),
    }


def image_bytes():
    """{page: (pictures, bytes of their src renditions, bytes of the eager ones)}."""
    from django.conf import settings
    from django.test import Client

    from newsdesk.frontpage.models import HomePage

    lead = HomePage.objects.get().lead_story
    found = {}
    for label, url in (("front", "/"), ("article", lead.url)):
        tags = re.findall(r"<img\b[^>]*>", Client().get(url).content.decode())
        total = eager = 0
        for tag in tags:
            src = re.search(r'\ssrc="([^"]+)"', tag).group(1).split(settings.MEDIA_URL, 1)[1]
            size = os.path.getsize(Path(settings.MEDIA_ROOT) / src)
            total += size
            eager += 0 if 'loading="lazy"' in tag else size
        found[label] = (len(tags), total, eager)
    return found


def main():
    args = parse_args()
    from newsdesk.testing import free_port, wait_for_port

    workdir = Path(tempfile.mkdtemp(prefix="bench-redis-memory-"))
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port, process=server)
        os.environ.update(
            DJANGO_SETTINGS_MODULE="newsdesk.settings",
            DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
            MEDIA_ROOT=str(workdir / "media"),
            REDIS_URL=f"redis://127.0.0.1:{port}/0",
            NARRATION_ON_PUBLISH="0",
            LOG_LEVEL="WARNING",
        )
        import django

        django.setup()
        import redis
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        figures = measure(redis.Redis(port=port), args.pages)
        print(", ".join(f"{key} {value}" for key, value in figures.items()))
        for page, (pictures, total, eager) in image_bytes().items():
            print(f"{page}: {pictures} pictures, {total / 1024:.0f} KB at their src sizes, "
                  f"{eager / 1024:.0f} KB of them not lazy")  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)
        subprocess.run(["rm", "-rf", str(workdir)], check=False)


if __name__ == "__main__":
    main()
