"""What /healthz checks: the parts a newsroom needs working, each with a short status."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

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
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    ok = cache.get(key) == "ok"
    cache.delete(key)
    return {"ok": ok}


def check_storage():
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


def check_worker():
    summary = queue_summary()
    age = summary["heartbeat_age_seconds"]
    oldest = summary["oldest_waiting_seconds"]
    return {
        "ok": summary["workers_alive"] > 0
        and (oldest is None or oldest < settings.HEALTHZ_MAX_QUEUE_WAIT),
        "workers_alive": summary["workers_alive"],
        "heartbeat_age_seconds": age,
        "queued": summary["queued"],
        "running": summary["running"],
        "failed": summary["failed"],
        "oldest_waiting_seconds": oldest,
    }


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "worker": check_worker,
}


def health():
    checks = {name: timed(check) for name, check in CHECKS.items()}
    if not checks["database"]["ok"]:
        checks["worker"] = {"ok": False, "error": "database unavailable"}
    return all(check["ok"] for check in checks.values()), checks
