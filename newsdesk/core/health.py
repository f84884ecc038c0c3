"""What /healthz checks: the parts a newsroom needs working, each with a short status.

The database is probed on a connection of its own with a short timeout (newsdesk.core.outage),
so /healthz answers within seconds while the database is down; the queue check, which reads it
through the pool, is skipped then. Task queues are judged by what readers and staff wait for:
each queue in HEALTHZ_QUEUES (publishing and mail by default) needs a living worker and no task
waiting longer than HEALTHZ_MAX_QUEUE_WAIT. The others are reported, not judged: narration's
backlog after a big publication is normal and the site serves readers meanwhile.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from newsdesk.core import outage
from newsdesk.core.workers import queue_summary


def timed(check):
    started = time.perf_counter()
    try:
        result = check() or {}
        result.setdefault("ok", True)
    except Exception as exc:
        # The exception class only: messages can carry hostnames or credentials.
        result = {"ok": False, "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def check_database():
    if not outage.probe():
        return {"ok": False, "error": "unreachable"}
    return None


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    ok = cache.get(key) == "ok"
    cache.delete(key)
    return {"ok": ok}


def check_storage():
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


def queue_ok(queue):
    oldest = queue["oldest_waiting_seconds"]
    return queue["workers_alive"] > 0 and (
        oldest is None or oldest < settings.HEALTHZ_MAX_QUEUE_WAIT
    )


def check_queues():
    summary = queue_summary(settings.HEALTHZ_QUEUES)
    failing = [name for name in settings.HEALTHZ_QUEUES if not queue_ok(summary["queues"][name])]
    return {"ok": not failing, "judged": settings.HEALTHZ_QUEUES, "failing": failing, **summary}


def health():
    """(ok, {check name: result}); results carry details only staff may see."""
    checks = {
        "database": timed(check_database),
        "cache": timed(check_cache),
        "storage": timed(check_storage),
    }
    if checks["database"]["ok"]:
        checks["queues"] = timed(check_queues)
    else:
        checks["queues"] = {"ok": False, "error": "database unavailable"}
    return all(check["ok"] for check in checks.values()), checks
