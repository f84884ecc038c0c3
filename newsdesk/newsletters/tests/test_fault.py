"""A worker killed with SIGKILL in the middle of sending: nobody misses the issue, and at most
the one message that was on the killed worker's connection arrives twice."""

import os
import signal
import time

import pytest
from django.utils import timezone

from newsdesk.conftest import use_task_backend
from newsdesk.newsletters import tasks
from newsdesk.newsletters.models import Delivery, Issue, Subscriber, Subscription
from newsdesk.testing import start_worker, stop, wait_until
from newsdesk.testing.mail import smtp_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SUBSCRIBERS = 5_000


def subscribe_many(newsletter, count):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n:05d}@example.org") for n in range(count)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=subscriber,
            newsletter=newsletter,
            status=Subscription.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for subscriber in Subscriber.objects.all()
    )
    return sorted(Subscriber.objects.values_list("email", flat=True))


@pytest.mark.parametrize("pipelining", [False, True], ids=["plain", "pipelined"])
def test_a_worker_killed_mid_send_loses_nobody_and_repeats_at_most_one(
    settings, tmp_path, newsletter, pipelining
):
    use_task_backend(settings, "database")
    everyone = subscribe_many(newsletter, SUBSCRIBERS)
    issue = Issue.objects.create(newsletter=newsletter, subject="The fault-test issue")
    with smtp_server(pipelining=pipelining) as smtp:
        env = {
            "EMAIL_URL": smtp.url,
            "NEWSLETTER_BATCH_SIZE": 50,
            "NEWSLETTER_LEASE_SECONDS": 4,
            "NEWSLETTER_WATCH_SECONDS": 1,
        }
        tasks.send_now(issue=issue)
        logs = [tmp_path / "killed.log", tmp_path / "survivor.log"]
        killed = start_worker(queue="mail", env=env, log=logs[0].open("w"))
        try:
            wait_until(
                lambda: smtp.count >= SUBSCRIBERS // 4, 90, "a quarter of the mail", logs[:1]
            )
            os.kill(killed.pid, signal.SIGKILL)
            killed.wait(10)
        finally:
            stop(killed)
        at_kill = smtp.count
        in_flight = Delivery.objects.filter(issue=issue, status="claimed").count()

        started = time.monotonic()
        survivor = start_worker(queue="mail", env=env, log=logs[1].open("w"))
        try:
            wait_until(
                lambda: Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT,
                120,
                "the second worker to finish",
                logs,
            )
        finally:
            stop(survivor)
        recovery = time.monotonic() - started

        received = smtp.recipients()
    duplicates = sum(count - 1 for count in received.values())
    print(
        f"\nfault test ({'pipelined' if pipelining else 'plain'} SMTP): {SUBSCRIBERS} subscribers, "
        f"worker killed after {at_kill} messages "
        f"holding {in_flight} claimed rows; the second worker finished in {recovery:.1f} s; "
        f"{len(received)} subscribers got it, {duplicates} duplicate(s)"
    )
    assert sorted(received) == everyone  # nobody missed it
    assert duplicates <= 1  # at most the message on the killed worker's connection
    assert set(Delivery.objects.filter(issue=issue).values_list("status", flat=True)) == {"sent"}
