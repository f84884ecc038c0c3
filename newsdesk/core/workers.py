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
from django.db.models import Count, Min
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsdesk.core.models import WorkerHeartbeat
from newsdesk.core.scheduling import publish_due

logger = logging.getLogger("newsdesk.workers")

WORKER_LOST = "newsdesk.core.workers.WorkerLost"


def heartbeat_interval():
    return settings.WORKER_HEARTBEAT_INTERVAL


def stale_after():
    return timedelta(seconds=settings.TASK_STALE_AFTER)


def queues_label(queue_name, exclude_queues=""):
    """What a worker's heartbeat says it takes: "*", "mail,default", or "*,-narration" for
    every queue but narration."""
    excluded = [name for name in (exclude_queues or "").split(",") if name]
    return ",".join([queue_name, *(f"-{name}" for name in excluded)])[:255]


def serves(label, queue):
    names = label.split(",")
    return ("*" in names or queue in names) and f"-{queue}" not in names


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
    max_attempts = settings.TASK_MAX_ATTEMPTS
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


def queue_summary(queues=()):
    """What `tasks_status` and /healthz report about the queues and the workers: totals, and per
    queue (each configured one, each in `queues`, each holding tasks) its waiting, running and
    failed tasks, how long the oldest has waited and how many living workers take it."""
    now = timezone.now()
    names = [*settings.TASKS["default"]["QUEUES"], *queues]
    per_queue = {}
    counted = (
        DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED]
        )
        .values_list("queue_name", "status")
        .annotate(count=Count("id"))
    )
    for queue, status, count in counted:
        per_queue.setdefault(queue, {})[status] = count
    oldest = dict(
        DBTaskResult.objects.ready()
        .values_list("queue_name")
        .annotate(oldest=Min("enqueued_at"))
        .values_list("queue_name", "oldest")
    )
    alive = list(
        WorkerHeartbeat.objects.filter(last_seen__gte=now - stale_after()).values_list(
            "queues", flat=True
        )
    )
    latest_beat = (
        WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    )

    def waited(since):
        return round((now - since).total_seconds(), 1) if since else None

    report = {
        name: {
            "queued": per_queue.get(name, {}).get(TaskResultStatus.READY, 0),
            "running": per_queue.get(name, {}).get(TaskResultStatus.RUNNING, 0),
            "failed": per_queue.get(name, {}).get(TaskResultStatus.FAILED, 0),
            "oldest_waiting_seconds": waited(oldest.get(name)),
            "workers_alive": sum(serves(label, name) for label in alive),
        }
        for name in dict.fromkeys([*names, *sorted(per_queue), *sorted(oldest)])
    }
    return {
        "queued": sum(queue["queued"] for queue in report.values()),
        "running": sum(queue["running"] for queue in report.values()),
        "failed": sum(queue["failed"] for queue in report.values()),
        "oldest_waiting_seconds": max(
            (
                queue["oldest_waiting_seconds"]
                for queue in report.values()
                if queue["oldest_waiting_seconds"] is not None
            ),
            default=None,
        ),
        "workers_alive": len(alive),
        "heartbeat_age_seconds": waited(latest_beat),
        "queues": report,
    }
