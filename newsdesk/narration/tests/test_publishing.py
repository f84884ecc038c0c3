"""What publishing queues: synthesis only when the spoken text (with voice and lexicon) changed."""

import pytest
from django.core.files.storage import default_storage
from django.tasks import task_backends
from django.utils import timezone

from newsdesk.conftest import paragraphs, use_task_backend
from newsdesk.narration import services, tasks
from newsdesk.narration.models import LexiconEntry, Narration
from newsdesk.narration.tasks import narrate_article
from newsdesk.narration.tests.conftest import run_queued

pytestmark = pytest.mark.django_db


def narration_tasks():
    """Narration tasks the DummyBackend holds (Wagtail queues its own tasks there too)."""
    return [r for r in task_backends["default"].results if r.task.name == narrate_article.name]


@pytest.fixture
def queued(settings):
    """Tasks are only queued, not run; returns a function listing the narration tasks."""
    use_task_backend(settings, "dummy")
    return narration_tasks


def test_it_queues_narration_on_the_narration_queue_when_published(publish, queued):
    article = publish()
    [task] = queued()
    assert task.task.queue_name == "narration"
    assert task.args[0] == article.pk
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.QUEUED
    assert narration.requested_hash == task.args[1]


def test_it_queues_nothing_when_republished_without_text_changes(publish, republish, settings):
    article = publish()  # narrated for real (immediate backend)
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.READY
    use_task_backend(settings, "dummy")
    republish(article, seo_title="A new SEO title", search_description="Not spoken")
    assert narration_tasks() == []
    narration.refresh_from_db()
    assert narration.status == Narration.Status.READY


def test_it_queues_nothing_when_republished_while_still_queued(publish, republish, queued):
    article = publish()
    republish(article)
    assert len(queued()) == 1


def test_it_regenerates_when_one_paragraph_changes(publish, republish):
    article = publish()
    before = Narration.objects.get(article=article)
    body = paragraphs(
        "Power is back in most of Kyiv.", "Crews finished overnight.", "Schools open."
    )
    article = republish(article, body=body)
    after = Narration.objects.get(article=article)
    assert after.status == Narration.Status.READY
    assert after.audio_hash != before.audio_hash
    assert after.audio.name != before.audio.name
    # The old file is removed once the new one is live.
    assert default_storage.exists(after.audio.name)
    assert not default_storage.exists(before.audio.name)


def test_it_keeps_the_old_audio_live_until_the_new_one_is_ready(
    publish, republish, settings, client, django_capture_on_commit_callbacks
):
    article = publish()
    old = Narration.objects.get(article=article)
    use_task_backend(settings, "dummy")
    article = republish(article, body=paragraphs("Power is back everywhere."))
    [task] = narration_tasks()
    waiting = Narration.objects.get(article=article)
    assert waiting.status == Narration.Status.QUEUED
    assert waiting.audio.name == old.audio.name
    assert old.audio.url in client.get(article.url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert run_queued(task) == "ready"
    done = Narration.objects.get(article=article)
    assert done.status == Narration.Status.READY
    assert done.audio.name != old.audio.name
    assert done.audio.url in client.get(article.url).text


def test_it_queues_shorter_articles_first(publish, queued):
    long = publish(body=paragraphs(*["A sentence of eight words is written here."] * 40))
    short = publish(body=paragraphs("Short."))
    tasks = {task.args[0]: task.task.priority for task in queued()}
    assert tasks[short.pk] > tasks[long.pk]
    assert all(-100 <= p < 0 for p in tasks.values())


def test_it_requeues_a_narration_whose_worker_died(publish, republish, queued):
    article = publish()
    Narration.objects.filter(article=article).update(
        status=Narration.Status.GENERATING, heartbeat_at=None
    )
    republish(article)
    assert len(queued()) == 2


def test_it_does_nothing_when_switched_off(publish, queued, settings):
    settings.NARRATION_ON_PUBLISH = False
    article = publish()
    assert queued() == []
    assert not Narration.objects.filter(article=article).exists()


def test_a_lexicon_change_queues_exactly_the_articles_with_the_term(
    publish, queued, django_capture_on_commit_callbacks
):
    kyiv = publish(title="Kyiv by night", body=paragraphs("Quiet streets."))
    in_body = publish(title="Trains", body=paragraphs("Trains to Kyiv's main station."))
    kyivstar = publish(title="Kyivstar", body=paragraphs("A phone network, not the city."))
    lower = publish(title="Lower", body=paragraphs("kyiv in lower case does not match."))
    before = len(queued())
    entry = LexiconEntry.objects.create(term="Kyiv", say="KEE-iv")
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.refresh_for_terms(terms=entry.affected_terms) == 2
    requeued = [task.args[0] for task in queued()[before:]]
    assert sorted(requeued) == sorted([kyiv.pk, in_body.pk])
    assert kyivstar.pk not in requeued and lower.pk not in requeued


def test_cached_pages_and_feeds_show_the_audio_as_soon_as_it_is_ready(
    publish, queued, client, django_capture_on_commit_callbacks
):
    article = publish()
    assert 'class="player"' not in client.get(article.url).text
    assert client.get(article.url)["X-Cache"] == "HIT"
    assert "<item>" not in client.get("/podcast.xml").text
    [task] = queued()
    with django_capture_on_commit_callbacks(execute=True):
        run_queued(task)
    assert 'class="player"' in client.get(article.url).text
    assert "<item>" in client.get("/podcast.xml").text
    assert "<item>" in client.get("/podcast/news.xml").text
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert "<item>" not in client.get("/podcast.xml").text


def test_a_narration_another_worker_is_generating_is_left_to_it(
    publish, queued, django_capture_on_commit_callbacks
):
    article = publish()
    [first] = queued()
    Narration.objects.filter(article=article).update(
        status=Narration.Status.GENERATING, heartbeat_at=timezone.now(), claimed_by="other-task"
    )
    with django_capture_on_commit_callbacks(execute=True):
        state = tasks.run_narration(article_id=article.pk, text_hash=first.args[1], claim_id="me")
    assert state == "busy"
    [_, later] = queued()
    assert later.args == first.args and later.task.run_after is not None  # looked at again later
    assert Narration.objects.get(article=article).claimed_by == "other-task"


def test_a_task_requeued_after_its_worker_died_takes_its_claim_back(publish, queued):
    article = publish()
    [task] = queued()
    Narration.objects.filter(article=article).update(
        status=Narration.Status.GENERATING, heartbeat_at=timezone.now(), claimed_by=task.id
    )
    outcome = services.narrate(article_id=article.pk, text_hash=task.args[1], claim_id=task.id)
    assert outcome.state == "ready"
    assert Narration.objects.get(article=article).status == Narration.Status.READY


def test_a_newer_text_waits_for_the_worker_busy_with_the_older_one(publish, republish, queued):
    article = publish()
    [first] = queued()
    Narration.objects.filter(article=article).update(
        status=Narration.Status.GENERATING, heartbeat_at=timezone.now(), claimed_by=first.id
    )
    article = republish(article, body=paragraphs("A newer text."))
    [_, second] = queued()
    assert second.args[1] != first.args[1]
    waiting = Narration.objects.get(article=article)
    assert waiting.status == Narration.Status.GENERATING  # the first worker keeps its claim
    assert waiting.requested_hash == second.args[1]
    assert run_queued(second) == "busy"
    assert run_queued(first) == "ready"  # narrates the current (newer) text
    assert run_queued(second) == "unchanged"
    done = Narration.objects.get(article=article)
    assert done.status == Narration.Status.READY and done.audio_hash == second.args[1]
