"""The editor's view of narration: status panel, audio preview, regenerate, the lexicon."""

import pytest
from django.tasks import task_backends
from django.urls import reverse

from newsdesk.conftest import paragraphs, use_task_backend
from newsdesk.narration.models import LexiconEntry, Narration
from newsdesk.narration.tasks import narrate_article, refresh_lexicon
from newsdesk.narration.tests.conftest import run_queued

pytestmark = pytest.mark.django_db
TINY = paragraphs("Power is back in Kyiv.")


def narration_tasks():
    return [r for r in task_backends["default"].results if r.task.name == narrate_article.name]


def run_lexicon_refresh(capture):
    """Run the refresh the lexicon change queued (the DummyBackend only queues it)."""
    for result in list(task_backends["default"].results):
        if result.task.name == refresh_lexicon.name and result.status == "READY":
            with capture(execute=True):
                run_queued(result)
            task_backends["default"].results.remove(result)


def edit_page(client, article):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    return response.text


@pytest.fixture
def ready(publish):
    return publish(body=TINY)


def test_it_shows_the_ready_audio_in_the_editor(client, editor, ready):
    client.force_login(editor)
    html = edit_page(client, ready)
    narration = Narration.objects.get(article=ready)
    assert "Narration" in html and "Ready" in html
    assert f'<audio controls preload="none" src="{narration.audio.url}"' in html
    assert narration.duration_label in html
    assert reverse("narration_regenerate", args=[ready.pk]) in html
    assert "narration/admin.js" in html


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"status": "queued"}, ["Queued"]),
        ({"status": "generating", "progress": 42}, ["Generating", 'value="42"', "42%"]),
        (
            {"status": "failed", "detail": "Failed after 3 attempts: the voice broke."},
            ["Failed", "help-critical", "Failed after 3 attempts: the voice broke."],
        ),
        (
            {"status": "none", "detail": "Not narrated: the article has no body text to read."},
            ["Not narrated: the article has no body text to read."],
        ),
    ],
)
def test_it_shows_each_status_in_the_editor(client, editor, ready, fields, shown):
    Narration.objects.filter(article=ready).update(**fields)
    client.force_login(editor)
    html = edit_page(client, ready)
    for text in shown:
        assert text in html
    status = client.get(reverse("narration_status", args=[ready.pk])).text
    for text in shown:
        assert text in status
    assert ("data-busy" in status) == (fields["status"] in {"queued", "generating"})


def test_it_explains_narration_on_a_new_article(client, editor, section):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk])
    assert "The audio version is made when the article is published." in client.get(url).text


