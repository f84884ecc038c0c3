"""The search index is kept by the task worker (Wagtail's own index tasks), not by requests."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.search.models import IndexEntry

from newsdesk.conftest import make_article, use_task_backend
from newsdesk.discovery.search import parse_query, search_articles
from newsdesk.testing import wait_until, worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def found(words):
    page = search_articles(query=parse_query(words)).page(1, 10)
    return [article.pk for article in page.object_list]


def test_it_indexes_through_the_worker_and_stays_correct(settings, section):
    use_task_backend(settings, "database")
    article = make_article(section, title="Pontoon bridge opens at Zatoka")

    # Queued for the worker: the web request that published did not index.
    assert DBTaskResult.objects.filter(task_path=INDEX_TASK, status="READY").exists()
    assert found("pontoon bridge") == []

    with worker():
        wait_until(lambda: found("pontoon bridge") == [article.pk], timeout=60)

        article.title = "Ferry crossing replaces the Zatoka bridge"
        article.save_revision().publish()
        wait_until(
            lambda: found("ferry crossing") == [article.pk] and found("pontoon") == [], timeout=60
        )

        article.unpublish()
        assert found("ferry crossing") == []

        article.save_revision().publish()
        wait_until(lambda: found("ferry crossing") == [article.pk], timeout=60)

        # Wagtail's index task fails on a row deleted while it waited; let the queue drain first.
        wait_until(
            lambda: not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists(),
            timeout=60,
        )
        article.delete()
        assert not IndexEntry.objects.filter(object_id=str(article.pk)).exists()
        assert found("ferry crossing") == []

    assert not DBTaskResult.objects.filter(task_path=INDEX_TASK, status="FAILED").exists()
