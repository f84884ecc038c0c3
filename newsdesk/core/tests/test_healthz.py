import json
from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def beat(seconds_ago=1):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1",
        hostname="newsroom-1",
        pid=42,
        queues="*",
        started_at=now,
        last_seen=now - timedelta(seconds=seconds_ago),
    )


def test_it_reports_healthy_with_a_living_worker(client):
    beat()
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "worker"}
    assert body["checks"]["worker"]["workers_alive"] == 1
    assert body["checks"]["worker"]["heartbeat_age_seconds"] < 5
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_it_fails_without_a_worker(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False


def test_it_fails_when_the_worker_stopped_beating(client, settings):
    settings.TASK_STALE_AFTER = 30
    beat(seconds_ago=300)
    body = client.get("/healthz").json()
    assert body["status"] == "fail"
    assert body["checks"]["worker"]["heartbeat_age_seconds"] >= 300


def test_it_fails_when_storage_is_not_writable(client, settings):
    beat()
    # /proc refuses new files even to root, which the tests may run as.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": "/proc/newsdesk-not-writable"},
        },
    }
    body = client.get("/healthz").json()
    assert body["checks"]["storage"]["ok"] is False


def test_it_reveals_no_secrets(client, settings):
    beat()
    text = json.dumps(client.get("/healthz").json())
    for secret in [settings.SECRET_KEY, "newsroom-1", "PASSWORD", str(settings.BASE_DIR)]:
        assert secret not in text
