"""One log line per task run; text saved without control characters."""

import logging

from django.db.models.signals import post_migrate, pre_save
from django.dispatch import receiver
from django.tasks.signals import task_finished, task_started

from newsdesk.core import editions
from newsdesk.core.text import clean_instance

task_log = logging.getLogger("newsdesk.tasks")


def task_fields(task_result):
    return {
        "event": "task",
        "task_id": str(task_result.id),
        "task": task_result.task.module_path,
        "status": str(task_result.status),
        "queue": task_result.task.queue_name,
        "attempts": len(task_result.worker_ids),
    }


@receiver(task_started)
def log_task_started(sender, task_result, **kwargs):
    task_log.info("task started %s", task_result.task.module_path, extra=task_fields(task_result))


@receiver(task_finished)
def log_task_finished(sender, task_result, **kwargs):
    fields = task_fields(task_result)
    if task_result.started_at and task_result.finished_at:
        elapsed = task_result.finished_at - task_result.started_at
        fields["duration_ms"] = round(elapsed.total_seconds() * 1000, 1)
    if task_result.errors:
        fields["error"] = task_result.errors[-1].exception_class_path
    level = (
        logging.ERROR
        if task_result.errors and str(task_result.status) == "FAILED"
        else logging.INFO
    )
    task_log.log(level, "task %s %s", fields["status"].lower(), fields["task"], extra=fields)


@receiver(pre_save)
def clean_text_fields(sender, instance, **kwargs):
    clean_instance(instance)


@receiver(post_migrate)
def create_edition_locales(sender, **kwargs):
    if sender.label == "core":
        editions.ensure_locales()
