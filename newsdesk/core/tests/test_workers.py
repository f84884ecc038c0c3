import signal
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsdesk.conftest import use_task_backend
from newsdesk.core.models import WorkerHeartbeat
from newsdesk.core.tests.tasks_for_tests import slow_append
from newsdesk.core.workers import WORKER_LOST, queue_summary, recover_stale_tasks
from newsdesk.testing import ROOT, start_worker, stop, subprocess_env, wait_until


def running_task(worker_ids, started_ago):
    result = slow_append.enqueue("/dev/null", 0)
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING,
        worker_ids=worker_ids,
        started_at=timezone.now() - timedelta(seconds=started_ago),
    )
    return DBTaskResult.objects.get(id=result.id)


def heartbeat(worker_id, seconds_ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="test",
        pid=1,
        queues="*",
        started_at=now - timedelta(hours=1),
        last_seen=now - timedelta(seconds=seconds_ago),
    )


@pytest.fixture
def db_tasks(settings, db):
    use_task_backend(settings, "database")
    settings.TASK_STALE_AFTER = 30


def test_it_requeues_tasks_of_a_silent_worker(db_tasks):
    heartbeat("dead", seconds_ago=120)
    task = running_task(["dead"], started_ago=300)
    assert recover_stale_tasks() == 1
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY


def test_it_leaves_slow_tasks_of_a_living_worker_alone(db_tasks):
    heartbeat("alive", seconds_ago=2)
    task = running_task(["alive"], started_ago=3600)
    assert recover_stale_tasks() == 0
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_it_gives_a_just_claimed_task_time_to_beat(db_tasks):
    task = running_task(["new-worker"], started_ago=5)
    assert recover_stale_tasks() == 0
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_it_fails_a_task_that_keeps_killing_its_workers(db_tasks):
    task = running_task(["a", "b", "c"], started_ago=300)
    assert recover_stale_tasks() == 0
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == WORKER_LOST


def test_it_reports_the_queue(db_tasks, capsys):
    heartbeat("alive", seconds_ago=1)
    slow_append.enqueue("/dev/null", 0)
    running_task(["alive"], started_ago=10)
    summary = queue_summary()
    assert summary["queued"] == 1 and summary["running"] == 1 and summary["failed"] == 0
    assert summary["workers_alive"] == 1
    assert summary["oldest_waiting_seconds"] >= 0
    call_command("tasks_status")
    out = capsys.readouterr().out
    assert "queued 1  running 1  failed 0" in out and "workers alive: 1" in out


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_it_finishes_a_killed_workers_task_on_another_worker(settings, tmp_path):
    use_task_backend(settings, "database")
    log = tmp_path / "task.log"
    result = slow_append.enqueue(str(log), 3)
    env = {"WORKER_HEARTBEAT_INTERVAL": 1, "TASK_STALE_AFTER": 3}

    first = start_worker(env=env)
    try:
        wait_until(lambda: log.exists() and "start" in log.read_text(), 30, "task never started")
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.RUNNING

        second = start_worker(env=env)
        try:
            wait_until(
                lambda: (
                    DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL
                ),
                40,
                "the task was not finished by the second worker",
            )
        finally:
            stop(second)
    finally:
        stop(first)

    assert log.read_text().split() == ["start", "start", "done"]
    task = DBTaskResult.objects.get(id=result.id)
    assert len(task.worker_ids) == 2 and task.worker_ids[0] != task.worker_ids[1]
    assert not WorkerHeartbeat.objects.filter(worker_id=task.worker_ids[1]).exists()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_says_which_queues_it_leaves_to_others(client, settings):
    use_task_backend(settings, "database")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*"]
        + ["--exclude-queues", "narration", "--interval", "0.5"],
        cwd=ROOT,
        env=subprocess_env(),
    )
    try:
        wait_until(WorkerHeartbeat.objects.exists, 30, "the worker never beat")
        assert WorkerHeartbeat.objects.get().queues == "*,-narration"
        queues = client.get("/healthz").json()["checks"]["queues"]["queues"]
    finally:
        stop(worker)
    assert queues["default"]["workers_alive"] == queues["mail"]["workers_alive"] == 1
    assert queues["narration"]["workers_alive"] == 0
