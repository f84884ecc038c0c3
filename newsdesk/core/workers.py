"""Worker heartbeats and the recovery of tasks whose worker died.

django-tasks-db marks a task RUNNING when a worker claims it; a worker killed with SIGKILL (or a
machine that loses power) leaves it RUNNING forever. Every worker here records a heartbeat; any
worker re-queues RUNNING tasks whose worker has been silent for longer than TASK_STALE_AFTER.
A task that keeps killing its worker is failed after TASK_MAX_ATTEMPTS claims.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsdesk.core.models import WorkerHeartbeat
from newsdesk.core.scheduling import publish_due

logger = logging.getLogger("newsdesk.workers")

WORKER_LOST = "newsdesk.core.workers.WorkerLost"


def heartbeat_interval():
    return getattr(settings, "WORKER_HEARTBEAT_INTERVAL", 5)


def stale_after():
    return timedelta(seconds=getattr(settings, "TASK_STALE_AFTER", 30))


def beat(worker_id, queues, started_at):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "queues": queues[:255],
            "started_at": started_at,
            "last_seen": now,
        },
    )


def recover_stale_tasks(now=None):
    """Re-queue RUNNING tasks of workers that stopped beating; return how many were re-queued."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True)
    )
    max_attempts = getattr(settings, "TASK_MAX_ATTEMPTS", 3)
    requeued = 0
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).only("id", "worker_ids", "started_at", "task_path")
    for task in running:
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        # Conditional on started_at: a worker that claims it meanwhile changes it.
        claimed = DBTaskResult.objects.filter(
            id=task.id, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        if len(task.worker_ids) >= max_attempts:
            changed = claimed.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=f"The worker running this task died {len(task.worker_ids)} times.",
            )
            if changed:
                logger.error("Task %s (%s) failed: its workers kept dying", task.id, task.task_path)
            continue
        if claimed.update(status=TaskResultStatus.READY, started_at=None):
            requeued += 1
            logger.warning(
                "Re-queued task %s (%s): worker %s stopped responding",
                task.id,
                task.task_path,
                task.worker_ids[-1] if task.worker_ids else "?",
            )
    return requeued


class Heartbeat(threading.Thread):
    """Beats, recovers stale tasks and publishes what is scheduled, in the background while the
    worker runs tasks."""

    def __init__(self, worker_id, queues):
        super().__init__(name="worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.queues = queues
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                beat(self.worker_id, self.queues, self.started_at)
                recover_stale_tasks()
                publish_due()  # scheduled publications, as Wagtail's publish_scheduled
            except Exception:
                logger.exception("Worker heartbeat failed; will retry")
            finally:
                close_old_connections()
            self.stopping.wait(heartbeat_interval())
        connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=heartbeat_interval() + 5)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


def queue_summary():
    """What `tasks_status` and /healthz report about the queue and the workers."""
    now = timezone.now()
    counts = {
        status: DBTaskResult.objects.filter(status=status).count()
        for status in (TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED)
    }
    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    latest_beat = (
        WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    )
    workers_alive = WorkerHeartbeat.objects.filter(last_seen__gte=now - stale_after()).count()
    return {
        "queued": counts[TaskResultStatus.READY],
        "running": counts[TaskResultStatus.RUNNING],
        "failed": counts[TaskResultStatus.FAILED],
        "oldest_waiting_seconds": round((now - oldest).total_seconds(), 1) if oldest else None,
        "workers_alive": workers_alive,
        "heartbeat_age_seconds": (
            round((now - latest_beat).total_seconds(), 1) if latest_beat else None
        ),
    }
