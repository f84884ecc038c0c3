from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.search import index

from newsdesk.core.images import LAYOUTS


@dataclass(frozen=True)
class Later:
    """Work a service leaves to a task: the task's name in its app's tasks module, its
    arguments, and not before `run_after`. Services return these; tasks queue them."""

    task: str
    args: tuple = ()
    run_after: datetime | None = None


def enqueue_on_commit(job, *args, run_after=None, or_now=False, **kwargs):
    """Enqueue the task `job` once the current transaction commits (at once outside one), so that a
    worker never looks for rows that are not there yet or were rolled back.

    `run_after`: not before then, where the backend can wait. A backend that runs tasks in the
    calling process (the tests') cannot; there the task is dropped, or run now with `or_now`.
    Dropping is safe for work a periodic task comes back to: such a backend leaves nothing
    behind that a later run would have to pick up.
    """

    def enqueue():
        chosen = job
        if run_after is not None and run_after > timezone.now():
            if job.get_backend().supports_defer:
                chosen = job.using(run_after=run_after)
            elif not or_now:
                return
        chosen.enqueue(*args, **kwargs)

    transaction.on_commit(enqueue)


@task()
def generate_renditions(image_id, layouts):
    """Make the renditions pages will ask for, so no reader waits for an image to be resized."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    for layout in layouts:
        image.get_renditions(*LAYOUTS[layout].all_specs())


@task()
def index_pictures(image_ids):
    """Search-index updates of many pictures in one task: an import stores thousands, and a
    task for each (what a save queues) costs a row apiece."""
    for obj in get_image_model().objects.filter(pk__in=image_ids):
        index.insert_or_update_object(obj)
