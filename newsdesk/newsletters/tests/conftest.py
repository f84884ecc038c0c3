"""Newsletters are tested against a real SMTP server: `smtp` is an aiosmtpd server on a free
loopback port that this process's mailer (and any worker given `smtp.url`) sends to."""

import re

import pytest
from django.core.cache import cache

from newsdesk.newsletters import tasks
from newsdesk.newsletters.models import Issue, IssueArticle, Newsletter, Subscriber, Subscription
from newsdesk.testing.mail import smtp_server


@pytest.fixture
def smtp(settings):
    with smtp_server() as server:
        settings.MAILERS = {"default": server.mailer}
        yield server


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


def make_newsletter(slug="morning-brief", name="The Morning Brief", **fields):
    return Newsletter.objects.create(slug=slug, name=name, **fields)


@pytest.fixture
def newsletter(db):
    return make_newsletter(
        description="The stories you need to start the day.", cadence="Every weekday at 7 a.m."
    )


@pytest.fixture
def weekly(db):
    return make_newsletter(slug="the-explainer", name="The Explainer", cadence="Every Friday")


def confirmed(newsletter, *emails):
    """Subscribers already confirmed for `newsletter`, in the order given."""
    subscribers = []
    for email in emails:
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"status": Subscription.Status.CONFIRMED},
        )
        subscribers.append(subscriber)
    return subscribers


def link_in(message, pattern):
    """The first URL in the message's text part that matches `pattern`."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(rf"https?://\S*{pattern}\S*", text)
    assert match, f"no link matching {pattern!r} in:\n{text}"
    return match.group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


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
