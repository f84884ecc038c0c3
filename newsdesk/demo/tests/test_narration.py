"""The demo newsroom: its lexicon, and every article queued for narration, the front page's
stories first."""

import io

import pytest
from django.core.management import call_command
from django.tasks import task_backends

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import use_task_backend
from newsdesk.demo import content
from newsdesk.frontpage.models import HomePage
from newsdesk.narration.models import LexiconEntry, Narration
from newsdesk.narration.services import current_script

pytestmark = pytest.mark.django_db


def queued_narrations():
    results = task_backends["default"].results
    return [r for r in results if r.task.name == "narrate_article"]


def test_the_demo_queues_the_front_page_first_and_the_rest_shortest_first(
    settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    settings.NARRATION_ON_PUBLISH = True
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out)
    assert LexiconEntry.objects.count() == len(content.LEXICON)
    tasks = queued_narrations()
    assert len(tasks) == len(content.ARTICLES)
    assert all(-100 <= t.task.priority < 0 for t in tasks)
    # The worker takes the highest priority first, then the oldest.
    order = [t.args[0] for t in sorted(tasks, key=lambda t: -t.task.priority)]

    home = HomePage.objects.get(locale__language_code="en")
    front = [
        home.lead_story_id,
        *(top.article_id for top in home.top_stories.all()),
        home.featured_article_id,
        *(pick.article_id for pick in home.picks.all()),
    ]
    assert order[: len(front)] == front
    assert len({t.task.priority for t in tasks if t.args[0] in front}) == len(front)
    # Then by length as spoken ("€5m" is three words to say), which is what synthesis takes
    # time for; priorities step every 20 words, so articles within 20 words may swap.
    words = {a.pk: current_script(a).body_words for a in ArticlePage.objects.all()}
    lengths = [words[pk] for pk in order[len(front) :]]
    assert all(
        later > earlier - 20 for earlier, later in zip(lengths, lengths[1:], strict=False)
    ), lengths
    assert Narration.objects.filter(status=Narration.Status.QUEUED).count() == len(tasks)
    assert (
        f"Narration: {len(tasks)} articles queued for the worker, the {len(front)} on the front "
        "page first." in out.getvalue()
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert len(queued_narrations()) == len(tasks)
