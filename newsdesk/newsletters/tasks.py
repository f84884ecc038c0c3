"""Background work of newsletters, and the functions that start it. Each task takes ids, calls a
service, queues what the service left to do, and is safe to run twice.

Everything goes to the "mail" queue. Sign-up mail outranks bulk sending, so a reader waiting for
a confirmation link is not queued behind an issue going to thousands.
"""

from django.tasks import task
from django.utils import timezone

from newsdesk.core.tasks import enqueue_on_commit
from newsdesk.newsletters import issues, services

TRANSACTIONAL = 10
BULK = -10


@task(queue_name="mail", priority=TRANSACTIONAL)
def send_confirmation(subscriber_id):
    return services.send_confirmation(subscriber_id=subscriber_id)


@task(queue_name="mail", priority=TRANSACTIONAL)
def send_welcome(subscriber_id, subscription_ids):
    return services.send_welcome(subscriber_id=subscriber_id, subscription_ids=subscription_ids)


@task(queue_name="mail", priority=BULK)
def send_issue(issue_id, scheduled_for=None):
    state, later = issues.start_sending(issue_id=issue_id, scheduled_for=scheduled_for)
    queue(later)
    return state


@task(queue_name="mail", priority=BULK)
def deliver_issue(issue_id):
    totals, later = issues.deliver(issue_id=issue_id)
    queue(later)
    return totals


@task(queue_name="mail", priority=BULK)
def watch_issue(issue_id):
    state, later = issues.watch(issue_id=issue_id)
    queue(later)
    return state


TASKS = {
    t.name: t for t in (send_confirmation, send_welcome, send_issue, deliver_issue, watch_issue)
}


def queue(later):
    """Queue what a service left to do, once the current transaction commits. Work due later
    is dropped where the backend cannot wait (the tests'): the watch it would be is what
    comes back to an issue a dead worker left, and such a backend leaves none."""
    for item in later:
        enqueue_on_commit(TASKS[item.task], *item.args, run_after=item.run_after)


# What views, the admin and commands call: a workflow, then its mail or senders queued.


def sign_up(*, email, newsletters, source_url="", language=""):
    result = services.sign_up(
        email=email, newsletters=newsletters, source_url=source_url, language=language
    )
    queue(result.later)
    return result.subscriber


def confirm(*, token):
    check = services.confirm(token=token)
    queue(check.later)
    return check


def send_new_confirmation(*, token):
    later = services.send_new_confirmation(token=token)
    queue(later)
    return bool(later)


def schedule(*, issue, when):
    queue(issues.schedule(issue=issue, when=when, can_wait=send_issue.get_backend().supports_defer))
    return issue


def send_now(*, issue):
    return schedule(issue=issue, when=timezone.now())


def resume(*, issue):
    queue(issues.resume(issue=issue))
