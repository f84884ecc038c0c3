"""The machines of bench/cluster.py, as processes on this one: S3 (moto's server), web nodes
(granian), task workers (db_worker) and an nginx that balances between the web nodes.

Each web node and worker gets its own MEDIA_ROOT, an empty folder nothing is written to: what
they share is what separate machines would share (PostgreSQL, Redis, the bucket).
"""

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from newsdesk.testing import VENV_BIN, free_port, start_worker, stop, wait_for_port
from newsdesk.testing.s3 import Bucket, public_policy

ROOT = Path(__file__).resolve().parents[1]


class S3:
    """moto's standalone server in a process of its own, as a bucket on another machine."""

    def __init__(self, workdir):
        self.port = free_port()
        self.log = open(workdir / "s3.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, process=self.process)
        self.bucket = Bucket("newsdesk-cluster", f"http://127.0.0.1:{self.port}")
        client = self.bucket.client
        client.create_bucket(Bucket=self.bucket.name)
        import json

        client.put_bucket_policy(
            Bucket=self.bucket.name, Policy=json.dumps(public_policy(self.bucket.name))
        )

    def stop(self):
        stop(self.process)
        self.log.close()


class WebNode:
    def __init__(self, name, env, workdir):
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (workdir / name).mkdir()
        self.log = open(workdir / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(VENV_BIN / "granian"), "--interface", "asginl", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", "1", "--workers-kill-timeout", "3",
             "--log-level", "warning", "--no-ws", "newsdesk.asgi:application"],
            cwd=ROOT, env={**env, "MEDIA_ROOT": str(workdir / name)},
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_for_port(self.port, process=self.process, timeout=60)

    def kill(self):
        """The machine dies: granian and its worker process at once (a worker outlives a
        killed granian main process and keeps answering)."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        stop(self.process)
        self.log.close()


class Worker:
    def __init__(self, name, env, workdir):
        self.name = name
        (workdir / name).mkdir()
        self.log = open(workdir / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = start_worker("*", env={**env, "MEDIA_ROOT": str(workdir / name)},
                                    log=self.log)  # fmt: skip

    def kill(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        stop(self.process)
        self.log.close()


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream newsdesk {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto https;
        # A node that is gone or failing: the request goes to the next (GET and HEAD only, as
        # nginx retries nothing else by default), and the node is left out for 10 s.
        proxy_next_upstream error timeout http_502 http_503 http_504;
        proxy_next_upstream_tries 2;
        proxy_connect_timeout 2s;
        location = /news-feed/stream/ {{
            proxy_pass http://newsdesk;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }}
        location / {{
            proxy_pass http://newsdesk;
        }}
    }}
}}
"""


class Balancer:
    """nginx in front of the web nodes (deploy/nginx/cluster.conf's upstream, without TLS)."""

    def __init__(self, workdir, nodes):
        self.dir = workdir / "nginx"
        self.dir.mkdir(parents=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        servers = "\n".join(
            f"        server 127.0.0.1:{node.port} max_fails=1 fail_timeout=10s;" for node in nodes
        )
        conf = self.dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=self.dir, port=self.port, servers=servers))
        self.process = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"])
        wait_for_port(self.port, process=self.process)

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(20)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def get(url, headers=None, data=None, timeout=10):
    """(status, headers, body) of one request (redirects are answers, not followed)."""
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **(headers or {})},
                                     data=data)  # fmt: skip
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wrk(url, seconds, connections):
    """wrk's request count and the requests that failed (non-2xx/3xx answers, socket errors)."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = sum(int(n) for n in sockets.groups()) if sockets else 0
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"requests": total, "failed": (int(non_2xx.group(1)) if non_2xx else 0) + errors,
            "rps": rate}  # fmt: skip


def wait_for(condition, timeout, interval=0.02):
    """The first true value of condition() and the seconds it took; (None, inf) on timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if value := condition():
            return value, time.monotonic() - started
        time.sleep(interval)
    return None, float("inf")
