"""A real `db_worker` process narrates what publishing queued, and survives a broken voice."""

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsdesk.conftest import make_article, use_task_backend
from newsdesk.narration.models import Narration
from newsdesk.narration.tasks import refresh_lexicon
from newsdesk.narration.tests.conftest import SHORT_BODY
from newsdesk.testing import wait_until, worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_on_the_narration_queue_narrates_a_published_article(settings, section):
    use_task_backend(settings, "database")
    article = make_article(section, title="Power returns", body=SHORT_BODY)
    [task] = DBTaskResult.objects.filter(queue_name="narration")
    assert task.args_kwargs["args"][0] == article.pk
    with worker(queue="narration"):
        narration = wait_until(
            lambda: Narration.objects.filter(
                article=article, status=Narration.Status.READY
            ).first(),
            timeout=90,
        )
    assert narration.duration > 3
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL


def test_a_worker_keeps_going_after_a_backend_fails(settings, section, tmp_path):
    use_task_backend(settings, "database")
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    article = make_article(section, title="Power returns", body=SHORT_BODY)
    env = {
        "NARRATION_VOICE_MODEL": str(broken),
        "NARRATION_MAX_ATTEMPTS": 2,
        "NARRATION_RETRY_DELAY": 0,
    }
    with worker(queue="*", env=env) as process:
        narration = wait_until(
            lambda: Narration.objects.filter(
                article=article, status=Narration.Status.FAILED
            ).first(),
            timeout=90,
        )
        later = refresh_lexicon.enqueue(["Nowhere"])
        wait_until(
            lambda: DBTaskResult.objects.get(id=later.id).status == TaskResultStatus.SUCCESSFUL,
            timeout=90,
        )
        assert process.poll() is None
    assert narration.attempts == 2
    assert "Piper could not load the voice broken.onnx" in narration.detail
    failed = DBTaskResult.objects.filter(queue_name="narration", status=TaskResultStatus.FAILED)
    assert failed.count() == 2
