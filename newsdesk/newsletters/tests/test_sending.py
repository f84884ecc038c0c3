"""Sending an issue: one delivery row per confirmed subscriber, each sent once through a real
SMTP server with its own unsubscribe link; what goes in it, when it goes, and its progress.
How the rows are claimed and delivered, and what happens when that fails: test_delivery.py."""

import io
from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.test import Client
from django.utils import timezone

from newsdesk.conftest import make_section, use_task_backend
from newsdesk.newsletters import composer, issues, services, tasks
from newsdesk.newsletters.models import Delivery, Issue, Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import confirmed, link_in, make_issue, path_of, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_site(settings):
    settings.SITE_URL = "https://ledger.example"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ledger.example"]


def test_it_sends_one_mail_to_each_confirmed_subscriber_with_its_own_unsubscribe_link(
    django_capture_on_commit_callbacks, https_site, smtp, newsletter, weekly, article_factory
):
    readers = [f"reader{n}@example.org" for n in range(25)]
    confirmed(newsletter, *readers)
    confirmed(weekly, "weekly-only@example.org")
    pending = Subscriber.objects.create(email="pending@example.org")
    Subscription.objects.create(subscriber=pending, newsletter=newsletter)
    [left] = confirmed(newsletter, "left@example.org")
    services.unsubscribe(subscriber_id=left.pk, newsletter_id=newsletter.pk)
    [bounced] = confirmed(newsletter, "bounced@example.org")
    services.suppress(email=bounced.email, reason="bounce")
    story = article_factory(title="Kyiv restores power to most districts")
    issue = send(make_issue(newsletter, [story]), django_capture_on_commit_callbacks)

    assert issue.status == Issue.Status.SENT and issue.finished_at
    received = smtp.wait_for(25)
    assert sorted(smtp.recipients().elements()) == sorted(readers)  # exactly one each
    assert Delivery.objects.filter(issue=issue).count() == 25
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}

    unsubscribe_urls = set()
    for item in received:
        message = item.message
        assert message["To"] == item.rcpt_tos[0]
        assert message["Subject"] == issue.subject
        assert message["From"] == newsletter.from_email
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        https, mailto = (part.strip(" <>") for part in message["List-Unsubscribe"].split(","))
        assert https.startswith("https://ledger.example/newsletters/unsubscribe/")
        assert mailto.startswith("mailto:") and "subject=unsubscribe%20" in mailto
        assert link_in(message, "/newsletters/unsubscribe/") == https
        html = message.get_body(preferencelist=("html",)).get_content()
        assert story.title in html and f'href="{https}"' in html
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert story.title in text and "https://ledger.example" + story.url in text
        unsubscribe_urls.add(https)
    assert len(unsubscribe_urls) == 25

    # Each link unsubscribes its own reader, by a mail program's POST without cookies or token.
    for item in received:
        url = item.message["List-Unsubscribe"].split(",")[0].strip(" <>")
        response = Client(enforce_csrf_checks=True).post(
            path_of(url),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        reader = Subscriber.objects.get(email=item.rcpt_tos[0])
        assert reader.subscriptions.get(newsletter=newsletter).status == "unsubscribed"
    still = Subscription.objects.filter(newsletter=newsletter, status="confirmed")
    assert list(still.values_list("subscriber__email", flat=True)) == ["bounced@example.org"]
    assert Subscription.objects.get(newsletter=weekly).status == "confirmed"


def test_it_encodes_addresses_subjects_and_senders_beyond_ascii(
    django_capture_on_commit_callbacks, smtp, newsletter
):
    newsletter.sender_name = "Андрій Лисенко at The Ledger"
    newsletter.save()
    confirmed(newsletter, "olena@приклад.укр")
    send(
        make_issue(newsletter, subject="Що змінилося за ніч — and what’s next"),
        django_capture_on_commit_callbacks,
    )
    [item] = smtp.wait_for(1)
    assert item.rcpt_tos == ["olena@xn--80aikifvh.xn--j1amh"]
    assert item.message["Subject"] == "Що змінилося за ніч — and what’s next"
    assert item.message["From"].addresses[0].display_name == "Андрій Лисенко at The Ledger"
    assert item.data.isascii()
    assert max(len(line) for line in item.data.split(b"\r\n")) <= 998
    body_lines = item.data.split(b"\r\n\r\n", 1)[1].split(b"\r\n")
    assert max(len(line) for line in body_lines) <= 76


def test_it_fixes_the_content_when_sending_starts(
    django_capture_on_commit_callbacks, smtp, newsletter, article_factory
):
    story = article_factory(title="Original headline")
    confirmed(newsletter, "reader@example.org")
    issue = send(make_issue(newsletter, [story]), django_capture_on_commit_callbacks)
    assert "Original headline" in issue.sent_html and "Original headline" in issue.sent_text
    assert issue.sent_subject == issue.subject
    html = smtp.wait_for(1)[0].message.get_body(preferencelist=("html",)).get_content()
    assert html.replace("\r\n", "\n") == issue.sent_html.replace(
        composer.UNSUBSCRIBE_MARKER,
        composer.unsubscribe_url(Subscriber.objects.get().pk, newsletter.pk),
    ).replace("\r\n", "\n")


def test_it_creates_the_delivery_rows_once(newsletter):
    confirmed(newsletter, "a@example.org", "b@example.org")
    issue = make_issue(newsletter)
    assert issues.create_deliveries(issue) == 2
    assert issues.create_deliveries(issue) == 0
    assert Delivery.objects.filter(issue=issue).count() == 2


def test_unsubscribing_or_bouncing_during_a_send_skips_the_queued_copy(newsletter):
    left, bounced, stays = confirmed(
        newsletter, "left@example.org", "bounced@example.org", "stays@example.org"
    )
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    services.unsubscribe(subscriber_id=left.pk, newsletter_id=newsletter.pk)
    services.suppress(email="Bounced@Example.org", reason="bounce")
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {
        "left@example.org": "skipped",
        "bounced@example.org": "skipped",
        "stays@example.org": "queued",
    }


def test_it_goes_through_any_mailer(django_capture_on_commit_callbacks, settings, newsletter):
    confirmed(newsletter, "reader@example.org")
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    send(make_issue(newsletter), django_capture_on_commit_callbacks)
    [message] = django_mail.outbox
    # Providers' API backends (Anymail) read the message's attributes, not its MIME bytes.
    assert message.to == ["reader@example.org"]
    assert message.subject.startswith("Tuesday")
    assert "/newsletters/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and composer.UNSUBSCRIBE_MARKER not in html
    assert composer.UNSUBSCRIBE_MARKER not in message.body

    stream = io.StringIO()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.console.EmailBackend",
            "OPTIONS": {"stream": stream},
        }
    }
    composer.send(
        composer.IssueMail.for_issue(Issue.objects.get()).message_for(
            email_address="reader@example.org", subscriber_id=1
        )
    )
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in stream.getvalue()


