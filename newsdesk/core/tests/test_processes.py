"""The real processes `make run` starts: granian serving pages, the worker running tasks."""

import urllib.request

import pytest
from django_tasks_db.models import DBTaskResult

from newsdesk.conftest import make_article, make_image, use_task_backend
from newsdesk.core.tasks import generate_renditions
from newsdesk.testing import wait_until, web_server, worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_it_serves_published_articles_over_asgi(section):
    article = make_article(section, title="Served by granian")
    with web_server() as url, urllib.request.urlopen(url + article.url) as response:
        assert response.status == 200
        assert "Served by granian" in response.read().decode()


def test_it_runs_enqueued_tasks_in_the_worker(settings, section):
    use_task_backend(settings, "database")
    image = make_image()
    result = generate_renditions.enqueue(image.pk, ["card"])
    assert DBTaskResult.objects.get(id=result.id).status == "READY"
    with worker():
        wait_until(
            lambda: DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL",
            timeout=30,
            what="the worker to run the task",
        )
    assert image.renditions.count() == 4
