"""`manage.py narrate <article-id|--all-missing>`: backfills with a progress bar."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.tasks import task_backends

from newsdesk.conftest import paragraphs, use_task_backend
from newsdesk.narration.models import Narration

pytestmark = pytest.mark.django_db
TINY = paragraphs("Power is back.")


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def unnarrated(article_factory, settings):
    """Articles published while narration was switched off."""
    settings.NARRATION_ON_PUBLISH = False
    articles = [
        article_factory(title="Long enough story", body=paragraphs("Power is back.", "Yes.")),
        article_factory(title="Short story", body=TINY),
        article_factory(title="Empty story", body=[]),
    ]
    settings.NARRATION_ON_PUBLISH = True
    return articles


def test_it_narrates_every_missing_article_shortest_first(unnarrated):
    out = io.StringIO()
    call_command("narrate", "--all-missing", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "Short story: ready",
        "Long enough story: ready",
    ]
    assert Narration.objects.filter(status=Narration.Status.READY).count() == 2
    out = io.StringIO()
    call_command("narrate", "--all-missing", stdout=out)
    assert out.getvalue() == "Nothing to narrate: every published article has current audio.\n"


def test_it_draws_a_progress_bar_on_a_terminal(unnarrated):
    out = Terminal()
    call_command("narrate", str(unnarrated[1].pk), stdout=out)
    text = out.getvalue()
    assert "\r[" in text and " 1/1 " in text and "100%" in text and "Short story" in text
    assert text.splitlines()[-1].startswith("Short story: ready, ")


def test_it_narrates_given_articles_and_explains_the_ones_it_cannot(unnarrated):
    out = io.StringIO()
    empty = unnarrated[2]
    call_command("narrate", str(unnarrated[1].pk), str(empty.pk), stdout=out)
    assert out.getvalue().startswith("Short story: ready, 0:0")
    assert "Empty story: Not narrated: the article has no body text to read.\n" in out.getvalue()


def test_it_queues_for_the_worker_with_queue(
    unnarrated, settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("narrate", "--all-missing", "--queue", stdout=out)
    assert out.getvalue() == "Queued 2 of 2 articles for the worker.\n"
    names = [r.task.name for r in task_backends["default"].results]
    assert names.count("narrate_article") == 2


def test_it_regenerates_current_audio_only_with_force(unnarrated):
    article = unnarrated[1]
    call_command("narrate", str(article.pk), stdout=io.StringIO())
    first = Narration.objects.get(article=article).generated_at
    out = io.StringIO()
    call_command("narrate", str(article.pk), stdout=out)
    assert out.getvalue() == "Short story: audio is current\n"
    call_command("narrate", str(article.pk), "--force", stdout=io.StringIO())
    assert Narration.objects.get(article=article).generated_at > first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Give article ids or --all-missing (not both)."),
        (("1", "--all-missing"), "Give article ids or --all-missing (not both)."),
        (("999999",), "No published article with id 999999."),
    ],
)
def test_it_rejects_bad_arguments(db, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("narrate", *args, stdout=io.StringIO())