def test_it_schedules_and_reschedules_sending(settings, newsletter):
    use_task_backend(settings, "dummy")
    from django.tasks import default_task_backend

    issue = make_issue(newsletter)
    later = timezone.now() + timedelta(hours=2)
    with_commit = tasks.schedule
    with pytest.raises(issues.SendingError):
        tasks.schedule(issue=make_issue(newsletter, status=Issue.Status.SENT), when=later)
    with_commit(issue=issue, when=later)
    assert issue.status == Issue.Status.SCHEDULED and issue.scheduled_at == later
    tasks.schedule(issue=issue, when=later + timedelta(hours=1))
    # The first schedule's task finds it superseded; the second's runs at its time only.
    assert tasks.send_issue.call(issue.pk, later.isoformat()) == ("rescheduled")
    newer = (later + timedelta(hours=1)).isoformat()
    assert tasks.send_issue.call(issue.pk, newer) == "early"
    assert issues.cancel_schedule(issue=issue)
    assert tasks.send_issue.call(issue.pk, newer) == "not scheduled"
    assert issue.status == Issue.Status.DRAFT and not Delivery.objects.exists()
    assert default_task_backend.supports_defer


def test_it_refuses_to_schedule_where_tasks_cannot_wait(settings, newsletter):
    use_task_backend(settings, "immediate")
    with pytest.raises(issues.SendingError, match="cannot run tasks later"):
        tasks.schedule(issue=make_issue(newsletter), when=timezone.now() + timedelta(days=1))


def test_it_picks_the_chosen_then_the_latest_articles_since_the_last_issue(
    django_capture_on_commit_callbacks, smtp, home, section, newsletter, article_factory
):
    world = make_section(home, "World")
    old = article_factory(title="Before the last issue")
    chosen = article_factory(title="Chosen by the editor", section=world)
    confirmed(newsletter, "reader@example.org")
    send(make_issue(newsletter), django_capture_on_commit_callbacks)
    new_news = [article_factory(title=f"News since {n}") for n in range(3)]
    new_world = article_factory(title="World since", section=world)
    issue = make_issue(newsletter, [chosen], latest_count=2, latest_section=section)
    titles = [article.title for article in issue.get_articles()]
    assert titles == ["Chosen by the editor", "News since 2", "News since 1"]
    issue.latest_section = None
    issue.latest_count = 10
    titles = [article.title for article in issue.get_articles()]
    assert titles[0] == "Chosen by the editor" and old.title not in titles
    assert set(titles[1:]) == {a.title for a in new_news} | {new_world.title}


def test_it_sends_a_test_of_the_current_draft(smtp, newsletter, article_factory):
    story = article_factory(title="A story for the test")
    issue = make_issue(newsletter, [story])
    issues.send_test(issue=issue, to="Editor@Example.org")
    [item] = smtp.wait_for(1)
    assert item.rcpt_tos == ["editor@example.org"]
    assert item.message["Subject"] == f"[Test] {issue.subject}"
    assert "A story for the test" in item.message.get_body(preferencelist=("plain",)).get_content()
    assert issue.status == Issue.Status.DRAFT and not Delivery.objects.exists()


def test_it_reports_progress(newsletter):
    confirmed(newsletter, *[f"r{n}@example.org" for n in range(4)])
    issue = make_issue(newsletter, status=Issue.Status.SENDING, started_at=timezone.now())
    issues.create_deliveries(issue)
    rows = list(Delivery.objects.order_by("pk"))
    Delivery.objects.filter(pk=rows[0].pk).update(status="sent", sent_at=timezone.now())
    Delivery.objects.filter(pk=rows[1].pk).update(status="failed", error="550")
    progress = issues.get_progress(issue)
    assert (progress.total, progress.sent, progress.failed, progress.remaining) == (4, 1, 1, 2)
    assert progress.percent == 50 and progress.rate == pytest.approx(0.1)
    assert Issue.objects.with_progress().get().progress_summary == "1 of 4"
