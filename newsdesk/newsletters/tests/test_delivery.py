"""Delivering an issue's rows: claimed in batches that never overlap, sent over one SMTP
connection (pipelined where the server offers it), each recorded; refused and deferred
recipients, a mail server that is down, a connection lost mid-batch and dead workers handled."""

import smtplib
import socket
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.newsletters import composer, issues, sending, tasks
from newsdesk.newsletters.models import Delivery, Issue
from newsdesk.newsletters.tests.conftest import confirmed, make_issue, send
from newsdesk.testing import free_port
from newsdesk.testing.mail import smtp_server

pytestmark = pytest.mark.django_db


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
