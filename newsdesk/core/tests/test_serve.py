"""scripts/serve, which `make run` starts: the site's own address follows the port it serves on,
and a newcomer's terminal shows the address once the site answers, then only what goes wrong."""

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth.hashers import make_password

from newsdesk.conftest import PASSWORD, make_article
from newsdesk.livefeed.tests.helpers import csrf_token
from newsdesk.testing import ROOT, free_port, subprocess_env

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


# A terminal's Ctrl-C reaches a program started from it; a program started in the background of
# a script (`.ci/run ... &`, nohup) ignores SIGINT, and so do its children, and bash cannot trap
# a signal ignored when it starts: serve runs with SIGINT as a terminal gives it.
WITH_CTRL_C = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


class Serve:
    """scripts/serve in its own process group (as a terminal runs it), its output read as it
    comes."""

    def __init__(self, *args, env=None):
        environment = subprocess_env(**(env or {}))
        for name in ("SITE_URL", "LOG_LEVEL"):
            if name not in (env or {}):
                environment.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, "-c", WITH_CTRL_C, "scripts/serve", *args],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines = []
        self.ended = False
        self._queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text, timeout=180):
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            try:
                line = self._queue.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = ""
            if line is None:
                self.ended = True
                raise AssertionError(f"serve exited before {text!r}:\n" + "\n".join(self.lines))
            self.lines.append(line)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {text!r} within {timeout} s:\n" + "\n".join(self.lines))

    def stop(self):
        """Ctrl-C, as a terminal sends it to the whole group; the rest of the output."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
        while not self.ended:
            line = self._queue.get(timeout=10)
            if line is None:
                self.ended = True
            else:
                self.lines.append(line)


@pytest.fixture
def serve():
    started = []

    def start(*args, env=None):
        started.append(Serve(*args, env=env))
        return started[-1]

    yield start
    for process in started:
        process.stop()


def sitemaps(base_url, site=None):
    """The sitemap index and every sitemap it lists, read from the server at `base_url`."""
    index = requests.get(f"{base_url}/sitemap.xml", timeout=10).text
    listed = re.findall(r"<loc>([^<]+)</loc>", index)
    assert listed and all(url.startswith(site or base_url) for url in listed), index
    return index + "".join(
        requests.get(base_url + urlsplit(url).path, timeout=10).text for url in listed
    )


def test_it_links_to_and_accepts_sign_in_on_the_port_it_serves(serve, section, editor):
    article = make_article(section, title="Trams return to the left bank")
    # The server checks passwords with the production hasher.
    editor.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    editor.save()
    port = free_port()
    site = f"http://127.0.0.1:{port}"

    server = serve("127.0.0.1", str(port))
    server.wait_for("Press Ctrl-C to stop.")
    assert f"  Newsdesk is running at {site}/" in server.lines

    # Announced once the site answers: no waiting after the banner.
    assert requests.get(site + article.url, timeout=10).status_code == 200
    assert f"<loc>{site}{article.url}</loc>" in sitemaps(site)

    admin = requests.Session()
    login = admin.get(f"{site}/admin/login/", timeout=10)
    signed_in = admin.post(
        f"{site}/admin/login/",
        data={
            "username": "editor",
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf_token(login.text),
        },
        headers={"Origin": site, "Referer": f"{site}/admin/login/"},
        timeout=10,
    )
    assert signed_in.status_code == 200 and signed_in.url == f"{site}/admin/"

    server.stop()
    assert server.process.returncode == 0
    # A few lines: what it does, the address, then only warnings and errors.
    assert len(server.lines) < 15, server.lines
    noise = [" INFO ", "Lifespan", "Traceback", " ERROR "]
    assert not [line for line in server.lines if any(word in line for word in noise)]


def test_it_keeps_a_site_url_that_is_set(serve, section):
    article = make_article(section, title="Bridges reopen across the city")
    port = free_port()
    server = serve("127.0.0.1", str(port), env={"SITE_URL": "http://news.example.org"})
    server.wait_for("Press Ctrl-C to stop.")
    assert f"<loc>http://news.example.org{article.url}</loc>" in sitemaps(
        f"http://127.0.0.1:{port}", site="http://news.example.org"
    )


def test_it_says_when_the_port_is_taken(serve):
    port = free_port()
    with socket.create_server(("127.0.0.1", port)):
        server = serve("127.0.0.1", str(port))
        assert server.process.wait(timeout=30) == 1
    server.stop()
    assert any(f"Something already listens on port {port}" in line for line in server.lines)


def children(pid):
    """The processes whose parent is `pid`, as {pid: command line} (from /proc)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found[int(entry)] = cmdline
    return found


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"


def test_ctrl_c_stops_a_web_server_that_hangs_on_its_way_out(serve):
    # A process that does not stop (here granian, frozen) must not outlive Ctrl-C: within
    # seconds nothing keeps the port or takes tasks.
    port = free_port()
    server = serve("127.0.0.1", str(port))
    server.wait_for("Press Ctrl-C to stop.")
    [web] = [pid for pid, command in children(server.process.pid).items() if "granian" in command]
    os.killpg(web, signal.SIGSTOP)  # granian and its workers: deaf to SIGTERM
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 20
    assert server.process.returncode == 0
    assert any("did not stop; killed." in line for line in server.lines), server.lines
    assert not alive(web)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