def test_an_editor_regenerates_unchanged_text(
    client, editor, ready, settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    client.force_login(editor)
    url = reverse("narration_regenerate", args=[ready.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "The current audio stays on the page until the new one is ready." in confirm.text
    assert narration_tasks() == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[ready.pk])
    assert "Narration of “Power returns” queued." in response.text
    [task] = narration_tasks()
    assert task.args[0] == ready.pk and task.args[2] is True  # forced
    assert Narration.objects.get(article=ready).status == Narration.Status.QUEUED


def test_regenerating_really_makes_new_audio(
    client, editor, ready, django_capture_on_commit_callbacks
):
    old = Narration.objects.get(article=ready)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("narration_regenerate", args=[ready.pk]))
    new = Narration.objects.get(article=ready)
    assert new.status == Narration.Status.READY
    assert new.generated_at > old.generated_at


def test_a_reporter_cannot_regenerate(client, reporter, ready):
    client.force_login(reporter)
    html = edit_page(client, ready)
    assert reverse("narration_regenerate", args=[ready.pk]) not in html
    response = client.post(reverse("narration_regenerate", args=[ready.pk]))
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's "denied"
    assert Narration.objects.get(article=ready).status == Narration.Status.READY


def test_the_page_listing_offers_regeneration(client, editor, ready, section):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_explore", args=[section.pk])).text
    assert reverse("narration_regenerate", args=[ready.pk]) in html


def lexicon_url(action, *args):
    return reverse(f"wagtailsnippets_narration_lexiconentry:{action}", args=args)


def test_an_editor_adds_a_pronunciation_and_articles_with_the_term_are_requeued(
    client, editor, publish, settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    kyiv = publish(body=TINY)
    other = publish(title="Lviv theatre", body=paragraphs("A new play opens."))
    queued_before = len(narration_tasks())
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(lexicon_url("add"), {"term": "Kyiv", "say": "KEE-iv"})
    assert response.status_code == 302
    run_lexicon_refresh(django_capture_on_commit_callbacks)
    requeued = [task.args[0] for task in narration_tasks()[queued_before:]]
    assert requeued == [kyiv.pk]
    assert other.pk not in requeued


def test_renaming_a_term_requeues_articles_with_the_old_and_the_new_term(
    client, editor, publish, settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    entry = LexiconEntry.objects.create(term="Kyiv", say="KEE-iv")
    kyiv = publish(body=TINY)
    kharkiv = publish(title="Kharkiv", body=paragraphs("Trams run again."))
    publish(title="Odesa", body=paragraphs("The port is busy."))
    queued_before = len(narration_tasks())
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lexicon_url("edit", entry.pk), {"term": "Kharkiv", "say": "KHAR-kiv"})
    run_lexicon_refresh(django_capture_on_commit_callbacks)
    requeued = sorted(task.args[0] for task in narration_tasks()[queued_before:])
    assert requeued == sorted([kyiv.pk, kharkiv.pk])


def test_deleting_a_term_requeues_its_articles(
    client, editor, publish, settings, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    entry = LexiconEntry.objects.create(term="Kyiv", say="KEE-iv")
    kyiv = publish(body=TINY)
    queued_before = len(narration_tasks())
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lexicon_url("delete", entry.pk))
    run_lexicon_refresh(django_capture_on_commit_callbacks)
    assert not LexiconEntry.objects.exists()
    assert [task.args[0] for task in narration_tasks()[queued_before:]] == [kyiv.pk]


def test_a_lexicon_change_regenerates_the_audio_of_articles_with_the_term(
    client, editor, publish, django_capture_on_commit_callbacks
):
    kyiv = publish(body=TINY)
    other = publish(title="Lviv theatre", body=paragraphs("A new play opens."))
    before = {n.article_id: n.audio_hash for n in Narration.objects.all()}
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lexicon_url("add"), {"term": "Kyiv", "say": "KEE-iv"})
    after = {n.article_id: n.audio_hash for n in Narration.objects.all()}
    assert after[kyiv.pk] != before[kyiv.pk]
    assert after[other.pk] == before[other.pk]
    assert Narration.objects.get(article=kyiv).status == Narration.Status.READY


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"term": "!!!", "say": "bang"}, "The term needs at least one letter or digit."),
        ({"term": "Kyiv", "say": "123"}, "Write how it sounds, in letters."),
        ({"term": "", "say": "KEE-iv"}, "This field is required."),
    ],
)
def test_it_rejects_a_bad_pronunciation(client, editor, data, error):
    client.force_login(editor)
    response = client.post(lexicon_url("add"), data)
    assert response.status_code == 200
    assert error in response.text
    assert not LexiconEntry.objects.exists()


def test_the_narration_report_lists_every_status(client, editor, ready, publish):
    empty = publish(title="Empty one", body=[])
    Narration.objects.filter(article=ready).update(status="generating", progress=37)
    client.force_login(editor)
    response = client.get(reverse("narration_report:index"))
    assert response.status_code == 200
    html = response.text
    assert "Generating 37%" in html
    assert "Not narrated: the article has no body text to read." in html
    assert reverse("wagtailadmin_pages:edit", args=[empty.pk]) in html
    failed_only = client.get(reverse("narration_report:index"), {"status": "failed"}).text
    assert "Empty one" not in failed_only
    assert "Add narration" not in html
    assert client.get(reverse("narration_report:add")).status_code == 302  # denied


def test_not_even_a_superuser_edits_a_narration_by_hand(client, superuser, ready):
    client.force_login(superuser)
    assert "Add narration" not in client.get(reverse("narration_report:index")).text
    narration = Narration.objects.get(article=ready)
    edit = client.get(reverse("narration_report:edit", args=[narration.pk]))
    assert edit.status_code == 302 and edit.url == "/admin/"
