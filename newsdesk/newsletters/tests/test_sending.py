"""Sending an issue: one delivery row per confirmed subscriber, claimed in batches, each sent
once through a real SMTP server and recorded; failures, retries and dead workers handled."""

import io
import smtplib
import socket
import threading
from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.test import Client
from django.utils import timezone

from newsdesk.conftest import make_section, use_task_backend
from newsdesk.newsletters import composer, issues, sending, services, tasks
from newsdesk.newsletters.models import Delivery, Issue, IssueArticle, Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import confirmed, link_in, path_of
from newsdesk.testing import free_port
from newsdesk.testing.mail import smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_site(settings):
    settings.SITE_URL = "https://ledger.example"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ledger.example"]


def make_issue(newsletter, articles=(), **fields):
    issue = Issue.objects.create(
        newsletter=newsletter,
        subject=fields.pop("subject", "Tuesday: power, grain and the accession talks"),
        intro=fields.pop("intro", "<p>Good morning. Three stories to start the day.</p>"),
        **fields,
    )
    for article in articles:
        IssueArticle.objects.create(issue=issue, article=article)
    return issue


def send(issue, capture):
    with capture(execute=True):
        tasks.send_now(issue=issue)
    issue.refresh_from_db()
    return issue


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


@pytest.mark.parametrize("pipelining", [False, True], ids=["plain", "pipelined"])
def test_it_marks_a_refused_recipient_failed_with_the_error(
    django_capture_on_commit_callbacks, settings, newsletter, pipelining
):
    confirmed(newsletter, "ok@example.org", "gone@example.org", "also-ok@example.org")
    with smtp_server(refuse=["gone@example.org"], pipelining=pipelining) as server:
        settings.MAILERS = {"default": server.mailer}
        issue = send(make_issue(newsletter), django_capture_on_commit_callbacks)
        assert sorted(server.recipients()) == ["also-ok@example.org", "ok@example.org"]
    failed = Delivery.objects.get(status="failed")
    assert failed.subscriber.email == "gone@example.org"
    assert "550" in failed.error and "No such mailbox" in failed.error
    assert issue.status == Issue.Status.SENT
    assert issues.get_progress(issue).failed == 1


@pytest.mark.parametrize("pipelining", [False, True], ids=["plain", "pipelined"])
def test_it_retries_a_deferred_recipient_later_then_gives_up(settings, newsletter, pipelining):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    confirmed(newsletter, "later@example.org", "ok@example.org")
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    issue_mail = composer.IssueMail.for_issue(issue, frozen=False)
    with smtp_server(defer=["later@example.org"], pipelining=pipelining) as server:
        settings.MAILERS = {"default": server.mailer}
        result = sending.send_batch(issue_mail, sending.claim_batch(issue.pk))
        assert (result.sent, result.failed, result.released) == (1, 0, 1)
        later = Delivery.objects.get(subscriber__email="later@example.org")
        assert later.status == "queued" and later.attempts == 1 and "451" in later.error
        assert later.lease_until > timezone.now()  # not before its retry time
        assert sending.claim_batch(issue.pk).rows == []

        Delivery.objects.filter(pk=later.pk).update(lease_until=timezone.now())
        sending.send_batch(issue_mail, sending.claim_batch(issue.pk))
        Delivery.objects.filter(pk=later.pk).update(lease_until=timezone.now())
        assert sending.claim_batch(issue.pk).rows == []  # two attempts: no more claims
    assert issues.finish_if_done(issue_id=issue.pk)  # which gives up on it
    later.refresh_from_db()
    assert later.status == "failed" and later.attempts == 2 and "451" in later.error


