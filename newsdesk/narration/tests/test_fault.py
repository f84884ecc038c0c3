"""A worker killed with SIGKILL in the middle of synthesis: another worker finishes the narration,
and the article ends with exactly one audio file."""

import os
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsdesk.conftest import make_article, paragraphs, use_task_backend
from newsdesk.narration.models import Narration
from newsdesk.testing import start_worker, stop, wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# About 120 words: several seconds of synthesis on two cores, a progress write after the first
# paragraphs, and still a short test.
BODY = paragraphs(
    "Power is back in most of Kyiv after crews worked through the night on two substations.",
    "The city council said schools would open on Monday as planned, with shelters ready.",
    "Trams and trolleybuses returned to their normal routes by the middle of the morning.",
    "Engineers warned that short outages may still follow while the network is balanced.",
    "Residents were asked to keep using heavy appliances sparingly until the evening.",
    "Water pressure in the tall buildings of the left bank should be normal by tonight.",
    "The energy company thanked the repair crews and the neighbouring regions for their help.",
)
# Short timeouts, so a dead worker's task is taken over within seconds.
WORKER_ENV = {"WORKER_HEARTBEAT_INTERVAL": 1, "TASK_STALE_AFTER": 2}


def audio_files(article):
    folder = Path(django_settings.MEDIA_ROOT) / "narration"
    return sorted(path.name for path in folder.glob(f"{article.pk}-*")) if folder.exists() else []


def test_a_worker_killed_mid_narration_leaves_it_to_another(settings, section, tmp_path):
    use_task_backend(settings, "database")
    article = make_article(section, title="Power returns to Kyiv", body=BODY)
    [task] = DBTaskResult.objects.filter(queue_name="narration")
    logs = [tmp_path / "killed.log", tmp_path / "survivor.log"]

    killed = start_worker(queue="narration", env=WORKER_ENV, log=logs[0].open("w"))
    try:
        at_kill = wait_until(
            lambda: Narration.objects.filter(
                article=article, status=Narration.Status.GENERATING, progress__gt=0
            ).first(),
            60,
            "the first worker to be generating",
            logs[:1],
        )
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(10)
    finally:
        stop(killed)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING  # left behind by the dead worker
    assert at_kill.progress < 100 and not at_kill.has_audio

    started = time.monotonic()
    survivor = start_worker(queue="narration", env=WORKER_ENV, log=logs[1].open("w"))
    try:
        narration = wait_until(
            lambda: Narration.objects.filter(
                article=article, status=Narration.Status.READY
            ).first(),
            60,
            "the second worker to finish the narration",
            logs,
        )
        task = wait_until(
            lambda: DBTaskResult.objects.filter(
                id=task.id, status=TaskResultStatus.SUCCESSFUL
            ).first(),
            10,
            "the task to be marked successful",
            logs,
        )
    finally:
        stop(survivor)
    print(
        f"\nnarration fault test: killed at {at_kill.progress}%, "
        f"the second worker finished in {time.monotonic() - started:.1f} s"
    )

    assert len(task.worker_ids) == 2 and task.worker_ids[0] != task.worker_ids[1]
    assert DBTaskResult.objects.filter(queue_name="narration").count() == 1  # no duplicate task
    assert narration.has_audio and narration.progress == 100 and narration.duration > 10
    assert default_storage.exists(narration.audio.name)
    assert default_storage.size(narration.audio.name) == narration.byte_size
    assert audio_files(article) == [Path(narration.audio.name).name]  # no orphan files
