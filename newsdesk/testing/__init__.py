"""Real processes for tests and benchmarks: web servers and task workers on the test database
and the test session's cache.

Tests that use them must commit their data (`django_db(transaction=True)`), because the processes
read the database through their own connections.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the database this process is using now (the test database under pytest)."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or "postgres"
    auth = f"{user}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{user}@"
    return f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def cache_env():
    """The variables that give a child process the cache this process is using now (the test
    session's own under pytest, or Redis where a test switched to it)."""
    default = settings.CACHES["default"]
    if default["BACKEND"] == "newsdesk.serving.redis_cache.RedisCache":
        return {"REDIS_URL": default["LOCATION"], "CACHE_KEY_PREFIX": default["KEY_PREFIX"]}
    if default["BACKEND"] == "newsdesk.serving.sqlite_cache.SQLiteCache":
        return {
            "REDIS_URL": "",
            "CACHE_FILE": default["LOCATION"],
            "CACHE_KEY_PREFIX": default["KEY_PREFIX"],
        }
    raise ValueError(f"a child process cannot share a {default['BACKEND']}")


def subprocess_env(**extra):
    """Environment for a child process that shares this process's database, cache and media."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "DATABASE_URL": database_url(),
        **cache_env(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def wait_until(condition, timeout=10, what=None, logs=(), *, interval=0.05):
    """Poll `condition()` until it returns something true, and return that.

    Tests wait for what they expect to see, never for a guessed number of seconds: this is the
    one place that polls. `timeout` only bounds a failure. On timeout: TimeoutError naming
    `what` (or the condition), with the end of each log file in `logs`, since a worker's or a
    server's own output is what explains a hang.
    """
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            tails = "".join(f"\n--- {log}:\n{Path(log).read_text()[-3000:]}" for log in logs)
            raise TimeoutError(
                f"still false after {timeout} s: {what or condition.__doc__ or condition}{tails}"
            )
        time.sleep(interval)
    return value


def wait_for_port(port, timeout=30, process=None):
    def listening():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    wait_until(listening, timeout, what=f"something listening on port {port}")


def stop(process, timeout=10):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_answer(port, timeout=30, process=None):
    """Wait until the application on `port` answers HTTP (any status), not just until the port
    listens: granian's main process listens seconds before its worker has loaded the
    application, and connections made meanwhile queue in the kernel, where a burst of them
    can overflow the listen queue."""

    def answering():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before answering")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.settimeout(5)
                sock.sendall(
                    b"HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )
                return sock.recv(16).startswith(b"HTTP/")
        except OSError:
            return False

    wait_until(answering, timeout, what=f"an HTTP answer on port {port}")


class ServerURL(str):
    """The base URL of a server started for a test, with its process (`.process`)."""

    process = None


@contextmanager
def web_server(port=None, workers=1, env=None, log=None):
    """Granian serving Newsdesk over ASGI, as `make run` does. Yields the base URL."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "granian"),
            "--interface", "asginl",
            "--host", "127.0.0.1",
            "--port", str(port),
            "--workers", str(workers),
            "--workers-kill-timeout", "3",
            # A reload starts a new worker and stops an old one this long after, listening or
            # not: more than a worker's start on a busy machine (2-3 s), or requests find none.
            "--respawn-interval", "8",
            "--log-level", "warning",
            "--no-ws",
            "newsdesk.asgi:application",
        ],
        cwd=ROOT,
        env=subprocess_env(**(env or {})),
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_answer(port, process=process)
        url = ServerURL(f"http://127.0.0.1:{port}")
        url.process = process
        yield url
    finally:
        stop(process)


def start_worker(queue="*", env=None, log=None, interval=0.1):
    """A `manage.py db_worker` process; the caller stops (or kills) it."""
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            queue,
            "--interval",
            str(interval),
        ],
        cwd=ROOT,
        env=subprocess_env(**(env or {})),
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )


@contextmanager
def worker(queue="*", env=None, log=None):
    process = start_worker(queue, env, log)
    try:
        yield process
    finally:
        stop(process)
