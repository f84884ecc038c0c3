"""What a web process does while the database cannot be reached: say so at once.

Django waits for a connection as long as the pool allows (DB_POOL_TIMEOUT: under load one
frees up soon) or SQLite's busy timeout, then fails with the 500 page. When the database is
gone, the wait is useless and the page wrong. A probe tells an unreachable database from a busy
one: a connection of its own with a timeout of a few seconds, outside the pool, that reads one
row of Django's migration table (so an empty SQLite file made in place of a missing one fails
too). Neither Django nor psycopg's pool offers this, hence this module.

Once the probe finds the database unreachable, requests that need it are answered 503 at once,
with Retry-After (JSON from /healthz, which runs the probe itself; a short "try again shortly"
page elsewhere); one request probes again every RETRY_SECONDS until the database answers. The
probe runs when a process first needs the database, after a request failed with a database
error, and for /healthz. A request that fails with a database error is answered 503 too,
whatever the probe finds: a connection that broke, or a pool that stayed empty, is as
temporary. The page cache's front answers cached pages throughout.
"""

import logging
import sqlite3
import threading
import time

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import get_template

logger = logging.getLogger("newsdesk.database")

PROBE_SECONDS = 2  # libpq's shortest connect timeout
RETRY_SECONDS = 5
# Probes after request errors: at most one this often (a pool timing out under load must not
# turn into a probe per request).
ERROR_PROBE_SECONDS = 1
RETRY_AFTER = 30  # what readers and crawlers are told

_lock = threading.Lock()
_state = {"reachable": None, "probed_at": 0.0}


def connect_and_read():
    """Open a connection of its own to the default database and read one row; raise if either
    fails within about PROBE_SECONDS."""
    database = connections["default"]
    if database.vendor == "sqlite":
        # mode=rw: a missing file is an error, not a new empty database.
        uri = f"file:{database.settings_dict['NAME']}?mode=rw"
        with sqlite3.connect(uri, uri=True, timeout=PROBE_SECONDS) as probe:
            probe.execute("SELECT 1 FROM django_migrations LIMIT 1").fetchall()
        probe.close()
        return
    params = {**database.get_connection_params(), "connect_timeout": PROBE_SECONDS}
    with database.Database.connect(**params) as probe:
        probe.execute("SELECT 1 FROM django_migrations LIMIT 1").fetchall()


def probe():
    """Whether the database answers now; remembered for the other requests of this process."""
    started = time.monotonic()
    try:
        connect_and_read()
        reachable = True
    except Exception as exc:
        reachable = False
        if _state["reachable"] is not False:
            # The class only: messages can carry hostnames or credentials.
            logger.error("Database unreachable (%s): answering 503", type(exc).__name__)
    if reachable and _state["reachable"] is False:
        logger.warning("Database reachable again")
    _state.update(reachable=reachable, probed_at=started)
    return reachable


def refresh(*, min_age):
    """Probe unless another thread is probing or did less than `min_age` seconds ago;
    whether the database is reachable, as far as this process knows."""
    if time.monotonic() - _state["probed_at"] >= min_age and _lock.acquire(
        blocking=_state["reachable"] is None
    ):
        try:
            if time.monotonic() - _state["probed_at"] >= min_age:
                return probe()
        finally:
            _lock.release()
    return _state["reachable"] is not False


def due():
    """True when this process must probe before it uses the database: it never has, or the
    database was unreachable at the last probe and RETRY_SECONDS have passed."""
    reachable = _state["reachable"]
    if reachable is None:
        return True
    return not reachable and time.monotonic() - _state["probed_at"] >= RETRY_SECONDS


def is_database_error(exc):
    return isinstance(exc, OperationalError | InterfaceError)


def forget():
    """Start again as a new process does (tests)."""
    _state.update(reachable=None, probed_at=0.0)


def unavailable_response():
    # Rendered without context processors or the site: they read the database.
    response = HttpResponse(get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def unavailable_after_error(request, exc):
    """For the 500 handler: whether the failure that reached it is the database's."""
    if exc is not None:
        if is_database_error(exc):
            refresh(min_age=ERROR_PROBE_SECONDS)
            return True
        return False
    # Django's ASGI handler makes the 500 page in another thread, which does not know the
    # exception: the probe decides.
    return isinstance(request, ASGIRequest) and not refresh(min_age=ERROR_PROBE_SECONDS)


def needs_database(request):
    # /healthz probes the database itself and answers JSON; files need no database.
    path = request.path_info
    return path != "/healthz" and not path.startswith((settings.MEDIA_URL, settings.STATIC_URL))


class DatabaseOutageMiddleware:
    """Answers 503 at once while the database is known to be unreachable, and 503 (not 500)
    for a view that fails with a database error."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        if needs_database(request):
            reachable = refresh(min_age=RETRY_SECONDS) if due() else _state["reachable"]
            if not reachable:
                return unavailable_response()
        return self.get_response(request)

    async def __acall__(self, request):
        if needs_database(request):
            reachable = _state["reachable"]
            if due():  # a connection and a query: in a thread, not in the event loop
                reachable = await sync_to_async(refresh, thread_sensitive=False)(
                    min_age=RETRY_SECONDS
                )
            if not reachable:
                return unavailable_response()
        return await self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_error(exception):
            return None
        if refresh(min_age=ERROR_PROBE_SECONDS):
            # The database answers: a broken connection, a pool that stayed empty, or a bug.
            logger.error("Database error answered 503", exc_info=exception)
        return unavailable_response()
