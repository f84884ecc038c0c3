import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsdesk.conftest import use_task_backend
from newsdesk.core.models import WorkerHeartbeat
from newsdesk.core.tests.tasks_for_tests import slow_append

pytestmark = pytest.mark.django_db

PUBLIC = {"REMOTE_ADDR": "203.0.113.9"}
CHECKS = {"database", "cache", "storage", "queues"}


def beat(seconds_ago=1, queues="*,-narration", worker_id="w1"):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="newsroom-1",
        pid=42,
        queues=queues,
        started_at=now,
        last_seen=now - timedelta(seconds=seconds_ago),
    )


def waiting(queue, seconds, count=1):
    for _ in range(count):
        result = slow_append.using(queue_name=queue).enqueue("/dev/null", 0)
        DBTaskResult.objects.filter(id=result.id).update(
            enqueued_at=timezone.now() - timedelta(seconds=seconds)
        )


@pytest.fixture
def db_tasks(settings):
    use_task_backend(settings, "database")


def test_it_reports_healthy_with_a_worker_for_publishing_and_mail(client):
    beat()
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert set(body["checks"]) == CHECKS
    queues = body["checks"]["queues"]
    assert queues["judged"] == ["default", "mail"]
    assert queues["queues"]["default"]["workers_alive"] == 1
    assert queues["queues"]["mail"]["workers_alive"] == 1
    assert queues["queues"]["narration"]["workers_alive"] == 0
    assert queues["heartbeat_age_seconds"] < 5
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_narration_backlog_is_reported_not_failed(client, db_tasks):
    beat()
    beat(queues="narration", worker_id="narrator")
    waiting("narration", seconds=1904, count=30)
    response = client.get("/healthz")
    assert response.status_code == 200
    narration = response.json()["checks"]["queues"]["queues"]["narration"]
    assert narration["queued"] == 30 and narration["oldest_waiting_seconds"] >= 1904


@pytest.mark.parametrize("queue", ["default", "mail"])
def test_a_publishing_or_mail_backlog_fails(client, db_tasks, settings, queue):
    settings.HEALTHZ_MAX_QUEUE_WAIT = 600
    beat()
    waiting(queue, seconds=700)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["queues"]["failing"] == [queue]


def test_it_fails_without_a_worker_for_publishing_and_mail(client):
    beat(queues="narration")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["queues"]["failing"] == ["default", "mail"]


def test_it_fails_when_the_worker_stopped_beating(client, settings):
    settings.TASK_STALE_AFTER = 30
    beat(seconds_ago=300)
    body = client.get("/healthz").json()
    assert body["ok"] is False
    assert body["checks"]["queues"]["heartbeat_age_seconds"] >= 300


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


def test_the_public_sees_only_ok_flags(client, db_tasks):
    beat()
    waiting("mail", seconds=700)
    proxied = {"HTTP_X_FORWARDED_FOR": "198.51.100.4"}  # loopback, but relayed by nginx
    for response in (client.get("/healthz", **PUBLIC), client.get("/healthz", **proxied)):
        assert response.status_code == 503
        assert response.json() == {
            "ok": False,
            "checks": {
                "database": {"ok": True},
                "cache": {"ok": True},
                "storage": {"ok": True},
                "queues": {"ok": False},
            },
        }


def test_a_token_shows_the_details(client, settings):
    settings.HEALTHZ_TOKEN = "monitor-token-0123456789"
    beat()
    with_header = client.get(
        "/healthz", HTTP_AUTHORIZATION=f"Bearer {settings.HEALTHZ_TOKEN}", **PUBLIC
    )
    with_query = client.get(f"/healthz?token={settings.HEALTHZ_TOKEN}", **PUBLIC)
    wrong = client.get("/healthz?token=monitor-token-guess", **PUBLIC)
    assert "queues" in with_header.json()["checks"]["queues"]
    assert "queues" in with_query.json()["checks"]["queues"]
    assert wrong.json()["checks"]["queues"] == {"ok": True}


def test_it_reveals_no_secrets(client, settings):
    beat()
    text = json.dumps(client.get("/healthz").json())
    for secret in [settings.SECRET_KEY, "newsroom-1", "PASSWORD", str(settings.BASE_DIR)]:
        assert secret not in text