def test_claims_never_share_a_row(newsletter):
    confirmed(newsletter, *[f"r{n}@example.org" for n in range(7)])
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    first = sending.claim_batch(issue.pk, size=4)
    second = sending.claim_batch(issue.pk, size=4)
    third = sending.claim_batch(issue.pk, size=4)
    ids = [row[0] for claim in (first, second) for row in claim.rows]
    assert (len(first.rows), len(second.rows), len(third.rows)) == (4, 3, 0)
    assert len(ids) == len(set(ids)) == 7
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_rows_of_a_dead_worker_are_sent_after_its_lease_and_only_then(
    django_capture_on_commit_callbacks, settings, smtp, newsletter
):
    settings.NEWSLETTER_BATCH_SIZE = 3
    confirmed(newsletter, *[f"r{n}@example.org" for n in range(10)])
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    dead = sending.claim_batch(issue.pk)  # a worker that died holding three rows

    with django_capture_on_commit_callbacks(execute=True):
        tasks.deliver_issue.call(issue.pk)
    assert smtp.count == 7
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING
    assert tasks.watch_issue.call(issue.pk) in ("watching", "restarted")

    Delivery.objects.filter(claim=dead.token).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.watch_issue.call(issue.pk) == "restarted"  # it starts a sender
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert sorted(smtp.recipients().values()) == [1] * 10
    assert {row.attempts for row in Delivery.objects.filter(claim="", sent_at__isnull=False)} == {
        1,
        2,
    }


def test_a_worker_stops_sending_once_half_its_lease_is_gone(settings, smtp, newsletter):
    confirmed(newsletter, "a@example.org", "b@example.org")
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    claim = sending.claim_batch(issue.pk)
    settings.NEWSLETTER_LEASE_SECONDS = 0
    result = sending.send_batch(composer.IssueMail.for_issue(issue, frozen=False), claim)
    assert (result.sent, result.released) == (0, 2)
    assert smtp.count == 0
    assert set(Delivery.objects.values_list("status", flat=True)) == {"queued"}


def test_it_waits_for_a_mail_server_that_is_down_and_resumes(
    django_capture_on_commit_callbacks, settings, smtp, newsletter
):
    confirmed(newsletter, "a@example.org", "b@example.org")
    issue = make_issue(newsletter)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    issue = send(issue, django_capture_on_commit_callbacks)
    assert issue.status == Issue.Status.SENDING
    assert "Cannot connect" in issue.send_error
    # Not being able to connect is not an attempt at the recipients.
    assert set(Delivery.objects.values_list("status", "attempts")) == {("queued", 0)}

    settings.MAILERS = {"default": smtp.mailer}
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.watch_issue.call(issue.pk) == "restarted"
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.send_error == ""
    assert smtp.count == 2


@pytest.mark.parametrize("pipelining", [False, True], ids=["plain", "pipelined"])
def test_a_connection_lost_mid_batch_puts_the_rest_back(settings, newsletter, pipelining):
    confirmed(newsletter, *[f"r{n}@example.org" for n in range(6)])
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    issue_mail = composer.IssueMail.for_issue(issue, frozen=False)
    with smtp_server(hang_up_after=3, pipelining=pipelining) as server:
        settings.MAILERS = {"default": server.mailer}
        result = sending.send_batch(issue_mail, sending.claim_batch(issue.pk))
        assert (result.sent, result.released) == (2, 4) and "hung up" in result.error
        rows = list(Delivery.objects.order_by("pk").values_list("status", "attempts"))
        # The third message reached the server unanswered: it counts as an attempt and will
        # go again (the one possible duplicate); the three after it were never tried.
        assert rows == [("sent", 1)] * 2 + [("queued", 1)] + [("queued", 0)] * 3
        server.hang_up_after = None
        sending.send_batch(issue_mail, sending.claim_batch(issue.pk))
        assert sorted(server.recipients().values()) == [1, 1, 1, 1, 1, 2]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.parametrize("pipelining, writes", [(False, 4), (True, 2)], ids=["plain", "pipelined"])
