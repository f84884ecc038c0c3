"""The demo newsroom: its lexicon, and every article queued for narration, shortest first."""

import io

import pytest
from django.core.management import call_command
from django.tasks import task_backends

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import use_task_backend
from newsdesk.demo import content
from newsdesk.narration.models import LexiconEntry, Narration
from newsdesk.narration.services import current_script

pytestmark = pytest.mark.django_db


def queued_narrations():
    results = task_backends["default"].results
    return [r for r in results if r.task.name == "narrate_article"]


def test_the_demo_queues_every_article_shortest_first(settings, django_capture_on_commit_callbacks):
    use_task_backend(settings, "dummy")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert LexiconEntry.objects.count() == len(content.LEXICON)
    tasks = queued_narrations()
    assert len(tasks) == len(content.ARTICLES)
    # The worker takes the highest priority first, then the oldest.
    order = [t.args[0] for t in sorted(tasks, key=lambda t: -t.task.priority)]
    # Length as spoken ("€5m" is three words to say), which is what synthesis takes time for.
    words = {a.pk: current_script(a).body_words for a in ArticlePage.objects.all()}
    lengths = [words[pk] for pk in order]
    assert lengths[0] == min(lengths)
    # Priorities step every 10 words: articles within 10 words of each other may swap.
    assert all(
        later > earlier - 10 for earlier, later in zip(lengths, lengths[1:], strict=False)
    ), lengths
    assert Narration.objects.filter(status=Narration.Status.QUEUED).count() == len(tasks)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert len(queued_narrations()) == len(tasks)
