#!/usr/bin/env python
"""Importing a WordPress archive: a generated WXR of 10,000 posts into a fresh site on PostgreSQL.

    .venv/bin/python bench/imports.py [--posts 10000] [--authors 50] [--tags 500] [--keep]

Writes a WordPress export (WXR 1.2) of `--posts` published posts with realistic bodies (the demo
newsroom's paragraphs, headings, a quote, links to other posts, a [caption] shortcode and two
more pictures: three pictures a post, each its own file in a local uploads folder), `--authors`
authors, 10 categories and `--tags` tags. Then, in a throwaway PostgreSQL database (created
and migrated here, dropped at the end):

1. `manage.py import_wordpress EXPORT --media-dir UPLOADS` as its own process, timed, with
   the peak memory (RSS high-water mark) of that process;
2. the same command again: every post unchanged; its time against the first's.

Search-index updates are queued for the task worker, as in production; their number is shown.
"""

import argparse
import html
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import create_database, drop_database  # noqa: E402

SEED = 20261206
CATEGORIES = ["News", "Politics", "Business", "Culture", "Sport", "Science", "Health",
              "Opinion", "World", "Local"]  # fmt: skip
IMAGES_PER_POST = 3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--authors", type=int, default=50)
    parser.add_argument("--tags", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the files and the database")
    return parser.parse_args()


def demo_paragraphs():
    """Paragraphs, headings and quotes of the demo newsroom's articles (written for Newsdesk)."""
    from newsdesk.demo import content

    paragraphs, headings, quotes = [], [], []
    for article in content.ARTICLES:
        for kind, value in article["body"]:
            if kind == "paragraph":
                paragraphs.append(value)
            elif kind == "heading":
                headings.append(value)
            elif kind == "quote":
                quotes.append(value)
    return paragraphs, headings, quotes


def picture(path, number):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 450), ((number * 37) % 256, (number * 91) % 256, 120))
    draw = ImageDraw.Draw(image)
    for step in range(12):
        x = (number * 13 + step * 61) % 760
        draw.rectangle(
            (x, step * 35, x + 40, step * 35 + 30), fill=(step * 20, 200 - step * 9, x % 256)
        )
    draw.text((20, 410), f"Picture {number}", fill=(255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


BASE = "https://archive.example"


def write_header(out, authors, tags):
    """The channel's opening: the site, its authors, categories and tags."""
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        f"<title>Archive</title><link>{BASE}</link><wp:wxr_version>1.2</wp:wxr_version>\n"
        f"<wp:base_site_url>{BASE}</wp:base_site_url><wp:base_blog_url>{BASE}</wp:base_blog_url>\n"
    )
    for n in range(authors):
        out.write(
            f"<wp:author><wp:author_id>{n + 1}</wp:author_id>"
            f"<wp:author_login>{cdata(f'writer{n}')}</wp:author_login>"
            f"<wp:author_display_name>{cdata(f'Writer Number {n}')}"
            "</wp:author_display_name></wp:author>\n"
        )
    for name in CATEGORIES:
        out.write(
            f"<wp:category><wp:category_nicename>{name.lower()}</wp:category_nicename>"
            f"<wp:category_parent></wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name>"
            "</wp:category>\n"
        )
    for n in range(tags):
        out.write(
            f"<wp:tag><wp:tag_slug>topic-{n}</wp:tag_slug><wp:tag_name>{cdata(f'Topic {n}')}"
            "</wp:tag_name></wp:tag>\n"
        )


def post_body(rng, texts, post_id, images, posts):
    """A post's body: paragraphs, a [caption], a heading, links, a quote, a picture."""
    paragraphs, headings, quotes = texts
    body = [html.escape(rng.choice(paragraphs), quote=False) for _ in range(2)]
    body.append(
        f'[caption id="attachment_{images[1][0]}" width="800"]<img src="{BASE}/wp-content/'
        f'uploads/{images[1][1][:-4]}-800x450.jpg" alt="A picture" /> A caption for the '
        f"picture of story {post_id}.[/caption]"
    )
    body.append(f"<h2>{html.escape(rng.choice(headings))}</h2>")
    body += [html.escape(rng.choice(paragraphs), quote=False) for _ in range(3)]
    other = rng.randint(1, posts)
    body.append(
        f'More: <a href="{BASE}/?p={other}">an earlier story</a> and '
        f'<a href="https://elsewhere.example/{post_id}">a source</a>.'
    )
    quote = rng.choice(quotes)
    body.append(
        f"<blockquote>{html.escape(quote['text'])}<cite>{html.escape(quote['attribution'])}</cite></blockquote>"
    )
    body.append(f'<img src="{BASE}/wp-content/uploads/{images[2][1]}" alt="Another picture" />')
    body += [html.escape(rng.choice(paragraphs), quote=False) for _ in range(3)]
    return body


def post_item(rng, texts, post_id, date, images, body, *, authors, tags):
    paragraphs, headings, _ = texts
    slug = f"story-{post_id}"
    terms = [
        f'<category domain="category" nicename="{c.lower()}">{cdata(c)}</category>'
        for c in rng.sample(CATEGORIES, 2)
    ]
    terms += [
        f'<category domain="post_tag" nicename="topic-{t}">{cdata(f"Topic {t}")}</category>'
        for t in rng.sample(range(tags), rng.randint(3, 6))
    ]
    return (
        f"<item><title>{cdata(f'Story {post_id}: ' + rng.choice(headings))}</title>"
        f"<link>{BASE}/{date:%Y/%m/%d}/{slug}/</link>"
        f"<dc:creator>{cdata(f'writer{post_id % authors}')}</dc:creator>"
        f'<guid isPermaLink="false">{BASE}/?p={post_id}</guid>'
        f"<content:encoded>{cdata(chr(10).join(body))}</content:encoded>"
        f"<excerpt:encoded>{cdata(html.escape(rng.choice(paragraphs)[:250]))}</excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>{date:%Y-%m-%d %H:%M:%S}</wp:post_date>"
        f"<wp:post_date_gmt>{date:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
        f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type>{''.join(terms)}"
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>"
        f"{images[0][0]}</wp:meta_value></wp:postmeta></item>\n"
    )


def attachment_item(number, post_id, relative):
    return (
        f"<item><title>Photo {number}</title><wp:post_id>{number}</wp:post_id>"
        f"<wp:post_parent>{post_id}</wp:post_parent><wp:status>inherit</wp:status>"
        "<wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>{BASE}/wp-content/uploads/{relative}</wp:attachment_url>"
        f"<excerpt:encoded>{cdata(f'Caption of photo {number}')}</excerpt:encoded>"
        "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>"
        f"{relative}</wp:meta_value></wp:postmeta></item>\n"
    )


def generate(folder, posts, authors, tags):
    """The export and its uploads folder; returns the export's path."""
    rng = random.Random(SEED)
    texts = demo_paragraphs()
    uploads = folder / "uploads"
    export = folder / "export.xml"
    start = datetime(2015, 1, 1, tzinfo=UTC)
    with open(export, "w", encoding="utf-8") as out:
        write_header(out, authors, tags)
        attachment_id = posts + 1
        for post_id in range(1, posts + 1):
            date = start + timedelta(hours=post_id * 7 % 80_000, minutes=post_id % 60)
            images = []
            for index in range(IMAGES_PER_POST):
                relative = f"{date:%Y/%m}/photo-{post_id}-{index}.jpg"
                picture(uploads / relative, post_id * IMAGES_PER_POST + index)
                images.append((attachment_id, relative))
                attachment_id += 1
            body = post_body(rng, texts, post_id, images, posts)
            out.write(
                post_item(rng, texts, post_id, date, images, body, authors=authors, tags=tags)
            )
            for number, relative in images:
                out.write(attachment_item(number, post_id, relative))
        out.write("</channel>\n</rss>\n")
    return export, uploads


def run(command, env):
    """Run a child process to its end: (seconds, its peak RSS in MB, its CPU seconds)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def queued_tasks(database_url):
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
        ).fetchone()[0]


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-imports-"))
    base, name, database_url = create_database("bench_imports")
    try:
        started = time.monotonic()
        export, uploads = generate(workdir, args.posts, args.authors, args.tags)
        size = export.stat().st_size / 2**20
        took = time.monotonic() - started
        pictures = args.posts * IMAGES_PER_POST
        print(
            f"generated {args.posts:,} posts, {pictures:,} pictures, {size:.1f} MB in {took:.0f} s"
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(workdir / "media"),
            "IMPORT_FILES_DIR": str(workdir / "import-files"),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "LOG_LEVEL": "WARNING",
        }
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
        command = [*manage, "import_wordpress", str(export), "--media-dir", str(uploads)]
        first, first_rss, first_cpu = run(command, env)
        print(
            f"first run:  {first:.1f} s, {args.posts / first:.1f} posts/s, peak RSS "
            f"{first_rss:.0f} MB, {first_cpu:.0f} s of CPU in the import process"
        )
        second, second_rss, second_cpu = run(command, env)
        print(
            f"second run: {second:.1f} s, peak RSS {second_rss:.0f} MB, "
            f"{second_cpu:.0f} s of CPU, {second / first:.1%} of the first"
        )
        print(f"search-index updates queued for the worker: {queued_tasks(database_url):,}")
        targets = {
            "first run < 10 min": first < 600,
            "peak RSS < 500 MB": max(first_rss, second_rss) < 500,
            "second run < 1/10 of the first": second < first / 10,
        }
        for target, met in targets.items():
            print(f"  {'met' if met else 'MISSED'}: {target}")
    finally:
        if args.keep:
            print(f"kept {workdir} and the database {name}")
        else:
            drop_database(base, name)
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