def test_it_pipelines_a_message_where_the_server_offers_it(
    settings, monkeypatch, newsletter, pipelining, writes
):
    confirmed(newsletter, *[f"r{n}@example.org" for n in range(4)])
    issue = make_issue(newsletter, status=Issue.Status.SENDING)
    issues.create_deliveries(issue)
    issue_mail = composer.IssueMail.for_issue(issue, frozen=False)
    envelopes, writes_seen = [], []
    envelope_for, send = issue_mail.envelope_for, smtplib.SMTP.send

    def recording_envelope_for(**person):
        envelopes.append(envelope_for(**person))
        return envelopes[-1]

    def recording_send(smtp, data):
        writes_seen.append(data.encode() if isinstance(data, str) else data)
        return send(smtp, data)

    monkeypatch.setattr(issue_mail, "envelope_for", recording_envelope_for)
    monkeypatch.setattr(smtplib.SMTP, "send", recording_send)
    with smtp_server(pipelining=pipelining) as server:
        settings.MAILERS = {"default": server.mailer}
        result = sending.send_batch(issue_mail, sending.claim_batch(issue.pk))
        received = server.wait_for(4)
    assert result.sent == 4
    # MAIL, RCPT, DATA, the message: one write each, or the first three together.
    per_message = [w for w in writes_seen if not w.lower().startswith((b"ehlo", b"quit"))]
    assert len(per_message) == 4 * writes
    assert [(item.rcpt_tos, item.data) for item in received] == [
        ([to], data) for to, data in envelopes
    ]


def test_it_sends_leading_dots_and_line_ends_intact_when_pipelining():
    with smtp_server(pipelining=True) as server:
        smtp = smtplib.SMTP(server.host, server.port)
        data = b"Subject: dots\r\n\r\n.one\r\n..two\r\n.\r\nbare\nlf\rcr\r\nlast"
        sending.send_pipelined(smtp, "news@example.org", "r@example.org", data)
        smtp.quit()
        [item] = server.wait_for(1)
    assert item.data == b"Subject: dots\r\n\r\n.one\r\n..two\r\n.\r\nbare\r\nlf\r\ncr\r\nlast\r\n"


def test_it_never_sends_the_message_into_a_data_accepted_after_a_refused_recipient():
    """RFC 2920 lets a server answer 354 to pipelined DATA although it refused the recipient;
    the client then ends DATA with a lone dot. aiosmtpd answers 503, so a scripted server."""
    replies = {
        b"EHLO": b"250-lenient\r\n250 PIPELINING\r\n",
        b"MAIL": b"250 2.1.0 Ok\r\n",
        b"RCPT": b"550 5.1.1 No such mailbox\r\n",
        b"DATA": b"354 End data with <CR><LF>.<CR><LF>\r\n",
        b".": b"554 5.5.1 No valid recipients\r\n",
        b"RSET": b"250 2.0.0 Ok\r\n",
        b"QUIT": b"221 2.0.0 Bye\r\n",
    }
    heard = []
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        connection, _ = listener.accept()
        with connection, connection.makefile("rb") as lines:
            connection.sendall(b"220 lenient ESMTP\r\n")
            for line in lines:
                heard.append(line)
                command = line.split(b" ")[0].split(b":")[0].strip().upper()
                connection.sendall(replies.get(command, b"500 5.5.2 Unexpected\r\n"))
                if command == b"QUIT":
                    break

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    smtp = smtplib.SMTP(*listener.getsockname(), timeout=5)
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        sending.send_pipelined(smtp, "news@example.org", "gone@example.org", b"Body\r\n")
    smtp.quit()
    server.join(5)
    listener.close()
    assert refused.value.recipients == {"gone@example.org": (550, b"5.1.1 No such mailbox")}
    assert heard[1:] == [
        b"mail from:<news@example.org>\r\n",
        b"rcpt to:<gone@example.org>\r\n",
        b"data\r\n",
        b".\r\n",
        b"rset\r\n",
        b"quit\r\n",
    ]


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
